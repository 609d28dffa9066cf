// Moderation and safety in two real browsers against a running server (TUKIPIIRI_BASE_URL): a
// facilitator and a parent, both members of one room (set up by the test harness and named in
// the environment), sign in and open the room. The facilitator removes one of the parent's
// messages and mutes the parent; the parent sees the removal text in place of the message, the
// mute notice and a disabled composer. Then the parent leaves with the quick-exit button and
// the facilitator with Escape pressed twice: both end up off the service, and Back does not
// bring the room back. A message sent with a content note reaches the facilitator behind the note too, with its
// worry mark and its menu.
import {
  ScenarioFailure,
  baseUrl,
  expectAccessible,
  expectAttribute,
  expectHidden,
  expectText,
  expectUrl,
  expectVisible,
  messageArea,
  personFromEnvironment,
  required,
  runScenarios,
  uniqueSuffix,
  waitFor,
  waitForComposer,
} from './browser.mjs';

const exact = { exact: true };

async function signIn(page, who) {
  await page.goto(baseUrl());
  await page.getByLabel('Käyttäjätunnus', exact).fill(who.username);
  await page.getByLabel('Salasana', exact).fill(who.password);
  await page.getByRole('button', { name: 'Kirjaudu sisään', exact: true }).click();
  await expectText(page.getByTestId('home-greeting'), `Hei, ${who.displayName}!`, `the greeting for ${who.displayName}`);
}

async function openRoom(page, who, roomTitle) {
  await page.getByRole('link', { name: 'Siirry keskusteluihin', exact: true }).click();
  const link = page.getByTestId('room-list').getByRole('link', { name: roomTitle, exact: true });
  await expectVisible(link, `the room "${roomTitle}" in the list of ${who.displayName}`);
  await link.click();
  await expectText(page.getByTestId('room-title'), roomTitle, `the room title for ${who.displayName}`);
  await waitForComposer(page, page.getByLabel('Viesti', exact), `the composer to be ready for ${who.displayName}`);
}

function message(page, author, body) {
  return page
    .getByTestId('chat-message')
    .filter({ has: page.getByTestId('message-author').getByText(author, exact) })
    .filter({ has: page.getByTestId('message-body').getByText(body, exact) });
}

async function send(page, text) {
  const input = page.getByLabel('Viesti', exact);
  await input.fill(text);
  await input.press('Enter');
}

async function expectOffService(page, who) {
  const service = new URL(baseUrl()).origin;
  await expectUrl(page, (url) => !url.startsWith(service), `somewhere else than the service for ${who}`);
  const back = await page.goBack().catch(() => null);
  if (back !== null && page.url().startsWith(service)) {
    throw new ScenarioFailure(`Back after the quick exit of ${who} returned to the service (${page.url()})`);
  }
}

