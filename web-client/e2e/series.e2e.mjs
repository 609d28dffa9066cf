// A series from planning to its first session, in two real browsers against a running server
// (TUKIPIIRI_BASE_URL) whose clock the test moves. A coordinator (an account given by the test)
// plans a closed group through the "Plan a series" form with a facilitator chosen by name; a
// parent registers, finds the group in the public calendar, enrols and sees the session under
// "Omat tapaamiset" with its join button disabled; the coordinator sees the seat taken in the
// overview and opens a template in the editor. The scenario then writes the file
// `enrolled` into TUKIPIIRI_E2E_SIGNAL_DIR, and the test moves the server's clock to just before
// the first session, so the lobby opens: the parent's join button wakes without a reload and
// leads into the session's room, where the composer is ready.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  acknowledgeRecoveryCodes,
  ScenarioFailure,
  baseUrl,
  expectAttribute,
  expectAccessible,
  expectText,
  expectVisible,
  goHome,
  openSiteMenu,
  runScenarios,
  uniqueSuffix,
  waitFor,
  waitForComposer,
} from './browser.mjs';

const exact = { exact: true };
const env = (name) => process.env[name]?.trim() ?? '';
const coordinator = { username: env('TUKIPIIRI_E2E_COORDINATOR_USERNAME'), password: env('TUKIPIIRI_E2E_COORDINATOR_PASSWORD') };
const facilitator = env('TUKIPIIRI_E2E_FACILITATOR');
const seriesTitle = env('TUKIPIIRI_E2E_SERIES_TITLE');
const firstDate = env('TUKIPIIRI_E2E_FIRST_DATE');
const signalDir = env('TUKIPIIRI_E2E_SIGNAL_DIR');
/** How long the parent waits for the lobby: the test moves the clock at once, and the page asks again within 30 s anyway. */
const LOBBY_WAIT_MS = 90_000;

async function signIn(page, { username, password }) {
  await page.goto(baseUrl());
  await page.getByLabel('Käyttäjätunnus', exact).fill(username);
  await page.getByLabel('Salasana', exact).fill(password);
  await page.getByRole('button', { name: 'Kirjaudu sisään', exact: true }).click();
  await expectVisible(page.getByTestId('home-greeting'), 'the greeting after signing in');
}

async function registerParent(page, { username, displayName, password }) {
  await page.goto(baseUrl());
  await page.getByRole('link', { name: 'Luo tunnus', exact: true }).click();
  await page.getByLabel('Käyttäjätunnus', exact).fill(username);
  await page.getByLabel('Nimimerkki', exact).fill(displayName);
  await page.getByLabel('Salasana', exact).fill(password);
  await page.getByLabel('Salasana uudelleen', exact).fill(password);
  await page.getByRole('button', { name: 'Luo tunnus', exact: true }).click();
  await acknowledgeRecoveryCodes(page);
  await expectText(page.getByTestId('home-greeting'), `Hei, ${displayName}!`, `the greeting for ${displayName}`);
}

