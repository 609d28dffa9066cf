--liquibase formatted sql

--changeset tukipiiri:020-text-policy
-- the look-alike key of each display name (UTS #39 skeleton, case-folded, without spaces and punctuation): a parent
-- may not take a name whose key is a staff member's. Computed by the application (ICU4J), which also fills it in,
-- with the name's NFC form, for rows stored before this change; set it to null to have it computed again.
alter table accounts add column display_name_skeleton text;
create index accounts_display_name_skeleton_idx on accounts (display_name_skeleton);
