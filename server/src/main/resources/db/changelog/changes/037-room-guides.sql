--liquibase formatted sql

--changeset tukipiiri:037-room-guides
-- Each programme template carries its group's house rules and the facilitators' ready-made messages, in Finnish,
-- Swedish and English; coordinators edit them. A member accepts the house rules before their first message: once
-- per series in a closed group, once a day in open chats (scope names which).
create table template_texts (
    template_id uuid          not null references programme_templates (id) on delete cascade,
    kind        varchar(20)   not null check (kind in ('HOUSE_RULES', 'WELCOME', 'CHECK_IN', 'BREAK', 'CLOSING', 'CRISIS')),
    language    varchar(5)    not null check (language in ('fi', 'sv', 'en')),
    body        varchar(2000) not null,
    primary key (template_id, kind, language)
);

create table house_rules_acceptances (
    account_id  uuid        not null references accounts (id) on delete cascade,
    scope       varchar(80) not null,
    accepted_at timestamptz not null,
    primary key (account_id, scope)
);

insert into template_texts (template_id, kind, language, body)
select t.id, x.kind, x.language, x.body
from programme_templates t
cross join (values
  ('HOUSE_RULES', 'fi', E'1. Luottamuksellisuus: se, mitä täällä kerrotaan, jää tänne.\n2. Kunnioitus: kirjoita muista niin kuin toivot itsestäsi kirjoitettavan.\n3. Oma tahti: kerro vain sen verran kuin haluat. Myös pelkkä lukeminen riittää.\n4. Yksityisyys: älä kerro nimiä, osoitteita tai muita tietoja, joista sinut, lapsesi tai muut voi tunnistaa.\n5. Turvallisuus: jos olet vaarassa, soita 112. Ohjaajat voivat poistaa sääntöjen vastaisia viestejä.'),
  ('HOUSE_RULES', 'sv', E'1. Förtroende: det som berättas här stannar här.\n2. Respekt: skriv om andra så som du vill att andra skriver om dig.\n3. Egen takt: berätta bara så mycket du vill. Det räcker också att läsa.\n4. Integritet: berätta inte namn, adresser eller andra uppgifter som kan identifiera dig, dina barn eller andra.\n5. Säkerhet: om du är i fara, ring 112. Handledarna kan ta bort meddelanden som bryter mot reglerna.'),
  ('HOUSE_RULES', 'en', E'1. Confidentiality: what is shared here stays here.\n2. Respect: write about others as you would like them to write about you.\n3. Your own pace: share only as much as you want. Reading along is fine too.\n4. Privacy: do not share names, addresses or other details that could identify you, your children or others.\n5. Safety: if you are in danger, call 112. Facilitators may remove messages that break these rules.'),
  ('WELCOME', 'fi', 'Tervetuloa! Kiva, että tulit. Voit osallistua omaan tahtiisi – myös lukeminen riittää.'),
  ('WELCOME', 'sv', 'Välkommen! Fint att du kom. Du deltar i din egen takt – det räcker också att läsa.'),
  ('WELCOME', 'en', 'Welcome! Glad you came. Take part at your own pace – reading along is fine too.'),
  ('CHECK_IN', 'fi', 'Aloitetaan kuulumiskierroksella: kerro halutessasi yhdellä lauseella, mitä sinulle kuuluu tänään. Voit myös ohittaa vuorosi.'),
  ('CHECK_IN', 'sv', 'Vi börjar med en runda: berätta gärna med en mening hur du har det i dag. Du kan också stå över din tur.'),
  ('CHECK_IN', 'en', 'Let''s start with a check-in round: if you like, tell us in one sentence how you are today. You can also pass.'),
  ('BREAK', 'fi', 'Pidetään nyt viiden minuutin tauko. Jatketaan pian!'),
  ('BREAK', 'sv', 'Nu tar vi en paus på fem minuter. Vi fortsätter snart!'),
  ('BREAK', 'en', 'Let''s take a five-minute break. We''ll continue soon!'),
  ('CLOSING', 'fi', 'Kiitos tämänkertaisesta! Muista pitää itsestäsi huolta. Nähdään seuraavalla kerralla.'),
  ('CLOSING', 'sv', 'Tack för i dag! Kom ihåg att ta hand om dig själv. Vi ses nästa gång.'),
  ('CLOSING', 'en', 'Thank you for today! Remember to take care of yourself. See you next time.'),
  ('CRISIS', 'fi', 'Jos olet nyt vaarassa, soita 112. Nollalinja auttaa lähisuhdeväkivallassa ympäri vuorokauden: 080 005 005. Kriisipuhelin: 09 2525 0111.'),
  ('CRISIS', 'sv', 'Om du är i fara nu, ring 112. Nollalinjen hjälper vid våld i nära relationer dygnet runt: 080 005 005.'),
  ('CRISIS', 'en', 'If you are in danger now, call 112. Nollalinja helps with violence in close relationships around the clock: 080 005 005. Crisis line: 09 2525 0111.')
) as x (kind, language, body);
