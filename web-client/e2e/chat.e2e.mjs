// The real-time chat in two real browsers against a running server (TUKIPIIRI_BASE_URL):
// two parents, each with an account of their own made through the registration page, open
// the same open room (TUKIPIIRI_E2E_ROOM_TITLE, created by the test harness), see each
// other's messages with nicknames, each other in "Here now", the typing line, and that a
// parent who leaves the room disappears from the other's list. Lengths are counted as the server
// counts them (code points): 2,500 emoji go through, 4,001 are held back with the server's limit.
import {
  ScenarioFailure,
  baseUrl,
  expectAccessible,
  expectFocusNotObscured,
  expectHidden,
  expectText,
  expectVisible,
  messageArea,
  runScenarios,
  uniqueSuffix,
  waitFor,
  waitForComposer,
} from './browser.mjs';

const exact = { exact: true };
const roomTitle = process.env.TUKIPIIRI_E2E_ROOM_TITLE?.trim() ?? '';

async function registerParent(page, { username, displayName, password }, { checkFocus = false } = {}) {
  await page.goto(baseUrl());
  await page.getByRole('link', { name: 'Luo tunnus', exact: true }).click();
  await expectVisible(page.getByRole('heading', { level: 1, name: 'Luo tunnus' }), 'the registration heading');
  if (checkFocus) await expectFocusNotObscured(page, 'the registration form', 12);
  await page.getByLabel('Käyttäjätunnus', exact).fill(username);
  await page.getByLabel('Nimimerkki', exact).fill(displayName);
  await page.getByLabel('Salasana', exact).fill(password);
  await page.getByLabel('Salasana uudelleen', exact).fill(password);
  await page.getByRole('button', { name: 'Luo tunnus', exact: true }).click();
  await expectText(page.getByTestId('home-greeting'), `Hei, ${displayName}!`, `the greeting for ${displayName}`);
}

async function openRoom(page, who) {
  await page.getByRole('link', { name: 'Siirry keskusteluihin', exact: true }).click();
  await expectVisible(page.getByRole('heading', { level: 1, name: 'Keskustelut' }), `the room list for ${who}`);
  const link = page.getByTestId('room-list').getByRole('link', { name: roomTitle, exact: true });
  await expectVisible(link, `the room "${roomTitle}" in the list for ${who}`);
  await link.first().click();
  await expectText(page.getByTestId('room-title'), roomTitle, `the room title for ${who}`);
  await waitForComposer(page, page.getByLabel('Viesti', exact), `the composer to be ready for ${who}`);
  await expectPresent(page, who, who, '(sinä)');
  // On a phone "Paikalla" opened as a sheet over the messages: fold it again.
  if ((page.viewportSize()?.width ?? 0) < 832) await page.getByTestId('presence-toggle').click();
}

function presenceName(page, name) {
  return page.getByTestId('presence-list').getByTestId('presence-name').getByText(name, exact);
}

/** On a phone "Here now" is a toggle in a row above the messages: it is opened to read the names. */
async function openPresence(page) {
  const strip = page.getByTestId('presence');
  if ((await strip.getAttribute('open')) === null) await page.getByTestId('presence-toggle').click();
}

async function expectPresent(page, name, viewer, note = '') {
  await openPresence(page);
  await expectVisible(presenceName(page, name), `${name} ${note} in the "Paikalla nyt" list of ${viewer}`.replace('  ', ' '));
}

function message(page, author, body) {
  return page
    .getByTestId('chat-message')
    .filter({ has: page.getByTestId('message-author').getByText(author, exact) })
    .filter({ has: page.getByTestId('message-body').getByText(body, exact) });
}

