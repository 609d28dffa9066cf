--liquibase formatted sql

--changeset tukipiiri:048-push-subscriptions
-- A browser's Web Push subscription (the W3C Push API's PushSubscription: endpoint and keys) for one account, so that
-- notices can reach a phone whose Tukipiiri tab is closed. The endpoint is a capability URL at a push service, unique
-- over all accounts: a browser subscribed again by another person on a shared phone moves to that person. The keys
-- (RFC 8291) are the browser's P-256 public key, 65 bytes uncompressed, and its 16-byte authentication secret, stored
-- as sent (base64url). device_label is a coarse name of the browser and platform ("Chrome, Android") for the person's
-- own list, never the whole User-Agent. Subscriptions go with the account.
create table push_subscriptions (
    id                uuid          primary key,
    account_id        uuid          not null references accounts (id) on delete cascade,
    endpoint          varchar(2048) not null unique,
    p256dh            varchar(100)  not null,
    auth              varchar(40)   not null,
    device_label      varchar(60)   not null,
    created_at        timestamptz   not null,
    last_delivered_at timestamptz
);
create index push_subscriptions_account on push_subscriptions (account_id, created_at);
