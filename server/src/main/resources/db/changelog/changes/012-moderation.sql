--liquibase formatted sql

--changeset tukipiiri:012-moderation
-- private one-to-one talks between a facilitator and a participant
alter table rooms drop constraint rooms_kind_check;
alter table rooms add constraint rooms_kind_check check (kind in ('OPEN', 'CLOSED', 'PRIVATE'));

-- a removed message keeps its text for the audit trail; readers see only that it was removed
alter table messages add column removed_at timestamptz;
alter table messages add column removed_by uuid references accounts (id) on delete set null;
alter table messages add column removal_reason varchar(500);

-- per-room moderation settings
create table room_moderation (
    room_id           uuid        primary key references rooms (id) on delete cascade,
    slow_mode_seconds integer     not null default 0 check (slow_mode_seconds between 0 and 3600),
    pinned_text       varchar(1000),
    pinned_by         uuid        references accounts (id) on delete set null,
    pinned_at         timestamptz
);

-- mutes and bans; a ban with a series applies to every room of that series, now and later
create table sanctions (
    id          uuid         primary key,
    kind        varchar(10)  not null check (kind in ('MUTE', 'BAN')),
    room_id     uuid         not null references rooms (id) on delete cascade,
    series_id   uuid,
    account_id  uuid         not null references accounts (id) on delete cascade,
    reason      varchar(500) not null default '',
    imposed_by  uuid         references accounts (id) on delete set null,
    imposed_at  timestamptz  not null,
    ends_at     timestamptz,
    lifted_by   uuid         references accounts (id) on delete set null,
    lifted_at   timestamptz
);
create index sanctions_room_account_idx on sanctions (room_id, account_id) where lifted_at is null;
create index sanctions_series_account_idx on sanctions (series_id, account_id) where lifted_at is null and series_id is not null;

create table reports (
    id            uuid         primary key,
    room_id       uuid         not null references rooms (id) on delete cascade,
    reporter_id   uuid         references accounts (id) on delete set null,
    message_id    uuid,
    target_id     uuid         references accounts (id) on delete set null,
    reason        varchar(20)  not null,
    note          varchar(1000) not null default '',
    created_at    timestamptz  not null,
    status        varchar(10)  not null default 'OPEN' check (status in ('OPEN', 'RESOLVED', 'DISMISSED')),
    handled_by    uuid         references accounts (id) on delete set null,
    handled_at    timestamptz,
    handling_note varchar(1000)
);
create index reports_open_room_idx on reports (room_id, created_at) where status = 'OPEN';

create table risk_flags (
    id         uuid         primary key,
    room_id    uuid         not null references rooms (id) on delete cascade,
    message_id uuid         not null,
    seq        bigint       not null,
    author_id  uuid         references accounts (id) on delete set null,
    categories varchar(200) not null,
    created_at timestamptz  not null,
    seen_by    uuid         references accounts (id) on delete set null,
    seen_at    timestamptz
);
create index risk_flags_room_idx on risk_flags (room_id, created_at);

-- a person's own list of members whose messages they do not want to see
create table hidden_members (
    owner_id  uuid        not null references accounts (id) on delete cascade,
    hidden_id uuid        not null references accounts (id) on delete cascade,
    hidden_at timestamptz not null,
    primary key (owner_id, hidden_id)
);

-- who did what to whom, why and when; rows are never changed
create table moderation_audit (
    id         bigint       generated always as identity primary key,
    at         timestamptz  not null,
    actor_id   uuid,
    action     varchar(40)  not null,
    room_id    uuid,
    target_id  uuid,
    message_id uuid,
    reason     varchar(1000) not null default '',
    details    varchar(2000) not null default ''
);
create index moderation_audit_at_idx on moderation_audit (at);
create index moderation_audit_room_idx on moderation_audit (room_id, at);

--changeset tukipiiri:012-moderation-audit-append-only splitStatements:false
create function moderation_audit_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'moderation_audit is append-only';
end
$$;

--changeset tukipiiri:012-moderation-audit-trigger
create trigger moderation_audit_no_update before update on moderation_audit
    for each row execute function moderation_audit_is_append_only();