const muteAndRemove = {
  name: 'a facilitator removes a message and mutes a parent; both leave quickly',
  options: { viewport: { width: 1280, height: 860 } },
  async run(facilitatorPage, { newPage }) {
    const roomTitle = required('TUKIPIIRI_E2E_ROOM_TITLE');
    const facilitator = personFromEnvironment('FACILITATOR');
    const parent = personFromEnvironment('PARENT');
    const parentPage = await newPage({ viewport: { width: 390, height: 844 } });

    await Promise.all([signIn(facilitatorPage, facilitator), signIn(parentPage, parent)]);
    await Promise.all([openRoom(facilitatorPage, facilitator, roomTitle), openRoom(parentPage, parent, roomTitle)]);
    await expectVisible(facilitatorPage.getByTestId('moderation-panel'), 'the facilitator panel for the facilitator');
    if (await parentPage.getByTestId('moderation-panel').isVisible()) {
      throw new ScenarioFailure('the parent must not see the facilitator panel');
    }

    // The parent writes twice; the facilitator removes the first message through its menu.
    const suffix = uniqueSuffix();
    const removed = `Tämä viesti poistetaan (${suffix}).`;
    const kept = `Tämä viesti jää näkyviin (${suffix}).`;
    await send(parentPage, removed);
    await send(parentPage, kept);
    await expectVisible(message(facilitatorPage, parent.displayName, removed), `the parent's first message on the facilitator's screen`);
    await expectVisible(message(facilitatorPage, parent.displayName, kept), `the parent's second message on the facilitator's screen`);

    const toRemove = message(facilitatorPage, parent.displayName, removed);
    await toRemove.getByRole('button', { name: 'Viestin toiminnot' }).click();
    await toRemove.getByRole('button', { name: 'Poista viesti', exact: true }).click();
    const dialog = facilitatorPage.getByRole('dialog', { name: `Poistetaanko jäsenen ${parent.displayName} viesti?` });
    await expectVisible(dialog, 'the dialog asking to confirm the removal');
    await dialog.getByLabel('Perustelu (vapaaehtoinen)').fill('Viesti ei sovi tähän keskusteluun.');
    await dialog.getByRole('button', { name: 'Poista viesti', exact: true }).click();
    await expectHidden(dialog, 'the removal dialog once the message is removed');

    for (const [page, viewer] of [
      [parentPage, 'the parent'],
      [facilitatorPage, 'the facilitator'],
    ]) {
      await expectHidden(page.getByText(removed, exact), `the removed text on the screen of ${viewer}`);
      await expectVisible(
        message(page, parent.displayName, 'Ohjaaja poisti viestin'),
        `"Ohjaaja poisti viestin" on the screen of ${viewer}`,
      );
      await expectVisible(message(page, parent.displayName, kept), `the parent's other message on the screen of ${viewer}`);
    }

    // The facilitator mutes the parent for five minutes from the member list.
    const member = facilitatorPage
      .getByTestId('member')
      .filter({ has: facilitatorPage.getByTestId('member-name').getByText(parent.displayName, exact) });
    await member.getByTestId('member-toggle').click();
    await expectVisible(member.getByRole('button', { name: 'Estä tästä keskustelusta', exact: true }), 'the room ban');
    await expectHidden(
      member.getByRole('button', { name: 'Estä koko ryhmästä', exact: true }),
      'a series ban, in an open chat that belongs to no series',
    );
    await member.getByRole('button', { name: 'Mykistä 5 minuutiksi', exact: true }).click();
    await expectText(
      facilitatorPage.getByTestId('panel-feedback'),
      `${parent.displayName} on mykistetty 5 minuutiksi.`,
      'the confirmation of the mute',
    );
    await expectText(member.getByTestId('member-muted'), /^Mykistetty, päättyy /, 'the mute beside the parent in the member list');

    // The parent sees why, and cannot write, but keeps reading.
    await expectText(
      parentPage.getByTestId('composer-blocked-text'),
      /^Ohjaaja on mykistänyt sinut tässä keskustelussa\. Mykistys päättyy \d{1,2}\.\d{2}\. Voit silti lukea viestejä\.$/,
      'the mute notice above the parent’s composer',
    );
    await expectAttribute(parentPage.getByLabel('Viesti', exact), 'disabled', '', `the parent's message field`);
    await expectAttribute(parentPage.getByRole('button', { name: 'Lähetä', exact: true }), 'disabled', '', `the parent's send button`);

    // The muted parent appeals once, in a few words, to the coordinators.
    await parentPage.getByTestId('appeal-open').click();
    const appealDialog = parentPage.getByRole('dialog', { name: 'Hae muutosta mykistykseen' });
    await appealDialog.getByLabel('Valituksesi', exact).fill('Kirjoitin vahingossa kaksi kertaa, en tarkoittanut häiritä.');
    await expectAccessible(parentPage, 'the appeal dialog on a phone');
    await appealDialog.getByRole('button', { name: 'Lähetä valitus', exact: true }).click();
    await expectText(parentPage.getByTestId('appeal-sent'), /Valituksesi on lähetetty/, 'the appeal, sent');
    await expectHidden(parentPage.getByTestId('appeal-open'), 'a second appeal of the same mute');
    const after = `Ohjaaja kirjoittaa yhä (${suffix}).`;
    await send(facilitatorPage, after);
    await expectVisible(message(parentPage, facilitator.displayName, after), `the facilitator's message on the muted parent's screen`);

    // The parent leaves with the quick-exit button.
    await parentPage.getByRole('button', { name: 'Poistu nopeasti' }).click();
    await expectOffService(parentPage, 'the parent');

    // Two presses of Escape far apart do nothing; two within a second leave.
    await facilitatorPage.locator('body').press('Escape');
    await facilitatorPage.waitForTimeout(1300);
    await facilitatorPage.keyboard.press('Escape');
    await facilitatorPage.waitForTimeout(1300);
    if (!facilitatorPage.url().startsWith(baseUrl())) {
      throw new ScenarioFailure('two presses of Escape more than a second apart must not leave the service');
    }
    await expectVisible(facilitatorPage.getByTestId('room-title'), 'the room, still open after the slow presses of Escape');
    await facilitatorPage.keyboard.press('Escape');
    await facilitatorPage.keyboard.press('Escape');
    await expectOffService(facilitatorPage, 'the facilitator');
  },
};

