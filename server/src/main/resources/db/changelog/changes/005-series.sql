--liquibase formatted sql

--changeset tukipiiri:005-series
create table series (
    id               uuid          primary key,
    template_id      uuid          not null references programme_templates (id),
    title            varchar(120)  not null,
    audience_note    varchar(300)  not null default '',
    kind             varchar(10)   not null check (kind in ('OPEN', 'CLOSED')),
    first_date       date          not null,
    interval_weeks   integer       not null check (interval_weeks in (1, 2)),
    start_time       time          not null,
    length_minutes   integer       not null check (length_minutes between 15 and 240),
    zone             varchar(64)   not null,
    capacity         integer       not null check (capacity between 1 and 500),
    min_participants integer       not null check (min_participants between 0 and 500),
    decision_date    date          not null,
    age_min          integer       check (age_min between 16 and 120),
    age_max          integer       check (age_max between 16 and 120),
    state            varchar(12)   not null default 'PLANNED' check (state in ('PLANNED', 'CONFIRMED', 'CANCELLED', 'COMPLETED')),
    created_by       uuid          references accounts (id) on delete set null,
    created_at       timestamptz   not null,
    constraint series_minimum_fits check (min_participants <= capacity),
    constraint series_ages_ordered check (age_min is null or age_max is null or age_min <= age_max),
    constraint series_decides_before_start check (decision_date <= first_date)
);

create table series_staff (
    series_id  uuid        not null references series (id) on delete cascade,
    account_id uuid        not null references accounts (id) on delete cascade,
    role       varchar(20) not null check (role in ('FACILITATOR', 'PEER_SUPPORTER')),
    primary key (series_id, account_id)
);

create table series_sessions (
    id        uuid         primary key,
    series_id uuid         not null references series (id) on delete cascade,
    position  integer      not null check (position >= 1),
    theme_fi  varchar(120) not null,
    theme_en  varchar(120) not null,
    starts_at timestamptz  not null,
    ends_at   timestamptz  not null,
    state     varchar(12)  not null default 'SCHEDULED' check (state in ('SCHEDULED', 'LOBBY', 'LIVE', 'ENDED', 'CANCELLED')),
    room_id   uuid         references rooms (id) on delete set null,
    constraint series_sessions_ordered check (starts_at < ends_at),
    unique (series_id, position)
);
create index series_sessions_starts_idx on series_sessions (starts_at);
create index series_sessions_state_idx on series_sessions (state, starts_at);