const twoParentsChat = {
  name: 'two parents chat in one room',
  async run(pageA, { newPage }) {
    if (roomTitle === '') {
      throw new ScenarioFailure('TUKIPIIRI_E2E_ROOM_TITLE is not set (the title of an open room to chat in)');
    }
    // One parent on a phone, the other on a computer.
    const pageB = await newPage({ viewport: { width: 1280, height: 800 } });
    const suffix = uniqueSuffix();
    const anna = { username: `chat_a_${suffix}`, displayName: `Anna ${suffix}`, password: `pitka-salasana-a-${suffix}` };
    const matti = { username: `chat_b_${suffix}`, displayName: `Matti ${suffix}`, password: `pitka-salasana-b-${suffix}` };

    await Promise.all([registerParent(pageA, anna), registerParent(pageB, matti)]);
    await Promise.all([openRoom(pageA, anna.displayName), openRoom(pageB, matti.displayName)]);

    await expectPresent(pageA, matti.displayName, anna.displayName);
    await expectPresent(pageB, anna.displayName, matti.displayName);

    // Anna writes and sends with Enter; Matti sees it under her nickname.
    const hello = `Hei kaikki, täällä Anna (${suffix}).`;
    const inputA = pageA.getByLabel('Viesti', exact);
    await inputA.fill(hello);
    await inputA.press('Enter');
    await expectVisible(message(pageB, anna.displayName, hello), `Anna's message on Matti's screen`);
    await expectVisible(message(pageA, anna.displayName, hello), `Anna's own message on her screen`);
    await expectHidden(pageA.getByTestId('message-pending'), `"Lähetetään…" once the server has Anna's message`);
    await waitFor(`Anna's composer to be empty after sending`, async () => {
      const value = await inputA.inputValue({ timeout: 1000 });
      return { ok: value === '', actual: value };
    });

    // Matti answers with the send button, over two lines; Anna sees it.
    const reply = `Hei Anna!\nMukava, että tulit (${suffix}).`;
    await pageB.getByLabel('Viesti', exact).fill(reply);
    await pageB.getByRole('button', { name: 'Lähetä', exact: true }).click();
    await expectVisible(message(pageA, matti.displayName, reply), `Matti's reply on Anna's screen`);
    if ((await message(pageA, anna.displayName, hello).count()) !== 1) {
      throw new ScenarioFailure(`Anna's message must show exactly once on her screen`);
    }

    // The composer counts as the server does: 4,001 emoji are one over the limit and stay unsent ...
    const emoji = '\u{1F600}';
    await inputA.fill(emoji.repeat(4001));
    await expectText(pageA.getByTestId('composer-counter'), '4001/4000 merkkiä', `the counter at 4,001 emoji`);
    await inputA.press('Enter');
    await expectText(
      pageA.getByTestId('composer-error'),
      'Viesti on liian pitkä. Siinä voi olla enintään 4000 merkkiä.',
      `the composer's refusal of 4,001 emoji`,
    );
    if ((await inputA.inputValue()) !== emoji.repeat(4001)) {
      throw new ScenarioFailure('a refused message must stay in the composer');
    }
    // ... while 2,500 emoji (5,000 UTF-16 units) are well within it: no counter, sent, stored and shown.
    const many = emoji.repeat(2500);
    await inputA.fill(many);
    await expectHidden(pageA.getByTestId('composer-counter'), `the counter for 2,500 emoji (shown only near the limit)`);
    await expectHidden(pageA.getByTestId('composer-error'), `the refusal once the text fits`);
    await inputA.press('Enter');
    await expectVisible(message(pageB, anna.displayName, many), `Anna's 2,500 emoji on Matti's screen`);
    await expectVisible(message(pageA, anna.displayName, many), `Anna's 2,500 emoji on her own screen`);
    await expectHidden(pageA.getByTestId('message-pending'), `"Lähetetään…" once the server has the 2,500 emoji`);
    await waitFor(`Anna's composer to be empty after sending the emoji`, async () => {
      const value = await inputA.inputValue({ timeout: 1000 });
      return { ok: value === '', actual: `${[...value].length} characters` };
    });

    // Anna types; Matti sees the typing line, Anna does not see herself typing.
    const typing = inputA.pressSequentially('Kirjoitan vielä yhden ajatuksen', { delay: 100 });
    await expectText(pageB.getByTestId('typing-line'), `${anna.displayName} kirjoittaa…`, `the typing line on Matti's screen`);
    await typing;
    await expectText(pageA.getByTestId('typing-line'), '', `the typing line on Anna's own screen`);

    // Matti goes back to the room list: Anna no longer sees him here.
    await pageB.getByTestId('back-to-rooms').click();
    await expectVisible(pageB.getByRole('heading', { level: 1, name: 'Keskustelut' }), `the room list after Matti left`);
    await expectHidden(presenceName(pageA, matti.displayName), `Matti in Anna's "Paikalla nyt" list after he left`);
    await expectPresent(pageA, anna.displayName, anna.displayName, '(sinä)');
  },
};

