--liquibase formatted sql

--changeset tukipiiri:009-attendance
-- who was in a session's room while it was open or live, since when, and for how long in all
create table attendance (
    session_id      uuid        not null references series_sessions (id) on delete cascade,
    account_id      uuid        not null references accounts (id) on delete cascade,
    first_joined_at timestamptz not null,
    present_since   timestamptz,
    seconds_present bigint      not null default 0,
    primary key (session_id, account_id)
);
