--liquibase formatted sql

--changeset tukipiiri:007-session-lifecycle
-- every lifecycle step of a session, once: the unique key is what makes a transition happen exactly once
create table session_transitions (
    session_id uuid        not null references series_sessions (id) on delete cascade,
    to_state   varchar(12) not null,
    at         timestamptz not null,
    primary key (session_id, to_state)
);
