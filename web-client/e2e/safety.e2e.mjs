// Safety signals reach a person, in two real browsers against a running server (TUKIPIIRI_BASE_URL):
// an open chat that no facilitator leads (set up by the test harness and named in the environment), a
// parent reading in English on a phone, and a coordinator on a laptop. The coordinator goes on duty.
// The parent writes that they want to die: only they see a help card, in English, with the crisis
// numbers, and ask for a private talk from it. The coordinator is alerted at once, takes the concern
// on the safety page, and opens a private talk with the parent, who is told; then the coordinator
// appoints a facilitator to the room on the staffing screen, and the room is no longer marked.
import {
  baseUrl,
  chooseLanguage,
  expectAccessible,
  expectAttribute,
  expectHidden,
  expectText,
  expectVisible,
  personFromEnvironment,
  required,
  runScenarios,
  waitFor,
  waitForComposer,
} from './browser.mjs';

const exact = { exact: true };

async function signIn(page, who, { english = false } = {}) {
  await page.goto(baseUrl());
  if (english) {
    await chooseLanguage(page, 'English');
    await expectAttribute(page.locator('html'), 'lang', 'en', 'the page in English');
  }
  await page.getByLabel(english ? 'Username' : 'Käyttäjätunnus', exact).fill(who.username);
  await page.getByLabel(english ? 'Password' : 'Salasana', exact).fill(who.password);
  await page.getByRole('button', { name: english ? 'Sign in' : 'Kirjaudu sisään', exact: true }).click();
  await expectText(
    page.getByTestId('home-greeting'),
    english ? `Hello, ${who.displayName}!` : `Hei, ${who.displayName}!`,
    `the greeting for ${who.displayName}`,
  );
}

