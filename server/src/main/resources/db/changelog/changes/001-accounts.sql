--liquibase formatted sql

--changeset tukipiiri:001-accounts
create table accounts (
    id            uuid primary key,
    username      varchar(32),
    display_name  varchar(40)  not null,
    password_hash varchar(255),
    guest         boolean      not null default false,
    created_at    timestamptz  not null,
    expires_at    timestamptz,
    deleted_at    timestamptz,
    constraint accounts_guest_has_no_credentials check (guest = (username is null)),
    constraint accounts_registered_has_password check (guest or password_hash is not null)
);
create unique index accounts_username_key on accounts (lower(username));

create table account_roles (
    account_id uuid        not null references accounts (id) on delete cascade,
    role       varchar(20) not null,
    primary key (account_id, role)
);
create index account_roles_role_idx on account_roles (role);

create table role_changes (
    id             bigserial    primary key,
    account_id     uuid         not null references accounts (id) on delete cascade,
    changed_by     uuid         references accounts (id) on delete set null,
    previous_roles varchar(200) not null,
    new_roles      varchar(200) not null,
    changed_at     timestamptz  not null
);
create index role_changes_account_idx on role_changes (account_id, changed_at);