async function expectTitle(page, expected, description) {
  await waitFor(`the tab title of ${description} to read "${expected}"`, async () => {
    const actual = await page.title();
    return { ok: actual === expected, actual };
  });
}

/** Whether the page is still Tukipiiri's (the quick exit has not been taken). */
async function expectStillHere(page, description) {
  const here = await page.evaluate((origin) => window.location.origin === origin && !document.body.hidden, new URL(baseUrl()).origin);
  if (!here) throw new ScenarioFailure(`${description}: the page was left`);
}

const phoneRoom = {
  name: 'the room on a phone: house rules first, then messages take the height; keyboard paths, titles',
  async run(page) {
    if (roomTitle === '') throw new ScenarioFailure('TUKIPIIRI_E2E_ROOM_TITLE is not set');
    const suffix = uniqueSuffix();
    const parent = { username: `phone_${suffix}`, displayName: `Puhelin ${suffix}`, password: `pitka-salasana-p-${suffix}` };
    await registerParent(page, parent, { checkFocus: true });
    // The house rules stand in place of the composer until accepted (opening the room accepts them when asked).
    await page.getByRole('link', { name: 'Siirry keskusteluihin', exact: true }).click();
    await page.getByTestId('room-list').getByRole('link', { name: roomTitle, exact: true }).first().click();
    const rules = page.getByTestId('house-rules');
    await expectVisible(rules, 'the house rules before the first message');
    await expectText(page.getByTestId('house-rules-text'), /Luottamuksellisuus/, 'the Finnish house rules');
    await expectHidden(page.getByLabel('Viesti', exact), 'the composer before the rules are accepted');
    await expectAccessible(page, 'the house rules on a phone');
    await page.getByTestId('house-rules-accept').click();
    await expectHidden(rules, 'the house rules once accepted');
    await page.goto(baseUrl());
    await openRoom(page, parent.displayName);
    await expectHidden(rules, 'the house rules, accepted already for today');
    // The room's own name stays out of the tab title and the browser's history.
    await expectTitle(page, 'Keskustelu – Tukipiiri', 'a room');

    const input = page.getByLabel('Viesti', exact);
    const lines = ['Hei kaikki', 'Meillä on vuoroviikot', 'Miten teillä sujuu joulu?', 'Kiitos vinkeistä!', 'Huomenna uudestaan'];
    // Everyday one-line messages (the writer's nickname, new in this run, tells them apart).
    for (const line of lines) {
      await input.fill(line);
      await input.press('Enter');
      await expectVisible(message(page, parent.displayName, line), `"${line}" on the phone`);
    }
    await openPresence(page);
    await page.getByTestId('presence-toggle').click();
    await expectHidden(page.getByTestId('presence-list'), 'the names once "Paikalla" is folded again');

    // One row for the room's header and nothing wider than the phone.
    const layout = await page.evaluate(() => ({
      header: Math.round(document.querySelector('.chat-header').getBoundingClientRect().height),
      width: document.documentElement.scrollWidth,
    }));
    if (layout.header > 48 || layout.width > 390) {
      throw new ScenarioFailure(`the room's header is ${layout.header} px high (one row expected) and the page ${layout.width} px wide`);
    }
    const closed = await messageArea(page);
    if (closed.share < 0.5) {
      throw new ScenarioFailure(
        `messages get ${Math.round(closed.share * 100)} % of 390×844 (${closed.height} px); at least 50 % expected`,
      );
    }
    await expectAccessible(page, 'the room on a phone');

    // The keyboard: the skip link, right after the way back, goes to the composer past every message's menu.
    await page.getByTestId('back-to-rooms').focus();
    await page.keyboard.press('Tab');
    await expectVisible(page.getByTestId('skip-to-composer'), 'the skip link once it has focus');
    await page.keyboard.press('Enter');
    await waitFor('the composer to have focus after the skip link', async () => {
      const focused = await input.evaluate((element) => element === document.activeElement);
      return { ok: focused, actual: focused ? 'focused' : 'elsewhere' };
    });
    // "Paikalla" is the next stop after the skip link; Enter opens it, Escape folds it and counts for nothing else.
    await page.getByTestId('skip-to-composer').focus();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expectVisible(presenceName(page, parent.displayName), 'oneself in "Paikalla" opened from the keyboard');
    await expectAccessible(page, 'the room on a phone with "Paikalla" open');
    await page.keyboard.press('Escape');
    await expectHidden(page.getByTestId('presence-list'), 'the names after Escape');
    await page.keyboard.press('Escape');
    await page.waitForTimeout(300);
    await expectStillHere(page, 'an Escape that folded "Paikalla" followed by one more');

    // The on-screen keyboard open: the window is 470 px high, and three messages stay in view.
    await page.setViewportSize({ width: 390, height: 470 });
    await input.focus();
    await waitFor('three whole messages in view at 390×470', async () => {
      const open = await messageArea(page);
      return { ok: open.wholeMessages >= 3, actual: `${open.wholeMessages} messages in ${open.height} px` };
    });
    await expectAccessible(page, 'the room on a phone with the keyboard open');
    await page.getByTestId('back-to-rooms').click();
    await expectTitle(page, 'Keskustelut – Tukipiiri', 'the room list');
  },
};

