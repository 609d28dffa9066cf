// From participant to peer supporter, and a group's own house rules, in real browsers against a
// server whose clock the test has moved past the last meeting of a closed group (run it through
// PeerSupportBrowserIT, which holds the series with two parents enrolled and a closed group outside it where the
// second parent has accepted the rules). The coordinator (laptop) invites the first parent from the
// completed series' page; the parent (390×844) follows the notice, accepts on the home page and is
// a peer supporter at once; the coordinator sees the answer, appoints them to the group as its
// peer supporter and rewrites the group's house rules on the staffing page; the second parent
// (390×844) opens the group, is told the rules changed, reads the new ones and accepts again before
// writing; the new peer supporter opens the group, is not asked, and pins an announcement from the
// tools a peer supporter has. The coordinator's new parts are then checked on a phone too, and
// axe-core checks each screen.
import {
  ScenarioFailure,
  baseUrl,
  expectAccessible,
  expectHidden,
  expectText,
  expectVisible,
  runScenarios,
  uniqueSuffix,
  waitForComposer,
} from './browser.mjs';

const exact = { exact: true };
const env = (name) => process.env[name]?.trim() ?? '';
const password = env('TUKIPIIRI_E2E_PASSWORD');
const seriesId = env('TUKIPIIRI_E2E_SERIES_ID');
const seriesTitle = env('TUKIPIIRI_E2E_SERIES_TITLE');
const roomTitle = env('TUKIPIIRI_E2E_ROOM_TITLE');
const coordinator = { username: env('TUKIPIIRI_E2E_COORDINATOR_USERNAME'), displayName: env('TUKIPIIRI_E2E_COORDINATOR_NAME') };
const parent = { username: env('TUKIPIIRI_E2E_PARENT_USERNAME'), displayName: env('TUKIPIIRI_E2E_PARENT_NAME') };
const member = { username: env('TUKIPIIRI_E2E_MEMBER_USERNAME'), displayName: env('TUKIPIIRI_E2E_MEMBER_NAME') };

async function signIn(page, who) {
  await page.goto(baseUrl());
  await page.getByLabel('Käyttäjätunnus', exact).fill(who.username);
  await page.getByLabel('Salasana', exact).fill(password);
  await page.getByRole('button', { name: 'Kirjaudu sisään', exact: true }).click();
  await expectText(page.getByTestId('home-greeting'), `Hei, ${who.displayName}!`, `the greeting for ${who.displayName}`);
}

async function openRoom(page, who) {
  await page.getByRole('link', { name: 'Siirry keskusteluihin', exact: true }).click();
  const link = page.getByTestId('room-list').getByRole('link', { name: roomTitle, exact: true });
  await expectVisible(link, `the room "${roomTitle}" in the list of ${who.displayName}`);
  await link.click();
  await expectText(page.getByTestId('room-title'), roomTitle, `the room title for ${who.displayName}`);
}

/** A button named for a person ("Kutsu vertaistoimijaksi: Aino"); the browser may put a space before the colon. */
function forPerson(label, who) {
  const name = who.displayName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return { name: new RegExp(`^${label}\\s*:\\s*${name}$`) };
}

function candidate(page, who) {
  return page.getByTestId('peer-candidate').filter({ has: page.getByTestId('peer-candidate-name').getByText(who.displayName, exact) });
}

/** (a) The coordinator invites the first parent from the completed series' page. */
async function invite(page) {
  await signIn(page, coordinator);
  await page.goto(`${baseUrl()}#/coordinator/series/${encodeURIComponent(seriesId)}`);
  await expectText(page.getByTestId('coordinator-series-title'), seriesTitle, "the series' title");
  await expectText(page.getByTestId('series-state'), 'Päättynyt', "the series' state");
  const card = page.getByTestId('peer-candidates-card');
  await expectVisible(card, 'the list of participants to invite');
  const person = candidate(page, parent);
  await expectVisible(person, `${parent.displayName} among the participants`);
  await expectVisible(candidate(page, member), `${member.displayName} among the participants`);
  await expectText(person.getByText(/^Osallistui/), 'Osallistui 0/9 tapaamiseen', 'how often the parent came');
  await expectAccessible(page, 'the participants of a completed series');
  await person.getByRole('button', forPerson('Kutsu vertaistoimijaksi', parent)).click();
  await expectText(
    page.getByTestId('peer-candidates-status'),
    `${parent.displayName} sai kutsun vertaistoimijaksi.`,
    'the invitation made',
  );
  await expectText(person.getByTestId('peer-candidate-standing'), /^Kutsuttu, voimassa .+ asti\.$/, 'the open invitation');
  await expectVisible(person.getByRole('button', forPerson('Peru kutsu', parent)), 'the way to withdraw it');
}

