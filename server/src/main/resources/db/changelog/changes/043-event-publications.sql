--liquibase formatted sql

--changeset tukipiiri:043-event-publications
-- Spring Modulith's event publication registry (its JDBC schema, version 2, for PostgreSQL). One row per committed
-- business fact and @ApplicationModuleListener that reacts to it (audit lines, notices, feedback requests), written
-- in the publishing transaction; the row is deleted once the listener has finished (completion mode "delete"), so
-- what stays are the reactions not yet done: a node that died between commit and handling, or a listener that
-- failed. Every node resubmits rows older than a minute (platform/EventRedelivery); a resubmission claims its row by
-- moving it to RESUBMITTED, which only one node can do. serialized_event is the event's JSON and may hold what a
-- person wrote (an edited message's earlier text), so rows that could not be handled for a week are deleted by the
-- retention job. Modulith's own schema initialisation stays off (spring.modulith.events.jdbc.schema-initialization).
create table event_publication (
    id                     uuid        not null primary key,
    listener_id            text        not null,
    event_type             text        not null,
    serialized_event       text        not null,
    publication_date       timestamptz not null,
    completion_date        timestamptz,
    status                 text,
    completion_attempts    int,
    last_resubmission_date timestamptz
);
-- completion by event and listener looks the row up by the serialized event
create index event_publication_serialized_event_hash_idx on event_publication using hash (serialized_event);
create index event_publication_by_completion_date_idx on event_publication (completion_date);
create index event_publication_by_publication_date_idx on event_publication (publication_date);

--changeset tukipiiri:043-audit-event-key
-- An audit line written by a listener carries a key derived from the event it records, so that an event delivered
-- again (after a node died mid-way) adds no second line. Lines written in the acting transaction have none.
alter table moderation_audit add column event_key uuid;
create unique index moderation_audit_event_key on moderation_audit (event_key);

--changeset tukipiiri:043-audit-erasure-keeps-event-key splitStatements:false
-- The erasure exception of the append-only rule (031) also leaves the new key as it was.
create or replace function moderation_audit_is_append_only() returns trigger language plpgsql as $$
begin
    if current_setting('tukipiiri.erasing_personal_text', true) = 'on'
       and new.id = old.id and new.at = old.at and new.action = old.action
       and new.actor_id is not distinct from old.actor_id
       and new.room_id is not distinct from old.room_id
       and new.target_id is not distinct from old.target_id
       and new.message_id is not distinct from old.message_id
       and new.event_key is not distinct from old.event_key
       and (new.reason = old.reason or new.reason = '')
       and (new.details = old.details or new.details = '') then
        return new;
    end if;
    raise exception 'moderation_audit is append-only';
end
$$;