async function planSeries(page) {
  await signIn(page, coordinator);
  await page.getByRole('link', { name: 'Ryhmien suunnittelu', exact: true }).click();
  await expectVisible(page.getByRole('heading', { level: 1, name: 'Ryhmien suunnittelu' }), "the coordinators' overview");
  await page.getByRole('link', { name: 'Suunnittele uusi sarja', exact: true }).click();
  await expectVisible(page.getByRole('heading', { level: 1, name: 'Suunnittele sarja' }), 'the planning form');

  await page.getByRole('radio', { name: 'Suljettu ryhmä', exact: true }).check();
  const template = page.getByLabel('Ohjelmapohja', exact);
  await waitFor('the closed group template to be offered', async () => {
    const options = await template.locator('option').allInnerTexts();
    return { ok: options.includes('Minä, tunteet ja taidot'), actual: options };
  });
  await template.selectOption({ label: 'Minä, tunteet ja taidot' });
  await expectText(page.getByTestId('template-info'), /^9 tapaamista/, "the template's number of sessions");

  await page.getByLabel('Sarjan nimi', exact).fill(seriesTitle);
  await page.getByLabel('Kenelle ryhmä on', exact).fill('Vanhemmat, jotka haluavat harjoitella tunnetaitoja');
  await page.getByLabel('Ensimmäinen tapaaminen', exact).fill(firstDate);
  await expectText(page.getByTestId('plan-weekday'), /^Tapaamiset ovat \S+isin\.$/, 'the weekday of the meetings');
  await page.getByLabel('Toistuvuus', exact).selectOption({ label: 'Joka viikko' });
  await page.getByLabel('Alkamisaika', exact).fill('18:00');
  await page.getByLabel('Paikkoja', exact).fill('6');
  await page.getByLabel('Vähimmäismäärä', exact).fill('1');
  await page.getByLabel('Päätöspäivä', exact).fill(firstDate);
  await page.getByLabel('Ohjaaja', exact).selectOption({ label: facilitator });

  // A mistake first: the form says what is wrong next to the field and sends nothing.
  await page.getByLabel('Vähimmäismäärä', exact).fill('7');
  await page.getByRole('button', { name: 'Suunnittele sarja', exact: true }).click();
  await expectVisible(
    page.getByText('Vähimmäismäärä ei voi olla suurempi kuin paikkojen määrä.', exact),
    'the minimum-over-capacity message',
  );
  await page.getByLabel('Vähimmäismäärä', exact).fill('1');
  await page.getByRole('button', { name: 'Suunnittele sarja', exact: true }).click();

  await expectText(page.getByTestId('coordinator-series-title'), seriesTitle, "the planned series' title");
  await waitFor('nine sessions in the plan', async () => {
    const count = await page.getByTestId('coordinator-session').count();
    return { ok: count === 9, actual: count };
  });
  await expectVisible(page.getByTestId('series-fill').getByText('0/6 paikkaa (0 %)', exact), 'the empty fill');
  await expectVisible(page.getByTestId('staff-card').getByLabel('Ohjaaja', exact), 'the facilitator choice on the series page');
}

async function enrolFromCalendar(page, parent) {
  await registerParent(page, parent);
  await openSiteMenu(page);
  await page.getByTestId('calendar-nav').click();
  await expectVisible(page.getByRole('heading', { level: 1, name: 'Ryhmäkalenteri' }), 'the calendar');
  const link = page.getByTestId('calendar-results').getByRole('link', { name: seriesTitle, exact: true });
  await expectVisible(link, `"${seriesTitle}" in the calendar`);
  await link.click();
  await expectText(page.getByTestId('series-title'), seriesTitle, 'the series page title');
  await page.getByRole('button', { name: 'Ilmoittaudu ryhmään', exact: true }).click();
  await expectText(page.getByTestId('enrolment-status'), 'Olet mukana ryhmässä.', 'the enrolment status');
}

/** The coordinator sees the parent's seat in the overview and opens a template in the editor (not saving it). */
async function followFillAndTemplates(page) {
  await page.getByRole('link', { name: 'Ryhmien suunnittelu', exact: true }).click();
  await expectVisible(page.getByRole('heading', { level: 1, name: 'Ryhmien suunnittelu' }), 'the overview again');
  const line = page.getByTestId('overview-item').filter({ has: page.getByRole('link', { name: seriesTitle, exact: true }) });
  await expectText(line.getByTestId('fill-seats'), '1/6 paikkaa (17 %)', 'the fill after one enrolment');
  await expectVisible(line.getByText('Vähintään 1 – täyttyy', exact), 'the minimum reached');

  await page.getByRole('link', { name: 'Muokkaa pohjaa Minä, tunteet ja taidot', exact: true }).click();
  await expectText(page.getByTestId('template-title'), 'Muokkaa: Minä, tunteet ja taidot', 'the template editor heading');
  const themes = page.getByTestId('theme-item');
  await waitFor('nine themes in the editor', async () => {
    const count = await themes.count();
    return { ok: count === 9, actual: count };
  });
  const firstTitle = () => themes.first().getByLabel('Otsikko suomeksi', exact).inputValue({ timeout: 1000 });
  const second = await themes.nth(1).getByLabel('Otsikko suomeksi', exact).inputValue();
  await page.getByRole('button', { name: 'Siirrä teema 1 alaspäin', exact: true }).click();
  await waitFor('the second theme to come first after moving the first down', async () => {
    const actual = await firstTitle();
    return { ok: actual === second, actual };
  });

  // The house rules and ready-made messages, in three languages: an empty Finnish rule is refused, a change is saved.
  const texts = page.getByTestId('template-texts');
  const rules = texts.getByTestId('text-HOUSE_RULES-fi');
  await waitFor('the Finnish house rules in the editor', async () => {
    const value = await rules.inputValue({ timeout: 1000 });
    return { ok: value.includes('Luottamuksellisuus'), actual: value.slice(0, 40) };
  });
  const original = await rules.inputValue();
  await rules.fill('');
  await texts.getByRole('button', { name: 'Tallenna säännöt ja viestit', exact: true }).click();
  await expectAttribute(rules, 'aria-invalid', 'true', 'the empty Finnish house rules');
  await rules.fill(original);
  const breakSv = texts.getByTestId('text-BREAK-sv');
  const breakBefore = await breakSv.inputValue();
  await breakSv.fill('Nu tar vi en kort paus.');
  await texts.getByRole('button', { name: 'Tallenna säännöt ja viestit', exact: true }).click();
  await expectText(texts.getByText('Säännöt ja viestit tallennettiin.'), 'Säännöt ja viestit tallennettiin.', 'the saved texts');
  await expectAccessible(page, 'the template texts');
  await breakSv.fill(breakBefore);
  await texts.getByRole('button', { name: 'Tallenna säännöt ja viestit', exact: true }).click();
}