/** (b) The parent, on a phone, follows the notice and accepts on the home page. */
async function accept(page) {
  await signIn(page, parent);
  await page.getByTestId('notifications-toggle').click();
  const notice = `Sinut on kutsuttu vertaistoimijaksi ryhmän ${seriesTitle} jälkeen. Vastaa kutsuun etusivulla.`;
  await page.getByTestId('notification-list').getByRole('link', { name: notice, exact: true }).first().click();
  const box = page.getByTestId('peer-invitations');
  await expectVisible(box, 'the invitation on the home page');
  const invitation = box.getByTestId('peer-invitation');
  await expectText(
    invitation.locator('.appeal-what'),
    `${coordinator.displayName} kutsuu sinut jatkamaan vertaistoimijana ryhmän ${seriesTitle} jälkeen.`,
    'who invited and after which group',
  );
  await expectAccessible(page, 'the invitation on a phone');
  await box.getByRole('button', { name: 'Otan kutsun vastaan', exact: true }).click();
  await expectText(
    page.getByTestId('peer-invitation-status'),
    'Olet nyt vertaistoimija. Kiitos, että haluat tukea muita!',
    'the acceptance',
  );
  await expectVisible(page.getByTestId('role-list').getByText('Vertaistoimija', exact), 'the new role on the home page');
  await expectHidden(box.getByRole('button', { name: 'Otan kutsun vastaan', exact: true }), 'the answered invitation');
  await expectAccessible(page, 'the home page after accepting');
}

/** (c) The coordinator sees the answer, appoints the new peer supporter and rewrites the chat's rules. */
async function appointAndRewriteRules(page, newRules) {
  await page.reload();
  const person = candidate(page, parent);
  await expectText(person.getByTestId('peer-candidate-standing'), 'Jo vertaistoimija tai henkilökuntaa', 'the parent now a peer supporter');
  await page.getByTestId('notifications-toggle').click();
  await expectVisible(
    page
      .getByTestId('notification-list')
      .getByText(`${parent.displayName} otti vastaan kutsun vertaistoimijaksi (${seriesTitle}).`, exact)
      .first(),
    "the coordinator's notice of the answer",
  );
  await page.getByTestId('notifications-toggle').click();

  await page.goto(`${baseUrl()}#/staffing`);
  const room = page.getByTestId('staffing-room').filter({ has: page.getByRole('heading', { name: roomTitle, exact: true }) });
  await expectVisible(room, `the room "${roomTitle}" on the staffing page`);
  await room.getByTestId('appoint-role').selectOption('PEER_SUPPORTER');
  await room.getByTestId('appoint-person').selectOption({ label: parent.displayName });
  await room.getByTestId('appoint').click();
  await expectText(page.getByTestId('staffing-done'), `${parent.displayName} on nyt huoneessa ${roomTitle}.`, 'the appointment');

  const roomAgain = page.getByTestId('staffing-room').filter({ has: page.getByRole('heading', { name: roomTitle, exact: true }) });
  await roomAgain.getByText('Keskustelun säännöt', exact).click();
  const editor = roomAgain.getByTestId('house-rules-editor');
  await expectVisible(editor, "the room's house rules editor");
  await expectText(roomAgain.getByTestId('house-rules-source'), /^Nyt noudatetaan ohjelman sääntöjä/, 'the rules followed now');
  const finnish = roomAgain.getByLabel('Suomeksi', exact);
  if (!(await finnish.inputValue()).includes('Luottamuksellisuus')) {
    throw new ScenarioFailure("the editor should start from the programme's rules");
  }
  await expectAccessible(page, 'the house rules editor on the staffing page');
  await finnish.fill('');
  await roomAgain.getByTestId('house-rules-save').click();
  await expectText(roomAgain.getByTestId('house-rules-editor-alert'), 'Tarkista merkityt kentät.', 'the empty Finnish rules refused');
  await expectVisible(roomAgain.getByText('Kirjoita säännöt suomeksi.', exact), 'why, next to the Finnish field');
  await finnish.fill(newRules);
  await roomAgain.getByLabel('Englanniksi', exact).fill('Tonight: one speaks at a time.');
  await roomAgain.getByLabel('Ruotsiksi', exact).fill('');
  await roomAgain.getByTestId('house-rules-save').click();
  await expectText(
    roomAgain.getByTestId('house-rules-editor-saved'),
    'Säännöt tallennettiin. Osallistujat hyväksyvät ne ennen seuraavaa viestiään.',
    'the saved rules',
  );
  await expectText(roomAgain.getByTestId('house-rules-source'), /^Ryhmällä on omat säännöt \(tallennettu .+, .+\)\.$/, 'the own rules');
}

