--liquibase formatted sql

--changeset tukipiiri:034-appeals
-- A person muted or banned may appeal once per sanction, while it is in force, with a short text; a coordinator or an
-- administrator answers it once, upholding the sanction or lifting it. The appeal goes with the appellant's account
-- and with the sanction; the answerer's account may go (their answer is blanked on erasure, the row stays).
create table appeals (
    id          uuid          primary key,
    sanction_id uuid          not null unique references sanctions (id) on delete cascade,
    account_id  uuid          not null references accounts (id) on delete cascade,
    text        varchar(1000) not null,
    created_at  timestamptz   not null,
    answered_by uuid          references accounts (id) on delete set null,
    answer      varchar(1000),
    answered_at timestamptz,
    outcome     varchar(10)   check (outcome in ('UPHELD', 'LIFTED')),
    check ((answered_at is null) = (outcome is null) and (answered_at is null) = (answer is null))
);
create index appeals_account_idx on appeals (account_id, created_at);
create index appeals_open_idx on appeals (created_at) where answered_at is null;
