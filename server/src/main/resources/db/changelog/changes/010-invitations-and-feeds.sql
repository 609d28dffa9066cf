--liquibase formatted sql

--changeset tukipiiri:010-invitations-and-feeds
create table series_invitations (
    id         uuid        primary key,
    series_id  uuid        not null references series (id) on delete cascade,
    code_hash  char(64)    not null unique,
    created_by uuid        references accounts (id) on delete set null,
    created_at timestamptz not null,
    expires_at timestamptz not null,
    max_uses   integer     not null check (max_uses between 1 and 50),
    uses       integer     not null default 0 check (uses <= max_uses)
);

-- a secret address per person for their own calendar feed; only its hash is kept
create table calendar_feeds (
    account_id uuid        primary key references accounts (id) on delete cascade,
    token_hash char(64)    not null unique,
    created_at timestamptz not null
);
