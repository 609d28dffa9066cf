// Session material and the personal workbook, in real browsers against a server whose clock the
// test has moved into a closed group's first meeting (run it through WorkbookBrowserIT, which plans
// the group, enrols two parents and opens the meeting). On a phone (390×844) a parent opens
// "Aineisto" in the live session room, reads the material and the exercise, writes an answer and
// saves it to their workbook; after a reload the answer is in the workbook page (#/workbook) and
// back in the room; they share it with the group after a confirmation, and the message appears for
// them and for the other parent. On a laptop (1280×800) a coordinator edits a session's exercise
// in the template editor, is refused an emptied Finnish material, and finds the change saved after
// a reload. axe-core finds no serious or critical violation on any of these screens.
import {
  ScenarioFailure,
  baseUrl,
  expectAccessible,
  expectHidden,
  expectText,
  expectVisible,
  runScenarios,
  waitFor,
  waitForComposer,
} from './browser.mjs';

const exact = { exact: true };
const env = (name) => process.env[name]?.trim() ?? '';
const password = env('TUKIPIIRI_E2E_PASSWORD');
const parent = { username: env('TUKIPIIRI_E2E_PARENT_USERNAME'), password };
const other = { username: env('TUKIPIIRI_E2E_OTHER_USERNAME'), password };
const coordinator = { username: env('TUKIPIIRI_E2E_COORDINATOR_USERNAME'), password };
const roomId = env('TUKIPIIRI_E2E_ROOM_ID');
const seriesTitle = env('TUKIPIIRI_E2E_SERIES_TITLE');
const templateId = env('TUKIPIIRI_E2E_TEMPLATE_ID');
const tag = env('TUKIPIIRI_E2E_TAG');

function requireEnvironment() {
  for (const [name, value] of Object.entries({
    password,
    parent: parent.username,
    other: other.username,
    coordinator: coordinator.username,
    roomId,
    seriesTitle,
    templateId,
    tag,
  })) {
    if (value === '') throw new ScenarioFailure(`the test did not say ${name} (see the TUKIPIIRI_E2E_* variables)`);
  }
}

async function signIn(page, { username, password: secret }) {
  await page.goto(baseUrl());
  await page.getByLabel('Käyttäjätunnus', exact).fill(username);
  await page.getByLabel('Salasana', exact).fill(secret);
  await page.getByRole('button', { name: 'Kirjaudu sisään', exact: true }).click();
  await expectVisible(page.getByTestId('home-greeting'), `the greeting after ${username} signed in`);
}

/** Opens the session's room and accepts its house rules, so the person may write there. */
async function openRoom(page) {
  await page.goto(`${baseUrl()}#/rooms/${encodeURIComponent(roomId)}`);
  await waitForComposer(page, page.getByLabel('Viesti', exact), 'the composer to be ready');
}

/** Fails unless the page is no wider than its window (nothing sticks out sideways on a phone). */
async function expectNoSidewaysScroll(page, description) {
  const { scroll, width } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, width: window.innerWidth }));
  if (scroll > width) throw new ScenarioFailure(`${description}: the page is ${scroll} px wide in a ${width} px window`);
}

function messageWith(page, body) {
  return page.getByTestId('chat-message').filter({ has: page.getByTestId('message-body').getByText(body, exact) });
}

const answer = () => `Sinnikkyys, huumori ja se, että jaksan kuunnella lastani (${tag}).`;