const reachesSomeone = {
  name: 'a risk flag in a room with no facilitator reaches the coordinator on duty, and the writer gets a help card',
  options: { viewport: { width: 1280, height: 860 } },
  async run(coordinatorPage, { newPage }) {
    const roomTitle = required('TUKIPIIRI_E2E_ROOM_TITLE');
    const coordinator = personFromEnvironment('COORDINATOR');
    const parent = personFromEnvironment('PARENT');
    const facilitatorName = required('TUKIPIIRI_E2E_FACILITATOR_NAME');
    const parentPage = await newPage({ viewport: { width: 390, height: 844 } });

    await Promise.all([signIn(coordinatorPage, coordinator), signIn(parentPage, parent, { english: true })]);

    // The coordinator goes on duty from the safety page.
    await coordinatorPage.getByTestId('safety-link').click();
    await expectText(coordinatorPage.getByRole('heading', { level: 1 }), 'Turvallisuus ja päivystys', 'the safety page heading');
    await expectText(coordinatorPage.getByTestId('duty-status'), 'Et ole nyt päivystäjänä.', 'the duty status before');
    await coordinatorPage.getByTestId('duty-toggle').click();
    await expectText(coordinatorPage.getByTestId('duty-status'), /^Päivystät .+ alkaen\.$/, 'the duty status after going on duty');
    await expectAttribute(coordinatorPage.getByTestId('duty-toggle'), 'aria-pressed', 'true', 'the duty button');
    await expectVisible(coordinatorPage.getByTestId('on-duty').getByText(coordinator.displayName), 'the coordinator among those on duty');
    await expectAccessible(coordinatorPage, 'the safety page');

    // The parent opens the room (an open chat nobody leads) and writes about wanting to die.
    await parentPage.getByRole('link', { name: 'Go to the chats', exact: true }).click();
    const link = parentPage.getByTestId('room-list').getByRole('link', { name: roomTitle, exact: true });
    await expectVisible(link, `the room "${roomTitle}" in the parent's list`);
    await link.click();
    await expectText(parentPage.getByTestId('room-title'), roomTitle, 'the room title for the parent');
    const input = parentPage.getByLabel('Message', exact);
    await waitForComposer(parentPage, input, 'the composer to be ready');
    const words = 'en jaksa enää, haluan kuolla';
    await input.fill(words);
    await input.press('Enter');

    // Only the writer gets the help card, in their own language; nothing was blocked.
    const card = parentPage.getByTestId('help-card');
    await expectVisible(card, 'the help card for the writer');
    await expectVisible(card.getByRole('heading', { name: 'You are not alone' }), 'the help card heading in English');
    await expectAttribute(card.getByRole('link', { name: '112', exact: true }), 'href', 'tel:112', 'the emergency number link');
    await expectVisible(parentPage.getByTestId('message-body').getByText(words, exact), 'the message itself, sent as written');
    // On a phone the card is a few lines, the other numbers a tap away: card and composer are in view together.
    await waitFor('the help card and the composer in view together', async () => {
      const [cardBox, inputBox] = await Promise.all([card.boundingBox(), input.boundingBox()]);
      const inView = (box) => box !== null && box.y >= 0 && box.y + box.height <= 844;
      const ok = inView(cardBox) && inView(inputBox) && cardBox.height <= 844 * 0.3;
      return { ok, actual: JSON.stringify({ card: cardBox, composer: inputBox }) };
    });
    await expectHidden(card.getByRole('link', { name: '080 005 005', exact: true }), 'the other numbers, a tap away on a phone');
    // The message area shrank for the card, and the message just written stays in view.
    await waitFor('the own message in view above the help card', async () => {
      const shown = await parentPage.evaluate((text) => {
        const body = [...document.querySelectorAll('[data-testid="message-body"]')].find((element) => element.textContent === text);
        const scroller = document.querySelector('.chat-scroll');
        if (!body || !scroller) return 'not found';
        const message = body.getBoundingClientRect();
        const area = scroller.getBoundingClientRect();
        return message.top >= area.top - 1 && message.bottom <= area.bottom + 1
          ? 'in view'
          : `${message.top}-${message.bottom} outside ${area.top}-${area.bottom}`;
      }, words);
      return { ok: shown === 'in view', actual: shown };
    });
    await card.getByTestId('help-card-more').click();
    await expectAttribute(card.getByTestId('help-card-more'), 'aria-expanded', 'true', 'the "more help" button, once opened');
    await waitFor('the composer still in reach with the other numbers shown', async () => {
      const box = await input.boundingBox();
      return { ok: box !== null && box.y >= 0 && box.y + box.height <= 844, actual: JSON.stringify(box) };
    });
    await expectAttribute(
      card.getByRole('link', { name: '080 005 005', exact: true }),
      'href',
      'tel:080005005',
      'Nollalinja in the help card',
    );
    await expectAccessible(parentPage, 'the room with the help card open');
    await card.getByTestId('help-card-ask-talk').click();
    await expectVisible(card.getByText('Your request has been sent.', { exact: false }), 'the confirmation of the request');

    // The coordinator on duty is alerted at once, wherever they are in the service.
    const alert = coordinatorPage.getByTestId('safety-alert');
    await expectText(
      alert.locator('.safety-alert-text'),
      new RegExp(`^(Huolestuttava viesti huoneessa ${roomTitle}|\\d+ uutta huolta)`),
      'the live alert for the coordinator',
    );
    // On a phone the alert stays small (at most a quarter of 390×844, two buttons in one row) under a one-row header.
    await coordinatorPage.setViewportSize({ width: 390, height: 844 });
    await waitFor('the live alert within a quarter of a phone, its buttons in one row', async () => {
      const shape = await alert.evaluate((box) => {
        const buttons = [...box.querySelectorAll('.actions > *')].map((button) => button.getBoundingClientRect());
        return {
          height: Math.round(box.getBoundingClientRect().height),
          oneRow: buttons.length === 2 && Math.abs(buttons[0].top - buttons[1].top) < 2,
          header: Math.round(document.querySelector('.site-header-inner').getBoundingClientRect().height),
        };
      });
      return { ok: shape.height <= 844 * 0.25 && shape.oneRow && shape.header <= 64, actual: shape };
    });
    await expectAccessible(coordinatorPage, 'the live alert on a phone');
    await coordinatorPage.setViewportSize({ width: 1280, height: 860 });
    // Other rooms may have open concerns with the same words: this room's is the one named after it.
    const concern = coordinatorPage
      .getByTestId('escalation')
      .filter({ has: coordinatorPage.getByRole('heading', { name: `Huolestuttava viesti: ${roomTitle}`, exact: true }) })
      .filter({ has: coordinatorPage.getByTestId('escalation-excerpt').getByText(words, exact) });
    await expectVisible(concern, 'the escalated risk flag on the safety page');
    await expectVisible(concern.getByText(`koskee: ${parent.displayName}`, exact), 'whom the concern is about');
    await expectAccessible(coordinatorPage, 'the safety page with a concern');
    await concern.getByTestId('escalation-take').click();
    await expectText(concern.getByTestId('escalation-taken'), 'Sinä hoidat tätä.', 'the concern taken by the coordinator');
    await waitFor('focus on what was said after taking the concern, not on the page', async () => {
      const focused = await coordinatorPage.evaluate(() => document.activeElement?.tagName ?? 'none');
      return { ok: focused !== 'BODY' && focused !== 'none', actual: focused };
    });
    await concern.getByTestId('escalation-private-talk').click();
    const talkLink = coordinatorPage.getByTestId('escalation-talk-link');
    await expectVisible(talkLink, 'the way into the new private talk');
    await alert.getByRole('button', { name: 'Sulje ilmoitus' }).click();
    await expectHidden(alert, 'the alert once dismissed');

    // The parent is told that a private talk was opened for them.
    await expectVisible(parentPage.getByTestId('private-talk-link'), 'the way into the private talk for the parent');

    // The coordinator appoints a facilitator to the room, which is then no longer marked.
    await coordinatorPage.getByTestId('staffing-link').click();
    await expectText(coordinatorPage.getByRole('heading', { level: 1 }), 'Huoneiden vastuuhenkilöt', 'the staffing page heading');
    const room = coordinatorPage
      .getByTestId('staffing-room')
      .filter({ has: coordinatorPage.getByRole('heading', { name: roomTitle, exact: true }) });
    await expectVisible(room.getByTestId('no-facilitator'), 'the room marked as having no facilitator');
    await expectAccessible(coordinatorPage, 'the staffing page');
    await room.getByTestId('appoint-role').selectOption('FACILITATOR');
    await room.getByTestId('appoint-person').selectOption({ label: facilitatorName });
    await room.getByTestId('appoint').click();
    await expectVisible(
      coordinatorPage.getByText(`${facilitatorName} on nyt huoneessa ${roomTitle}.`, exact),
      'the confirmation of the appointment',
    );
    const staffed = coordinatorPage
      .getByTestId('staffing-room')
      .filter({ has: coordinatorPage.getByRole('heading', { name: roomTitle, exact: true }) });
    await expectVisible(staffed.getByTestId('staffing-member').getByText(facilitatorName, { exact: false }), 'the facilitator in the room');
    await expectHidden(staffed.getByTestId('no-facilitator'), 'the "no facilitator" mark once appointed');

    // Taking the only facilitator out again is asked first, and says what it means.
    const member = staffed.getByTestId('staffing-member').filter({ hasText: facilitatorName });
    await member.getByTestId('staffing-remove').click();
    const dialog = coordinatorPage.getByRole('dialog');
    await expectText(dialog.getByRole('heading'), `Poistetaanko ${facilitatorName} huoneesta ${roomTitle}?`, 'the removal question');
    await expectVisible(dialog.getByText('Hän on huoneen ainoa ohjaaja.', { exact: false }), 'the warning about the only facilitator');
    await expectAccessible(coordinatorPage, 'the removal question');
    await dialog.getByTestId('dialog-cancel').click();
    await expectVisible(member, 'the facilitator, still in the room after cancelling');
    await member.getByTestId('staffing-remove').click();
    await coordinatorPage.getByRole('dialog').getByTestId('dialog-submit').click();
    await expectVisible(
      coordinatorPage.getByText(`${facilitatorName} ei enää ole huoneessa ${roomTitle}.`, exact),
      'the confirmation of the removal',
    );
    await expectVisible(
      coordinatorPage
        .getByTestId('staffing-room')
        .filter({ has: coordinatorPage.getByRole('heading', { name: roomTitle, exact: true }) })
        .getByTestId('no-facilitator'),
      'the room marked again as having no facilitator',
    );
  },
};

await runScenarios('safety', [reachesSomeone]);
