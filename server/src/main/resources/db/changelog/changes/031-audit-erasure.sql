--liquibase formatted sql

--changeset tukipiiri:031-audit-erasure splitStatements:false
-- The audit log stays append-only with one deliberate exception: when a person deletes their account, the text
-- they wrote (reasons, announcements) and copies of their messages (a removed message's text) are blanked in the
-- lines that hold them. Only inside a transaction that declares it (set_config('tukipiiri.erasing_personal_text',
-- 'on', true)), only reason and details, and only to ''; who did what, to whom and when stays as it was.
create or replace function moderation_audit_is_append_only() returns trigger language plpgsql as $$
begin
    if current_setting('tukipiiri.erasing_personal_text', true) = 'on'
       and new.id = old.id and new.at = old.at and new.action = old.action
       and new.actor_id is not distinct from old.actor_id
       and new.room_id is not distinct from old.room_id
       and new.target_id is not distinct from old.target_id
       and new.message_id is not distinct from old.message_id
       and (new.reason = old.reason or new.reason = '')
       and (new.details = old.details or new.details = '') then
        return new;
    end if;
    raise exception 'moderation_audit is append-only';
end
$$;