const parentWritesAndShares = {
  name: 'a parent answers the exercise in the live room, finds it in the workbook after a reload and shares it with the group',
  options: { viewport: { width: 390, height: 844 } },
  async run(page, { newPage }) {
    requireEnvironment();
    const otherPage = await newPage({ viewport: { width: 390, height: 844 } });
    await signIn(otherPage, other);
    await openRoom(otherPage);

    await signIn(page, parent);
    await openRoom(page);
    const toggle = page.getByTestId('room-material-toggle');
    await expectVisible(toggle, 'the "Aineisto" toggle in the live room');
    await expectText(toggle.locator('.label-short'), 'Aineisto', 'the short label on a phone');
    await toggle.click();
    const sheet = page.getByTestId('room-material');
    await expectText(
      sheet.getByTestId('material-session'),
      'Tapaaminen 1: Tutustuminen ja omat vahvuudet',
      "the session's place and theme",
    );
    await expectText(sheet.getByTestId('material-text'), /^Tervetuloa ryhmään\./, 'the material, in Finnish');
    await expectText(sheet.getByTestId('material-exercise'), /^Kirjoita kolme asiaa/, 'the exercise');
    await expectNoSidewaysScroll(page, 'the material sheet');
    await expectAccessible(page, 'the material sheet on a phone');

    const field = sheet.getByTestId('material-answer');
    await field.fill(answer());
    await sheet.getByTestId('material-save').click();
    await expectText(sheet.getByTestId('material-status'), 'Tallennettu työkirjaasi. Vain sinä näet sen.', 'the answer saved');

    // After a reload the answer is in the workbook, reached from the home page.
    await page.reload();
    await expectVisible(page.getByTestId('room-material-toggle'), 'the room again after a reload');
    await page.goto(`${baseUrl()}#/home`);
    await page.getByTestId('workbook-link').click();
    await expectVisible(page.getByRole('heading', { level: 1, name: 'Työkirja' }), 'the workbook page');
    const series = page
      .getByTestId('workbook-series')
      .filter({ has: page.getByRole('heading', { level: 2, name: seriesTitle, exact: true }) });
    const entry = series.getByTestId('workbook-entry').first();
    await expectText(entry.getByTestId('workbook-session'), 'Tapaaminen 1: Tutustuminen ja omat vahvuudet', 'the answered session');
    await expectText(entry.getByTestId('workbook-exercise'), /^Kirjoita kolme asiaa/, "the session's exercise beside the answer");
    await waitFor('the saved answer in the workbook', async () => {
      const actual = await entry.getByTestId('workbook-answer').inputValue({ timeout: 1000 });
      return { ok: actual === answer(), actual };
    });
    await expectHidden(entry.getByTestId('workbook-shared'), 'a "shared" note before sharing');
    await expectNoSidewaysScroll(page, 'the workbook page');
    await expectAccessible(page, 'the workbook page on a phone');

    // Back in the room, the answer is there; sharing asks first, then the group reads it.
    await openRoom(page);
    await page.getByTestId('room-material-toggle').click();
    await waitFor('the saved answer back in the room', async () => {
      const actual = await page.getByTestId('material-answer').inputValue({ timeout: 1000 });
      return { ok: actual === answer(), actual };
    });
    if ((await messageWith(otherPage, answer()).count()) !== 0)
      throw new ScenarioFailure('the answer reached the group before it was shared');
    await page.getByTestId('material-share').click();
    const dialog = page.getByRole('dialog', { name: 'Jaetaanko vastauksesi ryhmälle?' });
    await expectVisible(dialog, 'the confirmation before sharing');
    await expectText(dialog.locator('blockquote'), answer(), 'the answer quoted in the confirmation');
    await expectAccessible(page, 'the share confirmation');
    await dialog.getByTestId('dialog-submit').click();
    await expectHidden(dialog, 'the confirmation, closed');
    await expectVisible(messageWith(page, answer()), "the shared answer among the sharer's messages");
    await expectVisible(messageWith(otherPage, answer()), 'the shared answer in the other parent’s room');
    await expectHidden(page.getByTestId('room-material').locator('.room-material-body'), 'the sheet folded away on a phone');
    await expectNoSidewaysScroll(page, 'the room after sharing');
    await expectAccessible(page, 'the room after sharing');
  },
};

const coordinatorEditsMaterial = {
  name: "a coordinator edits a session's exercise on the template editor and is refused an emptied Finnish material",
  options: { viewport: { width: 1280, height: 800 } },
  async run(page) {
    requireEnvironment();
    await signIn(page, coordinator);
    await page.goto(`${baseUrl()}#/coordinator/templates/${encodeURIComponent(templateId)}`);
    await expectVisible(page.getByRole('heading', { level: 2, name: 'Tapaamisten aineistot ja harjoitukset' }), 'the materials section');
    const exercise = page.getByTestId('material-3-exercise-en');
    await waitFor('the third session’s English exercise loaded', async () => {
      const actual = await exercise.inputValue({ timeout: 1000 });
      return { ok: actual.length > 0, actual };
    });
    const original = await exercise.inputValue();
    const changed = `${original} (${tag})`;
    try {
      await exercise.fill(changed);
      await page.getByTestId('material-save-3').click();
      await expectText(page.getByTestId('material-saved').nth(2), 'Tapaamisen 3 aineisto tallennettiin.', 'the third session saved');

      const finnish = page.getByTestId('material-4-material-fi');
      await finnish.fill('');
      await page.getByTestId('material-save-4').click();
      await expectText(
        page.getByTestId('material-session').nth(3).locator('.field-error').first(),
        'Kirjoita myös suomenkielinen aineisto: sitä tarvitaan, kun aineistoa on muilla kielillä.',
        'the refusal beside the emptied Finnish material',
      );
      if ((await finnish.getAttribute('aria-invalid')) !== 'true')
        throw new ScenarioFailure('the emptied Finnish material is not marked invalid');
      await expectAccessible(page, 'the template editor with a refused material');

      await page.reload();
      await waitFor('the saved exercise after a reload', async () => {
        const actual = await page.getByTestId('material-3-exercise-en').inputValue({ timeout: 1000 });
        return { ok: actual === changed, actual };
      });
      await waitFor('the Finnish material, unchanged by the refused save', async () => {
        const actual = await page.getByTestId('material-4-material-fi').inputValue({ timeout: 1000 });
        return { ok: actual.length > 0, actual };
      });
    } finally {
      await page.getByTestId('material-3-exercise-en').fill(original);
      await page.getByTestId('material-save-3').click();
      await expectText(page.getByTestId('material-saved').nth(2), 'Tapaamisen 3 aineisto tallennettiin.', 'the exercise put back');
    }
  },
};

await runScenarios('workbook', [parentWritesAndShares, coordinatorEditsMaterial]);
