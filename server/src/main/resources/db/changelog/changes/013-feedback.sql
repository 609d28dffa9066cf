--liquibase formatted sql

--changeset tukipiiri:013-feedback
-- one answer per person and session; editable for a while after the session
create table session_feedback (
    session_id   uuid          not null references series_sessions (id) on delete cascade,
    account_id   uuid          not null references accounts (id) on delete cascade,
    series_id    uuid          not null references series (id) on delete cascade,
    rating       smallint      not null check (rating between 1 and 5),
    helped       varchar(1000) not null default '',
    better       varchar(1000) not null default '',
    free_text    varchar(2000) not null default '',
    anonymous    boolean       not null,
    submitted_at timestamptz   not null,
    updated_at   timestamptz   not null,
    primary key (session_id, account_id)
);
create index session_feedback_series_idx on session_feedback (series_id);

-- the self-assessment at the first and the last meeting of a closed group, one row per item
create table self_assessment_answers (
    series_id    uuid        not null references series (id) on delete cascade,
    account_id   uuid        not null references accounts (id) on delete cascade,
    phase        varchar(5)  not null check (phase in ('FIRST', 'LAST')),
    item         varchar(40) not null,
    value        smallint    not null check (value between 0 and 10),
    submitted_at timestamptz not null,
    primary key (series_id, account_id, phase, item)
);