/** (d) The member who accepted the old rules is asked again, reads the new ones and accepts. */
async function acceptAgain(page, newRules) {
  await signIn(page, member);
  await openRoom(page, member);
  const rules = page.getByTestId('house-rules');
  await expectVisible(rules, 'the house rules in place of the composer');
  await expectText(
    rules.locator('.house-rules-lead'),
    'Ryhmän säännöt ovat muuttuneet sen jälkeen, kun hyväksyit ne. Lue ne ja hyväksy uudelleen, niin voit kirjoittaa.',
    'that the rules changed',
  );
  await expectText(page.getByTestId('house-rules-text'), newRules, 'the new rules');
  await expectAccessible(page, 'the changed rules on a phone');
  await page.getByTestId('house-rules-accept').click();
  const input = page.getByLabel('Viesti', exact);
  await waitForComposer(page, input, 'the composer after accepting again');
  const text = `Hyväksyin uudet säännöt (${uniqueSuffix()}).`;
  await input.fill(text);
  await input.press('Enter');
  await expectVisible(page.getByTestId('message-body').getByText(text, exact), "the member's message");
}

/** (e) The new peer supporter opens the chat: not asked to accept, and pins an announcement. */
async function coHost(page) {
  await openRoom(page, parent);
  await expectHidden(page.getByTestId('house-rules'), 'house rules asked of staff');
  await page.getByTestId('moderation-panel-toggle').click();
  const announcement = `Vertaistoimija paikalla tänä iltana (${uniqueSuffix()}).`;
  await page.getByTestId('pin-text').fill(announcement);
  await page.getByRole('button', { name: 'Kiinnitä tiedote', exact: true }).click();
  await expectText(page.getByTestId('pinned-text'), announcement, "the peer supporter's pinned announcement");
  if ((await page.getByTestId('lock-switch').count()) > 0 && (await page.getByTestId('lock-switch').isVisible())) {
    throw new ScenarioFailure('a peer supporter has no power to lock the room');
  }
  await expectAccessible(page, "the peer supporter's tools on a phone");
}

/** (f) The coordinator's new parts on a phone: nothing wider than the screen, nothing axe objects to. */
async function coordinatorOnPhone(page) {
  await page.setViewportSize({ width: 390, height: 844 });
  for (const [hash, what] of [
    [`#/coordinator/series/${encodeURIComponent(seriesId)}`, "the series' participants and house rules"],
    ['#/staffing', 'the staffing page'],
  ]) {
    await page.goto(`${baseUrl()}${hash}`);
    if (hash === '#/staffing') {
      const room = page.getByTestId('staffing-room').filter({ has: page.getByRole('heading', { name: roomTitle, exact: true }) });
      await room.getByText('Keskustelun säännöt', exact).click();
      await expectVisible(room.getByTestId('house-rules-editor'), 'the rules editor on a phone');
    } else {
      await expectVisible(page.getByTestId('peer-candidates-card'), 'the participants on a phone');
      await expectVisible(page.getByTestId('house-rules-editor'), "the series' rules editor on a phone");
    }
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    if (width > 390) throw new ScenarioFailure(`${what} is ${width} px wide on a 390 px phone`);
    await expectAccessible(page, `${what} on a phone`);
  }
}

const fromParticipantToPeerSupporter = {
  name: 'a coordinator invites a participant of a completed series, who accepts and co-hosts; changed rules are asked again',
  options: { viewport: { width: 1280, height: 800 } },
  async run(coordinatorPage, { newPage }) {
    for (const [name, value] of Object.entries({
      password,
      seriesId,
      seriesTitle,
      roomTitle,
      coordinator: coordinator.username,
      parent: parent.username,
      member: member.username,
    })) {
      if (value === '') throw new ScenarioFailure(`the test did not say ${name} (see the TUKIPIIRI_E2E_* variables)`);
    }
    const newRules = `Tämän illan säännöt (${uniqueSuffix()}): puhutaan yksi kerrallaan.`;
    const parentPage = await newPage({ viewport: { width: 390, height: 844 } });
    await invite(coordinatorPage);
    await accept(parentPage);
    await appointAndRewriteRules(coordinatorPage, newRules);
    await acceptAgain(await newPage({ viewport: { width: 390, height: 844 } }), newRules);
    await coHost(parentPage);
    await coordinatorOnPhone(coordinatorPage);
  },
};

await runScenarios('peer-support', [fromParticipantToPeerSupporter]);
