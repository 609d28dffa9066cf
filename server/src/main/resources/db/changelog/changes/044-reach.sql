--liquibase formatted sql

--changeset tukipiiri:044-reach
-- A session's iCalendar SEQUENCE (RFC 5545 §3.8.7.4): raised whenever the session moves or is cancelled, so an
-- invitation sent by e-mail (RFC 5546 REQUEST/CANCEL) replaces the earlier one in the person's calendar.
alter table series_sessions add column sequence int not null default 0;

-- How each person wants to be reached outside the app. One row per account that has changed anything; no row means
-- the defaults. The e-mail address is never shown to anyone else; it is exported and erased with the account.
-- email_channels / push_channels: the notice categories that may go out by that channel.
create table reach_settings (
    account_id          uuid        primary key references accounts (id) on delete cascade,
    language            text        not null default 'fi',
    email               text,
    email_verified_at   timestamptz,
    full_texts          boolean     not null default false,
    remind_hour_before  boolean     not null default false,
    quiet_from          time,
    quiet_until         time,
    email_channels      text[]      not null default '{REMINDERS,SCHEDULE,ENROLMENT,SERIES}',
    push_channels       text[]      not null default '{REMINDERS,SCHEDULE,ENROLMENT,SERIES,SAFETY,OTHER}',
    -- the secret in the one-click unsubscribe link of every e-mail (RFC 8058); it can only stop e-mails
    unsubscribe_key     text        not null unique,
    updated_at          timestamptz not null,
    constraint reach_settings_email_verified check (email_verified_at is null or email is not null)
);
create unique index reach_settings_verified_email_idx on reach_settings (lower(email)) where email_verified_at is not null;

-- A pending proof that a person can read an address: the link's token is stored only as its SHA-256.
create table email_verifications (
    token_hash  char(64)    primary key,
    account_id  uuid        not null references accounts (id) on delete cascade,
    email       text        not null,
    purpose     text        not null,
    expires_at  timestamptz not null,
    used_at     timestamptz
);
create index email_verifications_account_idx on email_verifications (account_id);
create index email_verifications_expires_idx on email_verifications (expires_at);

-- Notices waiting to leave by e-mail or Web Push: written in the transaction that stores the notice, sent after commit
-- by whichever node claims the row (select … for update skip locked, held while sending), retried with backoff.
-- A person's rows that are due together go out as one message (a burst is one e-mail, one push).
create table notice_outbox (
    id              uuid        primary key,
    account_id      uuid        not null references accounts (id) on delete cascade,
    notification_id uuid        not null references notifications (id) on delete cascade,
    channel         text        not null,
    due_at          timestamptz not null,
    attempts        int         not null default 0,
    sent_at         timestamptz,
    dropped_at      timestamptz,
    last_error      text,
    constraint notice_outbox_once unique (notification_id, channel)
);
create index notice_outbox_due_idx on notice_outbox (due_at) where sent_at is null and dropped_at is null;
create index notice_outbox_account_idx on notice_outbox (account_id);
