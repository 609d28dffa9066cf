--liquibase formatted sql

--changeset tukipiiri:015-safety-signals
-- coordinators and administrators who are on duty: safety signals in rooms where no facilitator is present reach them
create table duty_roster (
    account_id uuid        primary key references accounts (id) on delete cascade,
    since      timestamptz not null
);

-- a risk flag, report or request for a private talk that found no facilitator present in its room, and was escalated
create table safety_escalations (
    id         uuid        primary key,
    room_id    uuid        not null references rooms (id) on delete cascade,
    signal     varchar(20) not null check (signal in ('RISK_FLAG', 'REPORT', 'TALK_REQUEST')),
    signal_id  uuid        not null,
    -- the person the signal is about: the writer of a flagged message, a reported person, the one asking
    subject_id uuid        references accounts (id) on delete set null,
    created_at timestamptz not null,
    taken_by   uuid        references accounts (id) on delete set null,
    taken_at   timestamptz,
    closed_at  timestamptz
);
create index safety_escalations_open on safety_escalations (created_at) where closed_at is null;

-- the crisis message a facilitator sends is stored in every configured language; each reader reads their own
alter table messages add column kind varchar(10) not null default 'TEXT' check (kind in ('TEXT', 'CRISIS'));
alter table messages add column translations jsonb;
