--liquibase formatted sql

--changeset tukipiiri:046-recovery-codes
-- Single-use recovery codes: a way back into a registered account without e-mail (decision 25). Ten are made at
-- registration and whenever the person makes new ones (which deletes the old ones); each is shown once and stored
-- only as a salted SHA-256 of its normalised form (code_salt is 16 random bytes of its own), never as itself. A code
-- that was used keeps its row with used_at set, so "how many are left" can be told; all of them go with the account.
create table recovery_codes (
    id         uuid        primary key,
    account_id uuid        not null references accounts (id) on delete cascade,
    code_salt  bytea       not null check (octet_length(code_salt) = 16),
    code_hash  bytea       not null check (octet_length(code_hash) = 32),
    created_at timestamptz not null,
    used_at    timestamptz
);
create index recovery_codes_account_idx on recovery_codes (account_id);

--changeset tukipiiri:046-sign-in-devices
-- Each sign-in (refresh-token family) lists, on its owner's settings page, when it began and a short device label
-- read coarsely from the browser's User-Agent at sign-in ("Firefox, Android"; null when neither is known). Only the
-- label is kept: never the User-Agent itself nor an address. Both are copied to every token the sign-in rotates to,
-- so they stay when spent tokens are deleted. Rows from before this change have neither (shown as "unknown device",
-- begun at their token's issued_at).
alter table refresh_tokens add column device_label text check (char_length(device_label) <= 60);
alter table refresh_tokens add column signed_in_at timestamptz;
