--liquibase formatted sql

--changeset tukipiiri:008-notifications
create table notifications (
    id         uuid         primary key,
    account_id uuid         not null references accounts (id) on delete cascade,
    kind       varchar(40)  not null,
    -- what the notice is about (a series, a session); with the kind it makes a notice happen once, whichever node sends it
    subject_id uuid         not null,
    params     jsonb        not null default '{}',
    created_at timestamptz  not null,
    read_at    timestamptz,
    unique (account_id, kind, subject_id)
);
create index notifications_account_idx on notifications (account_id, created_at desc);
