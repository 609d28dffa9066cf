// A live information session in three real browsers against a running server (TUKIPIIRI_BASE_URL):
// a facilitator on a laptop (1280×800) hosts an open room in the information-session format,
// prepared by the test harness (InfoSessionBrowserIT); two parents follow it on phones (390×844).
// The hosts write; a parent asks questions, which only the facilitator sees, with the asker one
// tap away. The facilitator publishes one (the other parent reads it as "Kysymys osallistujalta",
// without a name), answers one in writing (the answer quotes it) and sets one aside (its asker is
// told politely). Each screen passes axe-core with no serious or critical violation.
import {
  ScenarioFailure,
  baseUrl,
  expectAccessible,
  expectHidden,
  expectText,
  expectVisible,
  messageArea,
  personFromEnvironment,
  required,
  runScenarios,
  uniqueSuffix,
  waitForComposer,
} from './browser.mjs';

const exact = { exact: true };
const laptop = { viewport: { width: 1280, height: 800 } };
const phone = { viewport: { width: 390, height: 844 } };

async function signIn(page, who) {
  await page.goto(baseUrl());
  await page.getByLabel('Käyttäjätunnus', exact).fill(who.username);
  await page.getByLabel('Salasana', exact).fill(who.password);
  await page.getByRole('button', { name: 'Kirjaudu sisään', exact: true }).click();
  await expectText(page.getByTestId('home-greeting'), `Hei, ${who.displayName}!`, `the greeting for ${who.displayName}`);
}

/** Opens the room from the list; `field` is the writing field's label (a message, or a question). */
async function openRoom(page, who, roomTitle, field) {
  await page.getByRole('link', { name: 'Siirry keskusteluihin', exact: true }).click();
  const link = page.getByTestId('room-list').getByRole('link', { name: roomTitle, exact: true });
  await expectVisible(link, `the room "${roomTitle}" in the list of ${who.displayName}`);
  await link.click();
  await expectText(page.getByTestId('room-title'), roomTitle, `the room title for ${who.displayName}`);
  await waitForComposer(page, page.getByLabel(field, exact), `the ${field} field to be ready for ${who.displayName}`);
}

function streamMessage(page, body) {
  return page.getByTestId('chat-message').filter({ has: page.getByTestId('message-body').getByText(body, exact) });
}

function queued(page, body) {
  return page.getByTestId('queued-question').filter({ has: page.getByTestId('question-body').getByText(body, exact) });
}

async function ask(page, text) {
  const input = page.getByLabel('Kysymys ohjaajille', exact);
  await input.fill(text);
  await input.press('Enter');
  await expectText(page.getByTestId('composer-status'), 'Kysymyksesi lähetettiin ohjaajille.', `"${text}" sent to the hosts`);
}

async function expectNotice(page, pattern, description) {
  await expectVisible(page.getByTestId('room-notices').getByText(pattern), description);
}