async function openMenuAction(page, item, action) {
  await item.getByTestId('message-menu-toggle').click();
  await item.getByTestId(`message-action-${action}`).click();
}

const ownMessages = {
  name: 'a parent edits and deletes their own message and is asked before sending personal details; the other sees it all',
  async run(pageA, { newPage }) {
    if (roomTitle === '') throw new ScenarioFailure('TUKIPIIRI_E2E_ROOM_TITLE is not set');
    const pageB = await newPage({ viewport: { width: 1280, height: 800 } });
    const suffix = uniqueSuffix();
    const writer = { username: `own_a_${suffix}`, displayName: `Oona ${suffix}`, password: `pitka-salasana-o-${suffix}` };
    const reader = { username: `own_b_${suffix}`, displayName: `Risto ${suffix}`, password: `pitka-salasana-r-${suffix}` };
    await Promise.all([registerParent(pageA, writer), registerParent(pageB, reader)]);
    await Promise.all([openRoom(pageA, writer.displayName), openRoom(pageB, reader.displayName)]);

    const input = pageA.getByLabel('Viesti', exact);
    await input.fill('Meillä on vuoroviikot');
    await input.press('Enter');
    await expectVisible(message(pageB, writer.displayName, 'Meillä on vuoroviikot'), 'the first text on the other screen');
    await expectHidden(pageA.getByTestId('message-pending'), 'the message stored');

    // Edit: the menu of one's own message offers it; the dialog starts with the text as it was.
    const own = message(pageA, writer.displayName, 'Meillä on vuoroviikot');
    await openMenuAction(pageA, own, 'edit');
    const editDialog = pageA.getByRole('dialog', { name: 'Muokkaa viestiäsi' });
    await expectVisible(editDialog, 'the edit dialog');
    await expectAccessible(pageA, 'the edit dialog on a phone');
    const field = editDialog.getByLabel('Viesti', exact);
    if ((await field.inputValue()) !== 'Meillä on vuoroviikot')
      throw new ScenarioFailure('the edit dialog must start with the text as it was');
    await field.fill('   ');
    await editDialog.getByRole('button', { name: 'Tallenna muutos', exact: true }).click();
    await expectVisible(editDialog, 'the dialog, still open after an empty text was refused');
    await waitFor('the empty text refused once, under the field that has the focus', async () => {
      const said = await editDialog.getByText('Tämä kenttä on pakollinen.', exact).count();
      const focused = await field.evaluate((element) => element === document.activeElement);
      return { ok: said === 1 && focused, actual: { said, focused } };
    });
    await field.fill('Meillä on vuoroviikot ja joulu vuorotellen');
    await editDialog.getByRole('button', { name: 'Tallenna muutos', exact: true }).click();
    await expectHidden(editDialog, 'the edit dialog once saved');
    const edited = message(pageB, writer.displayName, 'Meillä on vuoroviikot ja joulu vuorotellen');
    await expectVisible(edited, 'the edited text on the other screen, live');
    await expectText(edited.getByTestId('message-edited'), '(muokattu)', 'the "edited" mark on the other screen');
    await expectVisible(
      message(pageA, writer.displayName, 'Meillä on vuoroviikot ja joulu vuorotellen').getByTestId('message-edited'),
      'the "edited" mark on the writer’s screen',
    );

    // Delete: a confirmation, then "removed by its writer" in its place for both.
    await openMenuAction(pageA, message(pageA, writer.displayName, 'Meillä on vuoroviikot ja joulu vuorotellen'), 'delete');
    const deleteDialog = pageA.getByRole('dialog', { name: 'Poistetaanko viestisi?' });
    await deleteDialog.getByRole('button', { name: 'Poista viesti', exact: true }).click();
    await expectHidden(deleteDialog, 'the delete dialog once done');
    await expectVisible(message(pageB, writer.displayName, 'Kirjoittaja poisti viestin'), 'the removal on the other screen');
    await expectVisible(message(pageA, writer.displayName, 'Kirjoittaja poisti viestin'), 'the removal on the writer’s screen');
    await expectHidden(pageB.getByText('Meillä on vuoroviikot ja joulu vuorotellen'), 'the text, gone from the other screen');

    // Personal details: asked once before sending, in the browser; a crisis line is not asked about.
    await input.fill('Soita minulle 040 123 4567 illalla');
    await input.press('Enter');
    const ask = pageA.getByRole('dialog', { name: 'Tämä voi tunnistaa sinut tai lapsesi' });
    await expectVisible(ask, 'the question about personal details');
    await expectText(ask.locator('.dialog-intro'), /puhelinnumero/, 'what the question names');
    await expectAccessible(pageA, 'the personal-details question on a phone');
    await ask.getByRole('button', { name: 'Peruuta', exact: true }).click();
    await expectHidden(ask, 'the question once cancelled');
    if ((await input.inputValue()) !== 'Soita minulle 040 123 4567 illalla') {
      throw new ScenarioFailure('a message held back by the question must stay in the composer');
    }
    await expectHidden(message(pageB, writer.displayName, 'Soita minulle 040 123 4567 illalla'), 'the held-back message elsewhere', 1000);
    await input.press('Enter');
    await ask.getByRole('button', { name: 'Lähetä silti', exact: true }).click();
    await expectVisible(message(pageB, writer.displayName, 'Soita minulle 040 123 4567 illalla'), 'the message sent anyway');
    await input.fill('Nollalinjan numero on 080 005 005');
    await input.press('Enter');
    await expectVisible(message(pageB, writer.displayName, 'Nollalinjan numero on 080 005 005'), 'a crisis number, sent without asking');
    await expectHidden(ask, 'no question for a crisis number');
  },
};

await runScenarios('chat', [twoParentsChat, phoneRoom, ownMessages]);
