--liquibase formatted sql

--changeset tukipiiri:004-programme-templates
create table programme_templates (
    id                     uuid         primary key,
    code                   varchar(40)  not null unique,
    kind                   varchar(10)  not null check (kind in ('OPEN', 'CLOSED')),
    default_length_minutes integer      not null check (default_length_minutes between 15 and 240),
    title_fi               varchar(120) not null,
    title_en               varchar(120) not null,
    description_fi         varchar(1000) not null,
    description_en         varchar(1000) not null
);

create table template_sessions (
    template_id    uuid         not null references programme_templates (id) on delete cascade,
    position       integer      not null check (position >= 1),
    title_fi       varchar(120) not null,
    title_en       varchar(120) not null,
    description_fi varchar(1000) not null,
    description_en varchar(1000) not null,
    primary key (template_id, position)
);

--changeset tukipiiri:004-seed-tukea-eron-jalkeen
insert into programme_templates (id, code, kind, default_length_minutes, title_fi, title_en, description_fi, description_en)
values ('5d0c8a4e-3b1f-4c53-9f0e-0a7d2f6b1e01', 'tukea-eron-jalkeen', 'OPEN', 60,
        'Tukea eron jälkeiseen vanhemmuuteen',
        'Support for parenting after separation',
        'Avoimet, ohjatut ryhmäkeskustelut ilmoitettuina aikoina. Jokaisella kerralla on oma teemansa Vanhemman neuvo -ryhmäohjelmasta. Mukaan voi tulla nimimerkillä.',
        'Open, facilitated group chats at announced times. Each one has its own theme from the Vanhemman neuvo parent-group programme. Anyone may join under a nickname.');
insert into template_sessions (template_id, position, title_fi, title_en, description_fi, description_en) values
('5d0c8a4e-3b1f-4c53-9f0e-0a7d2f6b1e01', 1, 'Eron tuomat muutokset aikuisen ja lapsen elämässä', 'How separation changes the adult''s and the child''s life',
 'Mitä ero muuttaa arjessa, tunteissa ja suhteissa – aikuisella ja lapsella.', 'What separation changes in everyday life, feelings and relationships, for the adult and for the child.'),
('5d0c8a4e-3b1f-4c53-9f0e-0a7d2f6b1e01', 2, 'Yhteistyövanhemmuus', 'Co-parenting',
 'Miten vanhemmuutta jaetaan kahden kodin välillä ja miten yhteistyö sujuu, vaikka parisuhde on päättynyt.', 'Sharing parenthood between two homes, and working together though the couple relationship has ended.'),
('5d0c8a4e-3b1f-4c53-9f0e-0a7d2f6b1e01', 3, 'Lapsen tunteet ja tarpeet vanhempien erotessa', 'The child''s feelings and needs when parents separate',
 'Miten lapsi kokee eron eri ikäisenä ja mitä hän tarvitsee vanhemmiltaan.', 'How children of different ages experience separation, and what they need from their parents.'),
('5d0c8a4e-3b1f-4c53-9f0e-0a7d2f6b1e01', 4, 'Vanhemmuus ja lapsen arki', 'Parenting and the child''s everyday life',
 'Rutiinit, rajat ja läsnäolo kahdessa kodissa.', 'Routines, boundaries and being there, in two homes.'),
('5d0c8a4e-3b1f-4c53-9f0e-0a7d2f6b1e01', 5, 'Vuorovaikutustavat', 'Ways of interacting',
 'Miten puhua toisen vanhemman ja lapsen kanssa niin, että riidat eivät kasva.', 'Talking with the other parent and with the child so that conflicts do not grow.'),
('5d0c8a4e-3b1f-4c53-9f0e-0a7d2f6b1e01', 6, 'Ongelmista kohti uusia ratkaisuja', 'From problems towards new solutions',
 'Jumiutuneista tilanteista eteenpäin: keinoja ja tukea.', 'Moving on from stuck situations: ways forward and where to find help.'),
('5d0c8a4e-3b1f-4c53-9f0e-0a7d2f6b1e01', 7, 'Uudet suhteet ja vanhemmuus', 'New relationships and parenting',
 'Uusi kumppani, uusperhe ja lapsen paikka niissä.', 'A new partner, a blended family and the child''s place in them.'),
