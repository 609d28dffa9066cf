--liquibase formatted sql

--changeset tukipiiri:002-refresh-tokens
create table refresh_tokens (
    id         uuid        primary key,
    family_id  uuid        not null,
    account_id uuid        not null references accounts (id) on delete cascade,
    token_hash char(64)    not null unique,
    issued_at  timestamptz not null,
    expires_at timestamptz not null,
    used_at    timestamptz,
    revoked_at timestamptz
);
create index refresh_tokens_family_idx on refresh_tokens (family_id);
create index refresh_tokens_account_idx on refresh_tokens (account_id);
create index refresh_tokens_expires_idx on refresh_tokens (expires_at);
