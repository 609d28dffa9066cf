--liquibase formatted sql

--changeset tukipiiri:047-swedish-themes
-- Swedish beside Finnish and English in programme templates and the sessions planned from them. An empty Swedish text
-- is shown in Finnish, so every existing row stays valid without a translation.
alter table programme_templates add column title_sv varchar(120) not null default '';
alter table programme_templates add column description_sv varchar(1000) not null default '';
alter table template_sessions add column title_sv varchar(120) not null default '';
alter table template_sessions add column description_sv varchar(1000) not null default '';
alter table series_sessions add column theme_sv varchar(120) not null default '';

--changeset tukipiiri:047-seed-swedish-themes
-- The Swedish wording of the seeded programmes. A text is set only where the Finnish one is still the seeded one, so a
-- template a coordinator has reworded keeps its own texts; a theme is found by its Finnish title wherever it now stands.
create temporary table swedish_texts (template_id uuid, title_fi varchar(120), title_sv varchar(120),
    description_fi varchar(1000), description_sv varchar(1000));
insert into swedish_texts values
('5d0c8a4e-3b1f-4c53-9f0e-0a7d2f6b1e01', 'Tukea eron jälkeiseen vanhemmuuteen', 'Stöd i föräldraskapet efter separationen',
 'Avoimet, ohjatut ryhmäkeskustelut ilmoitettuina aikoina. Jokaisella kerralla on oma teemansa Vanhemman neuvo -ryhmäohjelmasta. Mukaan voi tulla nimimerkillä.',
 'Öppna, handledda gruppchattar vid utannonserade tider. Varje gång har ett eget tema ur föräldragruppsprogrammet Vanhemman neuvo. Du kan delta under signatur.'),
('5d0c8a4e-3b1f-4c53-9f0e-0a7d2f6b1e02', 'Minä, tunteet ja taidot', 'Jag, känslor och färdigheter',
 'Suljettu, ammatillisesti ohjattu vertaisryhmä yli 16-vuotiaille, erityisesti vanhemmille. Yhdeksän teemallista tapaamista: omat vahvuudet, tunteiden tunnistaminen ja säätely, aggression hallinta ja vuorovaikutustaidot.',
 'En sluten, professionellt handledd stödgrupp för personer över 16 år, särskilt föräldrar. Nio tematräffar: egna styrkor, att känna igen och reglera känslor, att hantera aggression samt sociala färdigheter.'),
('5d0c8a4e-3b1f-4c53-9f0e-0a7d2f6b1e03', 'Infotilaisuus: tukea eron jälkeen', 'Infotillfälle: stöd efter separationen',
 'Ammattilaisen ja vapaaehtoisen pitämä lyhyt infotilaisuus (26–45 minuuttia). Osallistujat seuraavat ja voivat esittää kysymyksiä nimettömästi; ohjaajat vastaavat niihin.',
 'Ett kort infotillfälle som leds av en yrkesperson och en frivillig (26–45 minuter). Deltagarna följer med och kan ställa frågor anonymt; handledarna svarar på dem.');

update programme_templates p set title_sv = s.title_sv from swedish_texts s
where p.id = s.template_id and p.title_fi = s.title_fi and p.title_sv = '';
update programme_templates p set description_sv = s.description_sv from swedish_texts s
where p.id = s.template_id and p.description_fi = s.description_fi and p.description_sv = '';

create temporary table swedish_themes (template_id uuid, title_fi varchar(120), title_sv varchar(120),
    description_fi varchar(1000), description_sv varchar(1000));
insert into swedish_themes values
('5d0c8a4e-3b1f-4c53-9f0e-0a7d2f6b1e01', 'Eron tuomat muutokset aikuisen ja lapsen elämässä', 'Vad separationen förändrar i den vuxnas och barnets liv',
 'Mitä ero muuttaa arjessa, tunteissa ja suhteissa – aikuisella ja lapsella.', 'Vad separationen förändrar i vardagen, i känslorna och i relationerna – för den vuxna och för barnet.'),
('5d0c8a4e-3b1f-4c53-9f0e-0a7d2f6b1e01', 'Yhteistyövanhemmuus', 'Samarbetsföräldraskap',
 'Miten vanhemmuutta jaetaan kahden kodin välillä ja miten yhteistyö sujuu, vaikka parisuhde on päättynyt.', 'Hur föräldraskapet delas mellan två hem och hur samarbetet fungerar fast parförhållandet har tagit slut.'),
