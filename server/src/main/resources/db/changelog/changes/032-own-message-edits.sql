--liquibase formatted sql

--changeset tukipiiri:032-own-message-edits
-- A member may edit their own message for a while after sending it, and delete it at any time. The message keeps
-- its place; edited_at tells readers it was edited. Each edit keeps the text it replaced in message_edits, for the
-- room's facilitators (and the audit log); those rows go with the message (retention) and with the writer's account
-- (erasure).
alter table messages add column edited_at timestamptz;

create table message_edits (
    id            uuid          primary key,
    message_id    uuid          not null references messages (id) on delete cascade,
    edited_at     timestamptz   not null,
    previous_body varchar(4000) not null
);
create index message_edits_message on message_edits (message_id, edited_at);
