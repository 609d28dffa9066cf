--liquibase formatted sql

--changeset tukipiiri:030-username-rule
-- Usernames are ASCII by rule, and lookups and uniqueness fold only A-Z (lower() under the C collation), exactly
-- as the service's canonical form does: no Unicode case mapping of the database's locale (where lower('İ') may be
-- 'i') can make a look-alike name reach an account.
alter table accounts add constraint accounts_username_rule
    check ((username collate "C") ~ '^[A-Za-z0-9._-]{3,32}$');
create unique index accounts_username_canonical_key on accounts (lower(username collate "C"));
drop index accounts_username_key;
