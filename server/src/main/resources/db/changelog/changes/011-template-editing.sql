--liquibase formatted sql

--changeset tukipiiri:011-template-editing
-- coordinators edit templates: a version number for optimistic locking (two editors cannot overwrite each
-- other unseen) and who changed the template last. Series keep the themes they copied when planned.
alter table programme_templates
    add column version    integer     not null default 0,
    add column updated_at timestamptz,
    add column updated_by uuid        references accounts (id) on delete set null;
