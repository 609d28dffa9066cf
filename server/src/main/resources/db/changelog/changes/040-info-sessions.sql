--liquibase formatted sql

--changeset tukipiiri:040-info-sessions
-- Live information sessions (a professional and a volunteer speaking for 26–45 minutes): a room's format is either a
-- DISCUSSION, where every member writes, or an INFO_SESSION, where only its staff (facilitators, peer supporters)
-- write and participants put questions to a queue the staff see. A template proposes a format, a series keeps the
-- one its coordinator chose when planning it, and each session room opens in its series' format.
alter table rooms add column format varchar(20) not null default 'DISCUSSION'
    check (format in ('DISCUSSION', 'INFO_SESSION'));
alter table programme_templates add column format varchar(20) not null default 'DISCUSSION'
    check (format in ('DISCUSSION', 'INFO_SESSION'));
alter table series add column format varchar(20) not null default 'DISCUSSION'
    check (format in ('DISCUSSION', 'INFO_SESSION'));

-- A published question is a message of its own kind without an author (the stream never names who asked); a staff
-- answer is a message by its writer that names the question it answers by the question's seq.
alter table messages drop constraint messages_kind_check;
alter table messages add constraint messages_kind_check check (kind in ('TEXT', 'CRISIS', 'QUESTION', 'ANSWER'));
alter table messages add column answers_seq bigint;

-- The questions participants put to an information session's staff. Only the staff see the queue and who asked; the
-- asker sees their own. A question goes with its room, and with its asker's account (erasure; the published copy in
-- the stream then loses its text). place is the order the database took the questions in.
create table room_questions (
    id                uuid          primary key,
    room_id           uuid          not null references rooms (id) on delete cascade,
    asker_id          uuid          not null references accounts (id) on delete cascade,
    client_id         varchar(64)   not null,
    body              varchar(1000) not null,
    state             varchar(12)   not null default 'ASKED'
        check (state in ('ASKED', 'PUBLISHED', 'ANSWERED', 'SET_ASIDE')),
    risk_categories   varchar(200)  not null default '',
    asked_at          timestamptz   not null,
    handled_by        uuid          references accounts (id) on delete set null,
    handled_at        timestamptz,
    message_id        uuid,
    message_seq       bigint,
    answer_seq        bigint,
    place             bigint        not null generated always as identity,
    unique (room_id, asker_id, client_id)
);
create index room_questions_room on room_questions (room_id, place);
create index room_questions_asker on room_questions (asker_id);

-- A question that names a risk is flagged to the room's facilitators like a message; such a flag names the question
-- instead of a message.
alter table risk_flags alter column message_id drop not null;
alter table risk_flags alter column seq drop not null;
alter table risk_flags add column question_id uuid;
alter table risk_flags add constraint risk_flags_names_one check ((message_id is null) <> (question_id is null));

--changeset tukipiiri:040-seed-info-sessions
insert into programme_templates (id, code, kind, format, default_length_minutes, title_fi, title_en, description_fi, description_en)
values ('5d0c8a4e-3b1f-4c53-9f0e-0a7d2f6b1e03', 'infotilaisuudet', 'OPEN', 'INFO_SESSION', 45,
        'Infotilaisuus: tukea eron jälkeen',
        'Information session: support after separation',
        'Ammattilaisen ja vapaaehtoisen pitämä lyhyt infotilaisuus (26–45 minuuttia). Osallistujat seuraavat ja voivat esittää kysymyksiä nimettömästi; ohjaajat vastaavat niihin.',
        'A short information session led by a professional and a volunteer (26–45 minutes). Participants follow along and may ask questions anonymously; the hosts answer them.');
insert into template_sessions (template_id, position, title_fi, title_en, description_fi, description_en) values
('5d0c8a4e-3b1f-4c53-9f0e-0a7d2f6b1e03', 1, 'Mitä eron jälkeen? Tukea ja palveluita', 'After separation: support and services',
 'Mistä saa apua eron jälkeen, ja miten palvelut löytää omalta alueelta.', 'Where to find help after separation, and how to find the services in one''s own region.'),
('5d0c8a4e-3b1f-4c53-9f0e-0a7d2f6b1e03', 2, 'Lapsen asiat: huolto, asuminen ja tapaaminen', 'The child''s matters: custody, living and contact',
 'Sopimukset lapsen huollosta, asumisesta ja tapaamisista, ja miten niitä voi muuttaa.', 'Agreements on the child''s custody, living and contact, and how to change them.'),
('5d0c8a4e-3b1f-4c53-9f0e-0a7d2f6b1e03', 3, 'Perheasioiden sovittelu', 'Family mediation',
 'Mitä sovittelu on, kenelle se sopii ja miten siihen hakeudutaan.', 'What mediation is, who it suits and how to apply for it.'),
('5d0c8a4e-3b1f-4c53-9f0e-0a7d2f6b1e03', 4, 'Vertaistuki: ryhmät ja vertaistoimijat', 'Peer support: groups and peer supporters',
 'Millaisia vertaisryhmiä on tarjolla ja miten niihin pääsee mukaan.', 'Which peer groups there are and how to join them.');

insert into template_texts (template_id, kind, language, body)
select '5d0c8a4e-3b1f-4c53-9f0e-0a7d2f6b1e03', kind, language, body from template_texts
where template_id = '5d0c8a4e-3b1f-4c53-9f0e-0a7d2f6b1e01' and kind <> 'HOUSE_RULES';
insert into template_texts (template_id, kind, language, body) values
  ('5d0c8a4e-3b1f-4c53-9f0e-0a7d2f6b1e03', 'HOUSE_RULES', 'fi', E'1. Tässä tilaisuudessa puhuvat ohjaajat; sinä voit seurata ja esittää kysymyksiä.\n2. Kysymyksesi näkyy ensin vain ohjaajille. Jos se julkaistaan, se näkyy muille ilman nimimerkkiäsi.\n3. Yksityisyys: älä kerro nimiä, osoitteita tai muita tietoja, joista sinut, lapsesi tai muut voi tunnistaa.\n4. Kaikkiin kysymyksiin ei aina ehditä vastata. Silloin saat siitä tiedon.\n5. Turvallisuus: jos olet vaarassa, soita 112.'),
  ('5d0c8a4e-3b1f-4c53-9f0e-0a7d2f6b1e03', 'HOUSE_RULES', 'sv', E'1. I det här tillfället talar handledarna; du kan följa med och ställa frågor.\n2. Din fråga syns först bara för handledarna. Om den publiceras syns den för andra utan din signatur.\n3. Integritet: berätta inte namn, adresser eller andra uppgifter som kan identifiera dig, dina barn eller andra.\n4. Alla frågor hinner inte alltid besvaras. Då får du veta det.\n5. Säkerhet: om du är i fara, ring 112.'),
  ('5d0c8a4e-3b1f-4c53-9f0e-0a7d2f6b1e03', 'HOUSE_RULES', 'en', E'1. In this session the hosts speak; you can follow along and ask questions.\n2. Your question is first seen only by the hosts. If it is published, others see it without your nickname.\n3. Privacy: do not share names, addresses or other details that could identify you, your children or others.\n4. There is not always time to answer every question. If so, you will be told.\n5. Safety: if you are in danger, call 112.');