const facilitatorOnPhone = {
  name: 'a facilitator on a phone: tools in a sheet, a pinned announcement on one line, messages keep the height',
  async run(page) {
    const facilitator = personFromEnvironment('FACILITATOR');
    const roomTitle = required('TUKIPIIRI_E2E_ROOM_TITLE');
    await signIn(page, facilitator);
    await openRoom(page, facilitator, roomTitle);
    await expectAccessible(page, "the facilitator's room on a phone");

    // The tools open as a sheet over the messages; the announcement is pinned from there.
    await page.getByTestId('moderation-panel-toggle').click();
    const announcement = `Tervetuloa! Muistetaan luottamuksellisuus ja kunnioitus. Ohjaajat ovat paikalla koko illan (${uniqueSuffix()}).`;
    await page.getByTestId('pin-text').fill(announcement);
    await page.getByRole('button', { name: 'Kiinnitä tiedote', exact: true }).click();
    await expectText(page.getByTestId('pinned-text'), announcement, 'the pinned announcement');
    await expectAccessible(page, "the facilitator's tools open on a phone");
    await page.getByTestId('pin-text').press('Escape');
    await expectHidden(page.getByTestId('pin-text'), 'the tools once Escape folded them');
    await expectAttribute(page.getByTestId('pinned-unfold'), 'aria-expanded', 'false', 'the pinned announcement, folded');

    const area = await messageArea(page);
    if (area.share < 0.5) {
      throw new ScenarioFailure(
        `with a pinned announcement messages get ${Math.round(area.share * 100)} % of 390×844; at least 50 % expected`,
      );
    }
    await page.getByTestId('pinned-unfold').click();
    await expectAttribute(page.getByTestId('pinned-unfold'), 'aria-expanded', 'true', 'the pinned announcement, unfolded');
    await expectAccessible(page, 'the unfolded announcement on a phone');
    await page.getByTestId('moderation-panel-toggle').click();
    await page.getByRole('button', { name: 'Poista tiedote', exact: true }).click();
    await expectHidden(page.getByTestId('pinned'), 'the announcement once unpinned');

    // A ready-made message: one tap puts it in the composer (the sheet folds away), Enter sends it.
    await page.getByTestId('ready-CHECK_IN').click();
    const input = page.getByLabel('Viesti', exact);
    await waitFor('the check-in message in the composer', async () => {
      const value = await input.inputValue();
      return { ok: value.startsWith('Aloitetaan kuulumiskierroksella'), actual: value };
    });
    await expectHidden(page.getByTestId('ready-messages'), 'the tools sheet once a message was inserted');
    await input.press('End');
    await input.pressSequentially(' Minä aloitan.');
    await input.press('Enter');
    await expectVisible(
      page.getByTestId('chat-message').filter({ has: page.getByText(/^Aloitetaan kuulumiskierroksella.*Minä aloitan\.$/) }),
      'the edited check-in message, sent',
    );
    // The house rules, posted again with one tap.
    await page.getByTestId('moderation-panel-toggle').click();
    await page.getByTestId('post-house-rules').click();
    await expectVisible(page.getByTestId('chat-message').filter({ has: page.getByText(/^Ryhmän säännöt:/) }), 'the house rules, posted');

    // The room's facilitator rewords the rules in the tools; posting them again posts the new words.
    await openTools(page);
    await page.getByTestId('edit-house-rules').getByText('Muokkaa ryhmän sääntöjä', exact).click();
    const finnish = page.getByTestId('house-rules-fi');
    await expectVisible(finnish, 'the house rules editor in the tools');
    const addition = `Puhelimet äänettömälle (${uniqueSuffix()}).`;
    await finnish.fill(`${await finnish.inputValue()}\n${addition}`);
    await page.getByTestId('house-rules-save').click();
    await expectVisible(page.getByTestId('house-rules-editor-saved'), 'the rules, saved');
    await expectAccessible(page, 'the house rules editor in the tools on a phone');
    await page.getByTestId('post-house-rules').click();
    await expectVisible(
      page.getByTestId('chat-message').filter({ has: page.getByText(addition, { exact: false }) }),
      'the reworded house rules, posted',
    );
    // Back to the programme's rules, which the parent has already accepted.
    await openTools(page);
    await page.getByTestId('house-rules-reset').click();
    await expectHidden(page.getByTestId('house-rules-reset'), "the group back on the programme's rules");
  },
};

