--liquibase formatted sql

--changeset tukipiiri:003-rooms
create table rooms (
    id         uuid         primary key,
    title      varchar(120) not null,
    theme      varchar(500) not null default '',
    kind       varchar(10)  not null check (kind in ('OPEN', 'CLOSED')),
    state      varchar(10)  not null default 'OPEN' check (state in ('OPEN', 'READ_ONLY', 'ARCHIVED')),
    created_by uuid         references accounts (id) on delete set null,
    created_at timestamptz  not null,
    -- the last sequence number handed out; the row lock on it makes per-room numbering gap-free
    last_seq   bigint       not null default 0
);

create table room_members (
    room_id    uuid        not null references rooms (id) on delete cascade,
    account_id uuid        not null references accounts (id) on delete cascade,
    role       varchar(20) not null check (role in ('PARTICIPANT', 'PEER_SUPPORTER', 'FACILITATOR')),
    joined_at  timestamptz not null,
    primary key (room_id, account_id)
);
create index room_members_account_idx on room_members (account_id);

create table messages (
    room_id     uuid          not null references rooms (id) on delete cascade,
    seq         bigint        not null,
    id          uuid          not null unique,
    author_id   uuid          references accounts (id) on delete set null,
    author_role varchar(20)   not null,
    client_id   varchar(64)   not null,
    body        varchar(4000) not null,
    sent_at     timestamptz   not null,
    primary key (room_id, seq)
);
create unique index messages_idempotency_key on messages (room_id, author_id, client_id);