const infoSession = {
  name: 'the hosts speak, a parent asks on a phone; published, answered and set aside; nobody else learns who asked',
  options: laptop,
  async run(hostPage, { newPage }) {
    const roomTitle = required('TUKIPIIRI_E2E_ROOM_TITLE');
    const host = personFromEnvironment('FACILITATOR');
    const asker = personFromEnvironment('PARENT');
    const reader = personFromEnvironment('READER');
    const askerPage = await newPage(phone);
    const readerPage = await newPage(phone);
    const suffix = uniqueSuffix();

    await Promise.all([signIn(hostPage, host), signIn(askerPage, asker), signIn(readerPage, reader)]);
    await Promise.all([
      openRoom(hostPage, host, roomTitle, 'Viesti'),
      openRoom(askerPage, asker, roomTitle, 'Kysymys ohjaajille'),
      openRoom(readerPage, reader, roomTitle, 'Kysymys ohjaajille'),
    ]);

    // A participant's room: the stream, the ask field in place of the composer, no hand to raise.
    await expectVisible(askerPage.getByTestId('room-format'), 'the information-session tag on the phone');
    await expectText(askerPage.locator('.composer-intro'), /ohjaajat kirjoittavat/, 'why there is no message field');
    await expectHidden(askerPage.getByTestId('raise-hand'), 'a hand to raise, which an information session has not');
    await expectHidden(askerPage.getByLabel('Viesti', exact), 'an ordinary message field for a participant');
    await expectHidden(askerPage.getByTestId('question-panel'), 'the own questions sheet before any question');
    const welcome = `Tervetuloa infotilaisuuteen! (${suffix})`;
    const hostInput = hostPage.getByLabel('Viesti', exact);
    await hostInput.fill(welcome);
    await hostInput.press('Enter');
    await expectVisible(streamMessage(askerPage, welcome), 'the host’s welcome on the phone');
    const layout = await askerPage.evaluate(() => ({
      header: Math.round(document.querySelector('.chat-header').getBoundingClientRect().height),
      width: document.documentElement.scrollWidth,
    }));
    if (layout.header > 48 || layout.width > 390) {
      throw new ScenarioFailure(`the room's header is ${layout.header} px high (one row expected) and the page ${layout.width} px wide`);
    }
    const area = await messageArea(askerPage);
    if (area.share < 0.45) {
      throw new ScenarioFailure(`the stream gets ${Math.round(area.share * 100)} % of 390×844 (${area.height} px); at least 45 % expected`);
    }
    await expectAccessible(askerPage, 'an information session on a phone');

    // Three questions from the phone; the asker follows them in their own sheet.
    const published = `Miten lapsen tapaamisista sovitaan? (${suffix})`;
    const answered = `Mistä löydän perheasioiden sovittelun? (${suffix})`;
    const setAside = `Voiko tapaamisia siirtää lyhyellä varoitusajalla? (${suffix})`;
    await ask(askerPage, published);
    await ask(askerPage, answered);
    await ask(askerPage, setAside);
    const ownToggle = askerPage.getByTestId('question-panel-toggle');
    await expectText(ownToggle, /Kysymykset \(3\)/, 'the asker’s own questions counted in the row of toggles');
    await ownToggle.click();
    await expectText(
      askerPage.getByTestId('own-question').filter({ hasText: published }).getByTestId('question-state'),
      'Odottaa ohjaajia',
      'a question waiting, as its asker sees it',
    );
    await expectAccessible(askerPage, 'one’s own questions on a phone');
    await askerPage.keyboard.press('Escape');

    // The host's queue: in the order asked, the asker's name only on request.
    const panel = hostPage.getByTestId('question-panel');
    await expectVisible(queued(hostPage, setAside), 'the third question in the host’s queue, live');
    await expectText(hostPage.getByTestId('questions-waiting'), '3 odottaa', 'three questions waiting');
    const bodies = await panel.getByTestId('queued-question').getByTestId('question-body').allInnerTexts();
    if (bodies.join('|') !== [published, answered, setAside].join('|')) {
      throw new ScenarioFailure(`the queue is not in the order asked: ${bodies.join(' | ')}`);
    }
    const first = queued(hostPage, published);
    await expectHidden(first.getByText(asker.displayName), 'the asker’s name before the host asks for it');
    await first.getByTestId('question-asker-toggle').click();
    await expectText(first.getByTestId('question-asker'), `Kysyjä: ${asker.displayName}`, 'the asker, for moderation');
    await expectAccessible(hostPage, 'the host’s question queue on a laptop');

    // Published: in everyone's stream, without a name.
    await first.getByTestId('question-publish').click();
    await expectText(hostPage.getByTestId('question-feedback'), 'Kysymys julkaistiin keskustelussa.', 'the publication confirmed');
    const inStream = streamMessage(readerPage, published);
    await expectVisible(inStream, 'the published question on the other parent’s phone');
    await expectText(inStream.getByTestId('message-author'), 'Kysymys osallistujalta', 'a participant asks, nameless');
    const shown = await inStream.innerText();
    if (shown.includes(asker.displayName)) throw new ScenarioFailure(`the published question names its asker: ${shown}`);
    await expectNotice(askerPage, /julkaisivat kysymyksesi/, 'the asker told of the publication');
    await expectVisible(streamMessage(askerPage, published).getByTestId('own-question-mark'), '"(sinun kysymyksesi)" for its asker');
    await expectHidden(streamMessage(readerPage, published).getByTestId('own-question-mark'), 'no such mark for anyone else');

    // Answered in writing: the question and the answer, one after the other.
    const answer = `Sovittelua haetaan oman alueen perheasioiden sovittelijalta. (${suffix})`;
    await queued(hostPage, answered).getByTestId('question-answer').click();
    const dialog = hostPage.getByRole('dialog', { name: 'Vastaa kysymykseen' });
    await expectVisible(dialog, 'the answer dialog');
    await dialog.getByLabel('Vastaus', exact).fill(answer);
    await expectAccessible(hostPage, 'the answer dialog');
    await dialog.getByRole('button', { name: 'Julkaise vastaus', exact: true }).click();
    await expectHidden(dialog, 'the dialog once the answer is published');
    const answerMessage = streamMessage(readerPage, answer);
    await expectVisible(answerMessage, 'the answer on the other parent’s phone');
    await expectText(answerMessage.getByTestId('answered-question'), `Kysymys: ${answered}`, 'the answer quotes its question');
    await expectText(answerMessage.getByTestId('message-author'), host.displayName, 'the answer by its host');
    await expectText(
      streamMessage(readerPage, answered).getByTestId('message-author'),
      'Kysymys osallistujalta',
      'the answered question, nameless',
    );
    await expectNotice(askerPage, /vastasivat kysymykseesi/, 'the asker told of the answer');

    // Set aside: its asker alone is told, politely; it never reaches the stream.
    await queued(hostPage, setAside).getByTestId('question-setAside').click();
    await expectText(hostPage.getByTestId('question-feedback'), /siirrettiin syrjään/, 'setting aside confirmed');
    await expectNotice(askerPage, /ei käsitelty tässä tilaisuudessa/, 'the asker told it was not taken up');
    await expectHidden(readerPage.getByText(setAside, exact), 'the set-aside question anywhere on the other parent’s screen');
    await expectText(hostPage.getByTestId('questions-handled-heading'), 'Käsitellyt (2)', 'two handled questions');
    await ownToggle.click();
    await expectText(
      askerPage.getByTestId('own-question').filter({ hasText: setAside }).getByTestId('question-state'),
      'Ei käsitelty tässä tilaisuudessa',
      'the set-aside question, as its asker sees it',
    );
    await expectAccessible(askerPage, 'one’s own questions after the session’s answers');
    await expectAccessible(readerPage, 'the stream with a question and an answer on a phone');
    await expectAccessible(hostPage, 'the host’s queue with handled questions');
  },
};

await runScenarios('info-session', [infoSession]);