('5d0c8a4e-3b1f-4c53-9f0e-0a7d2f6b1e01', 'Lapsen tunteet ja tarpeet vanhempien erotessa', 'Barnets känslor och behov när föräldrarna skiljer sig',
 'Miten lapsi kokee eron eri ikäisenä ja mitä hän tarvitsee vanhemmiltaan.', 'Hur barn i olika åldrar upplever separationen och vad de behöver av sina föräldrar.'),
('5d0c8a4e-3b1f-4c53-9f0e-0a7d2f6b1e01', 'Vanhemmuus ja lapsen arki', 'Föräldraskapet och barnets vardag',
 'Rutiinit, rajat ja läsnäolo kahdessa kodissa.', 'Rutiner, gränser och närvaro i två hem.'),
('5d0c8a4e-3b1f-4c53-9f0e-0a7d2f6b1e01', 'Vuorovaikutustavat', 'Sätt att kommunicera',
 'Miten puhua toisen vanhemman ja lapsen kanssa niin, että riidat eivät kasva.', 'Hur man talar med den andra föräldern och med barnet så att konflikterna inte växer.'),
('5d0c8a4e-3b1f-4c53-9f0e-0a7d2f6b1e01', 'Ongelmista kohti uusia ratkaisuja', 'Från problem mot nya lösningar',
 'Jumiutuneista tilanteista eteenpäin: keinoja ja tukea.', 'Vidare från låsta situationer: sätt att komma framåt och stöd.'),
('5d0c8a4e-3b1f-4c53-9f0e-0a7d2f6b1e01', 'Uudet suhteet ja vanhemmuus', 'Nya relationer och föräldraskapet',
 'Uusi kumppani, uusperhe ja lapsen paikka niissä.', 'En ny partner, en ombildad familj och barnets plats i dem.'),
('5d0c8a4e-3b1f-4c53-9f0e-0a7d2f6b1e01', 'Kokoava keskustelu', 'Sammanfattande samtal',
 'Aiempien teemojen kertaus ja osallistujien toivomat aiheet.', 'En återblick på tidigare teman och ämnen som deltagarna önskar.'),
('5d0c8a4e-3b1f-4c53-9f0e-0a7d2f6b1e02', 'Tutustuminen ja omat vahvuudet', 'Att lära känna varandra och egna styrkor',
 'Ryhmän yhteiset pelisäännöt ja ensimmäinen katse omiin vahvuuksiin.', 'Gruppens gemensamma spelregler och en första blick på de egna styrkorna.'),
('5d0c8a4e-3b1f-4c53-9f0e-0a7d2f6b1e02', 'Vahvuudet näkyviksi', 'Att göra styrkorna synliga',
 'Miten vahvuudet näkyvät arjessa ja miten niistä voi kertoa.', 'Hur styrkorna syns i vardagen och hur man kan berätta om dem.'),
('5d0c8a4e-3b1f-4c53-9f0e-0a7d2f6b1e02', 'Tunteiden tunnistaminen', 'Att känna igen känslor',
 'Mistä tunteen tunnistaa ja mitä se kertoo.', 'Hur man känner igen en känsla och vad den berättar.'),
('5d0c8a4e-3b1f-4c53-9f0e-0a7d2f6b1e02', 'Tunteet kehossa ja arjessa', 'Känslor i kroppen och i vardagen',
 'Tunteiden jäljet kehossa, ajatuksissa ja teoissa.', 'De spår känslorna lämnar i kroppen, i tankarna och i handlingarna.'),
('5d0c8a4e-3b1f-4c53-9f0e-0a7d2f6b1e02', 'Tunteiden säätely', 'Att reglera känslor',
 'Keinoja rauhoittua ja palata tasapainoon.', 'Sätt att lugna sig och hitta balansen igen.'),
('5d0c8a4e-3b1f-4c53-9f0e-0a7d2f6b1e02', 'Aggression hallinta', 'Att hantera aggression',
 'Kiukun ja vihan merkit ajoissa, ja mitä silloin voi tehdä toisin.', 'Att i tid märka tecknen på ilska och vrede, och vad man då kan göra annorlunda.'),