/** Opens the facilitator's tools (a sheet on a phone) unless they are open already. */
async function openTools(page) {
  const toggle = page.getByTestId('moderation-panel-toggle');
  if (!(await toggle.evaluate((summary) => summary.parentElement.open))) await toggle.click();
}

const raiseHand = {
  name: 'a parent raises a hand on a phone; the facilitator gives the turn; the parent passes the next round',
  options: { viewport: { width: 1280, height: 860 } },
  async run(facilitatorPage, { newPage }) {
    const facilitator = personFromEnvironment('FACILITATOR');
    const parent = personFromEnvironment('PARENT');
    const roomTitle = required('TUKIPIIRI_E2E_ROOM_TITLE');
    const parentPage = await newPage({ viewport: { width: 390, height: 844 } });
    await Promise.all([signIn(facilitatorPage, facilitator), signIn(parentPage, parent)]);
    await Promise.all([openRoom(facilitatorPage, facilitator, roomTitle), openRoom(parentPage, parent, roomTitle)]);

    await parentPage.getByTestId('raise-hand').click();
    await expectAttribute(parentPage.getByTestId('raise-hand'), 'aria-pressed', 'true', 'the raised hand');
    await expectText(parentPage.getByTestId('raise-hand'), 'Viittaa', 'the toggle, named the same while pressed');
    await expectText(
      parentPage.getByTestId('hand-place'),
      'Olet jonossa 1. Paina Viittaa uudelleen, niin käsi laskee.',
      "the parent's place in the queue",
    );
    await expectAccessible(parentPage, 'the room with a hand raised, on a phone');

    const queued = facilitatorPage.getByTestId('raised-hand').filter({ hasText: parent.displayName });
    await expectVisible(queued, "the parent's hand in the facilitator's queue, live");
    await expectAccessible(facilitatorPage, "the facilitator's queue");
    await queued.getByTestId('give-turn').click();
    await expectHidden(queued, 'the hand, gone from the queue once the turn was given');
    if (await facilitatorPage.evaluate(() => document.activeElement === document.body)) {
      throw new ScenarioFailure('focus must stay in the queue after the turn was given, not fall to the page');
    }
    await expectVisible(parentPage.getByText('Sinulla on nyt puheenvuoro. Kirjoita, kun olet valmis.'), 'the turn, told to the parent');
    await expectAttribute(parentPage.getByTestId('raise-hand'), 'aria-pressed', 'false', 'the hand, down after the turn');

    // The next round: the parent raises a hand, then passes; the queue empties for the facilitator too.
    await parentPage.getByTestId('raise-hand').click();
    await expectVisible(queued, 'the raised hand again');
    await parentPage.getByTestId('pass-turn').click();
    await expectHidden(queued, 'the hand, gone after "Ohi"');
    await expectAttribute(parentPage.getByTestId('raise-hand'), 'aria-pressed', 'false', 'the hand after passing');

    // A message that touches risk words is marked in the facilitator's conversation, and the tab title counts it.
    const worrying = `Tänään en jaksa enää elää tämän kanssa (${uniqueSuffix()}).`;
    await send(parentPage, worrying);
    await expectText(
      message(facilitatorPage, parent.displayName, worrying).getByTestId('message-marks'),
      'Huoli',
      'the worry mark on the message',
    );
    await waitFor('the tab title to count what waits', async () => {
      const title = await facilitatorPage.title();
      return { ok: /^\(\d+\) Keskustelu – Tukipiiri$/.test(title), actual: title };
    });
    if ((await message(parentPage, parent.displayName, worrying).getByTestId('message-marks').count()) > 0) {
      throw new ScenarioFailure('the writer must not see the worry mark');
    }

    // A message sent with a content note: the facilitator, like everyone else, sees the note first, here with the worry
    // mark; the message's menu works as ever, and the text is read on request (also in the risk flag's excerpt).
    const marked = `En jaksa enää elää, pelkään joka ilta (${uniqueSuffix()}).`;
    await parentPage.getByRole('button', { name: 'Sisältövaroitus', exact: true }).click();
    await send(parentPage, marked);
    const veiled = facilitatorPage
      .getByTestId('chat-message')
      .filter({ has: facilitatorPage.getByTestId('message-author').getByText(parent.displayName, exact) })
      .filter({ has: facilitatorPage.getByTestId('content-note') });
    await expectVisible(veiled, 'the content note on the facilitator’s screen');
    await expectText(veiled.getByTestId('message-marks'), 'Huoli', 'the worry mark on the message behind the note');
    if ((await facilitatorPage.getByText(marked).count()) > 0) {
      throw new ScenarioFailure('the marked text must not be on the facilitator’s page before they ask for it');
    }
    await veiled.getByTestId('message-menu-toggle').click();
    await expectVisible(veiled.getByTestId('message-action-remove'), 'the removal in the menu of a message behind a note');
    await facilitatorPage.keyboard.press('Escape');
    await expectHidden(veiled.getByTestId('message-menu'), 'the menu once Escape closed it');
    await veiled.getByRole('button', { name: 'Näytä viesti', exact: true }).click();
    await expectVisible(message(facilitatorPage, parent.displayName, marked), 'the marked text once the facilitator revealed it');
    await expectAccessible(facilitatorPage, 'a message behind a content note among the facilitator’s tools');

    // A tablet turned upright: the column's open panels fold instead of stacking over the messages as sheets.
    await facilitatorPage.setViewportSize({ width: 768, height: 1024 });
    await waitFor('no side panel left open as a sheet after the window narrowed', async () => {
      const open = await facilitatorPage.locator('.chat-side > * > details[open]').count();
      return { ok: open === 0, actual: `${open} open` };
    });
    await facilitatorPage.getByTestId('moderation-panel-toggle').click();
    await expectVisible(facilitatorPage.getByTestId('ready-messages'), 'the tools, opened again as one sheet');
  },
};

