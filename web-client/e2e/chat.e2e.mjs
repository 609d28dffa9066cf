// The real-time chat in two real browsers against a running server (TUKIPIIRI_BASE_URL):
// two parents, each with an account of their own made through the registration page, open
// the same open room (TUKIPIIRI_E2E_ROOM_TITLE, created by the test harness), see each
// other's messages with nicknames, each other in "Here now", the typing line, and that a
// parent who leaves the room disappears from the other's list. Lengths are counted as the server
// counts them (code points): 2,500 emoji go through, 4,001 are held back with the server's limit.
// A message sent with a content note shows the others a note first; they reveal it from the keyboard.
import {
  acknowledgeRecoveryCodes,
  ScenarioFailure,
  baseUrl,
  expectAccessible,
  expectAttribute,
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
  await acknowledgeRecoveryCodes(page);
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
    // A raised hand and its place in the queue share the composer's rows: still three messages.
    await page.getByTestId('raise-hand').click();
    await expectVisible(page.getByTestId('hand-place'), 'the place in the queue under the composer');
    await input.focus();
    await waitFor('three whole messages in view at 390×470 with a hand raised', async () => {
      const open = await messageArea(page);
      return { ok: open.wholeMessages >= 3, actual: `${open.wholeMessages} messages in ${open.height} px` };
    });
    await page.getByTestId('raise-hand').click();
    await expectHidden(page.getByTestId('hand-place'), 'the place once the hand is down');

    // Writing about wanting to die brings the help card: folded to one line on a phone (at most a quarter of
    // 390×844), 112 a tap away, the rest one tap further, read out politely; the messages keep their room.
    await page.setViewportSize({ width: 390, height: 844 });
    const risk = 'en jaksa enää, haluan kuolla';
    await input.fill(risk);
    await input.press('Enter');
    await expectVisible(message(page, parent.displayName, risk), 'the message about wanting to die, sent as written');
    const card = page.getByTestId('help-card');
    await expectVisible(card, 'the help card for the writer');
    await expectAttribute(
      card.getByRole('link', { name: '112', exact: true }),
      'href',
      'tel:112',
      'the emergency number on the folded card',
    );
    await expectAttribute(card.getByTestId('help-card-more'), 'aria-expanded', 'false', 'the help card, folded on a phone');
    await expectHidden(card.getByRole('link', { name: '080 005 005', exact: true }), 'the other numbers, a tap away');
    const announced = await card.evaluate(
      (section) => section.closest('[aria-live="polite"]') !== null && section.textContent.includes('Vain sinä näet tämän'),
    );
    if (!announced) throw new ScenarioFailure('the help card is not in a polite live region with its whole lead');
    await waitFor('the folded help card within a quarter of 390×844 and messages on half of it', async () => {
      const [box, area] = await Promise.all([card.boundingBox(), messageArea(page)]);
      const ok = box !== null && box.height <= 844 * 0.25 && area.share >= 0.5;
      return { ok, actual: `card ${box?.height} px, messages ${Math.round(area.share * 100)} % (${area.height} px)` };
    });
    await expectAccessible(page, 'the room on a phone with the help card');
    await page.setViewportSize({ width: 390, height: 470 });
    await input.focus();
    await waitFor('three whole messages in view at 390×470 with the help card', async () => {
      const open = await messageArea(page);
      return { ok: open.wholeMessages >= 3, actual: `${open.wholeMessages} messages in ${open.height} px` };
    });
    await expectVisible(card.getByRole('link', { name: '112', exact: true }), 'the emergency number with the keyboard open');
    await page.setViewportSize({ width: 390, height: 844 });
    await card.getByTestId('help-card-more').click();
    await expectAttribute(card.getByTestId('help-card-more'), 'aria-expanded', 'true', 'the help card, unfolded');
    await expectVisible(card.getByRole('link', { name: '080 005 005', exact: true }), 'Nollalinja once unfolded');
    await card.getByTestId('help-card-close').click();
    await expectHidden(card, 'the help card once closed');
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

/** The page is no wider than the phone: nothing of the room spills sideways. */
async function expectPhoneWide(page, description) {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  if (width > 390) throw new ScenarioFailure(`${description}: the page is ${width} px wide on a 390 px phone`);
}

const contentNote = {
  name: 'a parent sends with a content note; another parent sees the note first and reveals the text from the keyboard (both on phones)',
  async run(pageA, { newPage }) {
    if (roomTitle === '') throw new ScenarioFailure('TUKIPIIRI_E2E_ROOM_TITLE is not set');
    const pageB = await newPage({ viewport: { width: 390, height: 844 } });
    const suffix = uniqueSuffix();
    const writer = { username: `note_a_${suffix}`, displayName: `Aino ${suffix}`, password: `pitka-salasana-n-${suffix}` };
    const reader = { username: `note_b_${suffix}`, displayName: `Bertta ${suffix}`, password: `pitka-salasana-m-${suffix}` };
    await Promise.all([registerParent(pageA, writer), registerParent(pageB, reader)]);
    await Promise.all([openRoom(pageA, writer.displayName), openRoom(pageB, reader.displayName)]);

    // The writer turns the content note on: a toggle button, pressed.
    const toggle = pageA.getByRole('button', { name: 'Sisältövaroitus', exact: true });
    await expectAttribute(toggle, 'aria-pressed', 'false', 'the content-note toggle, off at first');
    await toggle.click();
    await expectAttribute(toggle, 'aria-pressed', 'true', 'the content-note toggle once pressed');
    await expectAccessible(pageA, 'the composer with the content note on, on a phone');
    await expectPhoneWide(pageA, 'the composer with the content note on');

    const heavy = `Lapset näkivät eilen riidan, ja minua pelotti (${suffix}).`;
    const input = pageA.getByLabel('Viesti', exact);
    await input.fill(heavy);
    await input.press('Enter');
    // The writer reads their own text, with a small tag; the toggle is off again for the next message.
    const own = message(pageA, writer.displayName, heavy);
    await expectVisible(own, 'the marked message on the writer’s screen');
    await expectText(own.getByTestId('content-note-tag'), 'Sisältövaroitus', 'the tag on the writer’s own message');
    await expectHidden(pageA.getByTestId('message-pending'), 'the marked message stored');
    await expectAttribute(toggle, 'aria-pressed', 'false', 'the content-note toggle after sending');

    // The other parent sees a short note in its place, and not the text.
    const veiled = pageB
      .getByTestId('chat-message')
      .filter({ has: pageB.getByTestId('message-author').getByText(writer.displayName, exact) })
      .filter({ has: pageB.getByTestId('content-note') });
    await expectVisible(veiled, 'the content note on the other parent’s screen');
    await expectText(veiled.getByTestId('content-note'), /Viestissä voi olla raskasta sisältöä/, 'the note’s words');
    if ((await pageB.getByText(heavy, exact).count()) !== 0) {
      throw new ScenarioFailure('the marked text must not be on the other parent’s page before they ask for it');
    }
    const reveal = veiled.getByRole('button', { name: 'Näytä viesti', exact: true });
    await expectAttribute(reveal, 'aria-expanded', 'false', 'the reveal button, folded');
    await expectAccessible(pageB, 'the content note on a phone');
    await expectPhoneWide(pageB, 'the content note');

    // From the keyboard: focus the button and press Enter; the text is read out politely where it appears.
    await reveal.focus();
    await pageB.keyboard.press('Enter');
    await expectVisible(message(pageB, writer.displayName, heavy), 'the text once revealed');
    await expectAttribute(veiled.getByTestId('message-body'), 'aria-live', 'polite', 'the revealed text as a polite live region');
    const hide = veiled.getByRole('button', { name: 'Piilota viesti', exact: true });
    await expectAttribute(hide, 'aria-expanded', 'true', 'the button once the text is shown');
    const focused = await hide.evaluate((element) => element === document.activeElement);
    if (!focused) throw new ScenarioFailure('focus must stay on the button after revealing');
    await expectAccessible(pageB, 'the revealed message on a phone');
    await expectPhoneWide(pageB, 'the revealed message');
    // Hidden again with a second press.
    await pageB.keyboard.press('Space');
    await expectHidden(pageB.getByText(heavy, exact), 'the text once hidden again');
    await expectAttribute(
      veiled.getByRole('button', { name: 'Näytä viesti', exact: true }),
      'aria-expanded',
      'false',
      'the button after hiding',
    );

    // The next message goes without a note: the toggle was reset.
    const light = `Kiitos, että sain kertoa (${suffix}).`;
    await input.fill(light);
    await input.press('Enter');
    const plain = message(pageB, writer.displayName, light);
    await expectVisible(plain, 'the next, unmarked message as it is');
    if ((await plain.getByTestId('content-note').count()) !== 0) {
      throw new ScenarioFailure('a message sent after the marked one must not carry a content note');
    }
  },
};

await runScenarios('chat', [twoParentsChat, phoneRoom, ownMessages, contentNote]);