async function openMySessions(page) {
  await goHome(page);
  await page.getByRole('link', { name: 'Omat tapaamiset', exact: true }).click();
  await expectVisible(page.getByRole('heading', { level: 1, name: 'Omat tapaamiset' }), 'my sessions');
  const first = page.getByTestId('my-session').first();
  await expectVisible(first.getByRole('link', { name: seriesTitle, exact: true }), 'the series of the first session');
  return first;
}

const planEnrolAndJoin = {
  name: 'a coordinator plans a series, a parent enrols and joins its first session',
  // The coordinator works on a computer, the parent on a phone.
  options: { viewport: { width: 1280, height: 900 } },
  async run(coordinatorPage, { newPage }) {
    for (const [name, value] of Object.entries({ coordinator: coordinator.username, facilitator, seriesTitle, firstDate, signalDir })) {
      if (value === '') throw new ScenarioFailure(`the test did not say ${name} (see the TUKIPIIRI_E2E_* variables)`);
    }
    const parentPage = await newPage({ viewport: { width: 390, height: 844 } });
    const suffix = uniqueSuffix();
    const parent = { username: `series_p_${suffix}`, displayName: `Vanhempi ${suffix}`, password: `pitka-salasana-${suffix}` };

    await planSeries(coordinatorPage);
    await enrolFromCalendar(parentPage, parent);
    await followFillAndTemplates(coordinatorPage);

    const first = await openMySessions(parentPage);
    const waiting = first.getByRole('button', { name: 'Siirry tapaamiseen', exact: true });
    await expectVisible(waiting, 'the join button before the lobby opens');
    if (!(await waiting.isDisabled())) throw new ScenarioFailure('the join button must be disabled before the lobby opens');
    await expectText(first.getByTestId('join-note'), /^Ryhmä aukeaa klo 17\.45/, 'when the group opens');

    // The test moves the server's clock to ten minutes before the first session once it sees this file.
    await writeFile(join(signalDir, 'enrolled'), seriesTitle);
    const joinLink = first.getByRole('link', { name: 'Siirry tapaamiseen', exact: true });
    await expectVisible(joinLink, 'the join link once the lobby is open', LOBBY_WAIT_MS);
    await expectText(first.getByTestId('join-note'), 'Ryhmä on auki – voit tulla sisään.', 'the open-lobby note');
    await joinLink.click();

    await expectText(parentPage.getByTestId('room-title'), new RegExp(`^${seriesTitle} – 1\\. `), "the session room's title");
    await waitForComposer(parentPage, parentPage.getByLabel('Viesti', exact), 'the composer to be ready in the session room');
    // The room tells its session's state and minutes.
    await expectText(
      parentPage.getByTestId('session-clock'),
      /^(Aula auki · alkaa \d+ min kuluttua|Käynnissä · \d+ min jäljellä)$/,
      'the session clock',
    );
    const hello = `Hei, tulin ryhmään (${suffix}).`;
    await parentPage.getByLabel('Viesti', exact).fill(hello);
    await parentPage.getByRole('button', { name: 'Lähetä', exact: true }).click();
    await expectVisible(parentPage.getByTestId('message-body').getByText(hello, exact), "the parent's first message in the room");
  },
};

await runScenarios('series', [planEnrolAndJoin]);