('5d0c8a4e-3b1f-4c53-9f0e-0a7d2f6b1e02', 'Vuorovaikutustaidot', 'Sociala färdigheter',
 'Kuunteleminen, oman asian sanominen ja rajojen asettaminen.', 'Att lyssna, säga vad man behöver och sätta gränser.'),
('5d0c8a4e-3b1f-4c53-9f0e-0a7d2f6b1e02', 'Taidot käytäntöön', 'Färdigheterna i praktiken',
 'Harjoituksia vaikeista tilanteista, myös lasten ja toisen vanhemman kanssa.', 'Övningar i svåra situationer, också med barnen och den andra föräldern.'),
('5d0c8a4e-3b1f-4c53-9f0e-0a7d2f6b1e02', 'Päätöskerta: mitä otan mukaani', 'Avslutande träff: vad tar jag med mig',
 'Oman matkan kokoaminen, palaute ja mahdollisuus jatkaa vertaistoimijana.', 'Att samla ihop den egna resan, respons och möjligheten att fortsätta som kamratstödjare.'),
('5d0c8a4e-3b1f-4c53-9f0e-0a7d2f6b1e03', 'Mitä eron jälkeen? Tukea ja palveluita', 'Vad händer efter separationen? Stöd och tjänster',
 'Mistä saa apua eron jälkeen, ja miten palvelut löytää omalta alueelta.', 'Var man får hjälp efter separationen och hur man hittar tjänsterna i den egna regionen.'),
('5d0c8a4e-3b1f-4c53-9f0e-0a7d2f6b1e03', 'Lapsen asiat: huolto, asuminen ja tapaaminen', 'Barnets angelägenheter: vårdnad, boende och umgänge',
 'Sopimukset lapsen huollosta, asumisesta ja tapaamisista, ja miten niitä voi muuttaa.', 'Avtal om barnets vårdnad, boende och umgänge, och hur de kan ändras.'),
('5d0c8a4e-3b1f-4c53-9f0e-0a7d2f6b1e03', 'Perheasioiden sovittelu', 'Medling i familjefrågor',
 'Mitä sovittelu on, kenelle se sopii ja miten siihen hakeudutaan.', 'Vad medling är, för vem den passar och hur man söker sig till den.'),
('5d0c8a4e-3b1f-4c53-9f0e-0a7d2f6b1e03', 'Vertaistuki: ryhmät ja vertaistoimijat', 'Kamratstöd: grupper och kamratstödjare',
 'Millaisia vertaisryhmiä on tarjolla ja miten niihin pääsee mukaan.', 'Vilka kamratstödgrupper som finns och hur man kommer med i dem.');

update template_sessions t set title_sv = s.title_sv from swedish_themes s
where t.template_id = s.template_id and t.title_fi = s.title_fi and t.title_sv = '';
update template_sessions t set description_sv = s.description_sv from swedish_themes s
where t.template_id = s.template_id and t.description_fi = s.description_fi and t.description_sv = '';

-- Sessions already planned carry a copy of their theme; those still worded as the seeded one get its Swedish too.
update series_sessions ss set theme_sv = s.title_sv from series se, swedish_themes s
where ss.series_id = se.id and se.template_id = s.template_id and ss.theme_fi = s.title_fi and ss.theme_sv = '';
drop table swedish_themes;
drop table swedish_texts;

--changeset tukipiiri:047-swedish-crisis-message
-- The seeded Swedish crisis message named the violence line by its Finnish name and left out the Swedish-language
-- crisis line. Nollinjen is the line's Swedish name and it answers in Swedish; MIELI's Kristelefonen på svenska answers
-- on 09 2525 0112 (sources in decision 26). A message an organisation has rewritten is left as it is.
update template_texts
set body = 'Om du är i fara nu, ring 112. Nollinjen hjälper vid våld i nära relationer dygnet runt, också på svenska: 080 005 005. Kristelefonen på svenska: 09 2525 0112.'
where kind = 'CRISIS' and language = 'sv'
  and body = 'Om du är i fara nu, ring 112. Nollalinjen hjälper vid våld i nära relationer dygnet runt: 080 005 005.';
