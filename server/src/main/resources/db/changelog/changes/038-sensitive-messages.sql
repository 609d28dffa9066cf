--liquibase formatted sql

--changeset tukipiiri:038-sensitive-messages
-- A member may mark a message as sensitive when sending it (a content note): other readers see a short note and
-- reveal the text with a tap. The mark is chosen once, at sending; an edit of the message keeps it. Messages stored
-- before this change were not marked.
alter table messages add column sensitive boolean not null default false;