('5d0c8a4e-3b1f-4c53-9f0e-0a7d2f6b1e01', 8, 'Kokoava keskustelu', 'Bringing it together',
 'Aiempien teemojen kertaus ja osallistujien toivomat aiheet.', 'A return to earlier themes and to topics the participants ask for.');

--changeset tukipiiri:004-seed-mina-tunteet-taidot
insert into programme_templates (id, code, kind, default_length_minutes, title_fi, title_en, description_fi, description_en)
values ('5d0c8a4e-3b1f-4c53-9f0e-0a7d2f6b1e02', 'mina-tunteet-taidot', 'CLOSED', 90,
        'Minä, tunteet ja taidot',
        'Me, emotions and skills',
        'Suljettu, ammatillisesti ohjattu vertaisryhmä yli 16-vuotiaille, erityisesti vanhemmille. Yhdeksän teemallista tapaamista: omat vahvuudet, tunteiden tunnistaminen ja säätely, aggression hallinta ja vuorovaikutustaidot.',
        'A closed, professionally guided peer group for people over 16, especially parents. Nine themed meetings: own strengths, recognising and regulating emotions, managing aggression and social skills.');
insert into template_sessions (template_id, position, title_fi, title_en, description_fi, description_en) values
('5d0c8a4e-3b1f-4c53-9f0e-0a7d2f6b1e02', 1, 'Tutustuminen ja omat vahvuudet', 'Getting to know each other and my strengths',
 'Ryhmän yhteiset pelisäännöt ja ensimmäinen katse omiin vahvuuksiin.', 'The group''s shared ground rules and a first look at one''s own strengths.'),
('5d0c8a4e-3b1f-4c53-9f0e-0a7d2f6b1e02', 2, 'Vahvuudet näkyviksi', 'Showing my strengths',
 'Miten vahvuudet näkyvät arjessa ja miten niistä voi kertoa.', 'How strengths show in everyday life, and how to speak about them.'),
('5d0c8a4e-3b1f-4c53-9f0e-0a7d2f6b1e02', 3, 'Tunteiden tunnistaminen', 'Recognising emotions',
 'Mistä tunteen tunnistaa ja mitä se kertoo.', 'How to recognise an emotion and what it tells.'),
('5d0c8a4e-3b1f-4c53-9f0e-0a7d2f6b1e02', 4, 'Tunteet kehossa ja arjessa', 'Emotions in the body and in everyday life',
 'Tunteiden jäljet kehossa, ajatuksissa ja teoissa.', 'The traces emotions leave in the body, in thoughts and in actions.'),
('5d0c8a4e-3b1f-4c53-9f0e-0a7d2f6b1e02', 5, 'Tunteiden säätely', 'Regulating emotions',
 'Keinoja rauhoittua ja palata tasapainoon.', 'Ways to calm down and find balance again.'),
('5d0c8a4e-3b1f-4c53-9f0e-0a7d2f6b1e02', 6, 'Aggression hallinta', 'Managing aggression',
 'Kiukun ja vihan merkit ajoissa, ja mitä silloin voi tehdä toisin.', 'Noticing anger early, and what one can do differently then.'),
('5d0c8a4e-3b1f-4c53-9f0e-0a7d2f6b1e02', 7, 'Vuorovaikutustaidot', 'Social skills',
 'Kuunteleminen, oman asian sanominen ja rajojen asettaminen.', 'Listening, saying what one needs, and setting boundaries.'),
('5d0c8a4e-3b1f-4c53-9f0e-0a7d2f6b1e02', 8, 'Taidot käytäntöön', 'Putting the skills into practice',
 'Harjoituksia vaikeista tilanteista, myös lasten ja toisen vanhemman kanssa.', 'Practising difficult situations, also with children and the other parent.'),
('5d0c8a4e-3b1f-4c53-9f0e-0a7d2f6b1e02', 9, 'Päätöskerta: mitä otan mukaani', 'Closing session: what I take with me',
 'Oman matkan kokoaminen, palaute ja mahdollisuus jatkaa vertaistoimijana.', 'Gathering one''s own journey, feedback, and the chance to go on as a peer supporter.');