const sessionNotes = {
  name: "the facilitators' private notes: written on a laptop, read by the co-facilitator on a phone, never shown to a parent",
  options: { viewport: { width: 1280, height: 860 } },
  async run(facilitatorPage, { newPage }) {
    const facilitator = personFromEnvironment('FACILITATOR');
    const coFacilitator = personFromEnvironment('COFACILITATOR');
    const parent = personFromEnvironment('PARENT');
    const roomTitle = required('TUKIPIIRI_E2E_ROOM_TITLE');
    const coPage = await newPage({ viewport: { width: 390, height: 844 } });
    const parentPage = await newPage({ viewport: { width: 390, height: 844 } });
    await Promise.all([signIn(facilitatorPage, facilitator), signIn(coPage, coFacilitator), signIn(parentPage, parent)]);
    await Promise.all([
      openRoom(facilitatorPage, facilitator, roomTitle),
      openRoom(coPage, coFacilitator, roomTitle),
      openRoom(parentPage, parent, roomTitle),
    ]);

    const note = `Pia vaikutti väsyneeltä, kysytään ensi kerralla kuulumisia (${uniqueSuffix()}).`;
    await facilitatorPage.getByTestId('note-text').fill(note);
    await facilitatorPage.getByTestId('save-note').click();
    await expectText(facilitatorPage.getByTestId('note-body').first(), note, "the note on the writer's screen");

    // The co-facilitator opens the tools on a phone and reads it (the notes are read again as the tools open).
    await coPage.getByTestId('moderation-panel-toggle').click();
    await expectText(coPage.getByTestId('note-body').first(), note, "the note on the co-facilitator's phone");
    await expectAccessible(coPage, "the co-facilitator's notes on a phone");

    // The parent has no tools and no notes anywhere on the page.
    if ((await parentPage.getByTestId('moderation-panel').count()) > 0 && (await parentPage.getByTestId('moderation-panel').isVisible())) {
      throw new ScenarioFailure('a parent must not see the facilitator panel');
    }
    if ((await parentPage.getByText(note).count()) > 0) throw new ScenarioFailure('a parent must never see a facilitator note');
  },
};

await runScenarios('moderation', [raiseHand, sessionNotes, muteAndRemove, facilitatorOnPhone]);
