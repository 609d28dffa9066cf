--liquibase formatted sql

--changeset tukipiiri:042-house-rules-overrides
-- A series' own house rules, in place of its template's for every session room of the series, and a room's own
-- house rules for a room outside any series (an open chat or closed group a coordinator created), in place of those
-- of the first template of its kind. Finnish is always there; Swedish and English when given. Coordinators and the
-- series' or room's facilitators write them: they are the organisation's text, not a person's, so they stay when
-- their writer's account is erased (updated_by is then null). They go with their series or room.
create table house_rules (
    series_id  uuid          references series (id) on delete cascade,
    room_id    uuid          references rooms (id) on delete cascade,
    language   varchar(5)    not null check (language in ('fi', 'sv', 'en')),
    body       varchar(2000) not null,
    updated_by uuid          references accounts (id) on delete set null,
    updated_at timestamptz   not null,
    constraint house_rules_one_owner check ((series_id is null) <> (room_id is null))
);
create unique index house_rules_of_series on house_rules (series_id, language) where series_id is not null;
create unique index house_rules_of_room on house_rules (room_id, language) where room_id is not null;
create index house_rules_updated_by on house_rules (updated_by);

-- An acceptance holds for the rules as they were accepted: rules_version is a digest of their texts (SHA-256 in hex
-- of "language=text" pairs by language, joined by U+001E), so a change to them asks again.
alter table house_rules_acceptances add column rules_version varchar(64);

--changeset tukipiiri:042-house-rules-acceptance-versions
-- Acceptances given before the rules were versioned held for the rules then in force, which were their templates':
-- a series' template for a closed group's series, the first closed template for a closed room outside a series, and
-- the template named in an open chat's day. They keep holding for those rules until the rules change.
with template_versions as (
    select template_id,
           encode(sha256(convert_to(string_agg(language || '=' || body, chr(30) order by language collate "C"), 'UTF8')),
                  'hex') as version
    from template_texts where kind = 'HOUSE_RULES' group by template_id
), scoped as (
    select a.account_id, a.scope,
           case
             when a.scope like 'series:%' then (select se.template_id from series se where se.id::text = substring(a.scope from 8))
             when a.scope like 'room:%' then (select t.id from programme_templates t where t.kind = 'CLOSED' order by t.id limit 1)
             when a.scope like 'day:%' then (select t.id from programme_templates t where t.id::text = split_part(a.scope, ':', 2))
           end as template_id
    from house_rules_acceptances a
    where a.rules_version is null
)
update house_rules_acceptances a set rules_version = v.version
from scoped s join template_versions v on v.template_id = s.template_id
where a.account_id = s.account_id and a.scope = s.scope;
