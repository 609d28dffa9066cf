--liquibase formatted sql

--changeset tukipiiri:014-retention
-- when a room stopped taking messages (a session ended, a facilitator locked it); retention counts from here
alter table rooms add column closed_at timestamptz;

-- one row: the last claimed retention run; a node runs the job only by moving this forward
create table retention_state (
    id          integer     primary key check (id = 1),
    last_run_at timestamptz not null
);
insert into retention_state (id, last_run_at) values (1, timestamp with time zone '1970-01-01 00:00:00+00');

-- what each run deleted, per rule
create table retention_runs (
    ran_at  timestamptz not null,
    rule    varchar(40) not null,
    deleted integer     not null,
    primary key (ran_at, rule)
);
