// A long evening in one room with short-lived access tokens (the test harness starts the server with a lifetime of
// half a minute): a parent opens the room, starts writing, and stays for two token lifetimes. The connection renews
// its token on the server before each expires, so the person notices nothing: the connection status never says it
// is reconnecting, the draft is still there, and the message, sent at last, arrives once. Meanwhile the parent has
// duplicated the tab (the copy starts with the same refresh token): the two renew their tokens in turn, and neither
// signs the other out.
import {
  acknowledgeRecoveryCodes,
  baseUrl,
  expectText,
  expectVisible,
  runScenarios,
  uniqueSuffix,
  waitFor,
  waitForComposer,
} from './browser.mjs';

const exact = { exact: true };
const roomTitle = process.env.TUKIPIIRI_E2E_ROOM_TITLE?.trim() ?? '';
const stayMs = Number(process.env.TUKIPIIRI_E2E_STAY_MS ?? 45000);

const longEvening = {
  name: 'a connection outlives its access tokens without the person noticing',
  async run(page) {
    const suffix = uniqueSuffix();
    // TUKIPIIRI_E2E_DEBUG=1 prints the STOMP frames (heart-beats left out), to see renewals and closes.
    if (process.env.TUKIPIIRI_E2E_DEBUG) {
      page.on('websocket', (ws) => {
        ws.on('framesent', (f) => {
          if (!String(f.payload).startsWith('\n')) console.log('SENT', Date.now(), String(f.payload).slice(0, 120).replace(/\n/g, '|'));
        });
        ws.on('framereceived', (f) => {
          if (!String(f.payload).startsWith('\n')) console.log('RECV', Date.now(), String(f.payload).slice(0, 160).replace(/\n/g, '|'));
        });
        ws.on('close', () => console.log('CLOSE', Date.now()));
      });
    }
    const who = { username: `ilta_${suffix}`, displayName: `Iltavieras ${suffix}`, password: `pitka-salasana-${suffix}` };
    await page.goto(baseUrl());
    await page.getByRole('link', { name: 'Luo tunnus', exact: true }).click();
    await page.getByLabel('Käyttäjätunnus', exact).fill(who.username);
    await page.getByLabel('Nimimerkki', exact).fill(who.displayName);
    await page.getByLabel('Salasana', exact).fill(who.password);
    await page.getByLabel('Salasana uudelleen', exact).fill(who.password);
    await page.getByRole('button', { name: 'Luo tunnus', exact: true }).click();
    await acknowledgeRecoveryCodes(page);
    await expectText(page.getByTestId('home-greeting'), `Hei, ${who.displayName}!`, 'the greeting');
    await page.getByRole('link', { name: 'Siirry keskusteluihin', exact: true }).click();
    await page.getByTestId('room-list').getByRole('link', { name: roomTitle, exact: true }).click();
    await expectText(page.getByTestId('room-title'), roomTitle, 'the room title');
    const input = page.getByLabel('Viesti', exact);
    await waitForComposer(page, input, 'the composer to be ready');

    // "Duplicate tab" copies the session storage, and with it the refresh token.
    const stored = await page.evaluate(() => sessionStorage.getItem('tukipiiri.refreshToken'));
    const copy = await page.context().newPage();
    await copy.addInitScript((token) => {
      if (sessionStorage.getItem('tukipiiri.refreshToken') === null) sessionStorage.setItem('tukipiiri.refreshToken', token);
    }, stored);
    await copy.goto(page.url());
    await expectText(copy.getByTestId('room-title'), roomTitle, 'the room in the duplicated tab');

    // Every text the connection status ever shows is kept, so a brief "reconnecting" is not missed.
    await page.evaluate(() => {
      const status = document.querySelector('[data-testid="connection-status"]');
      window.statusTexts = [];
      new MutationObserver(() => {
        const text = status?.textContent?.trim() ?? '';
        if (text !== '') window.statusTexts.push(text);
      }).observe(status, { childList: true, characterData: true, subtree: true });
    });
    const draft = `Kirjoitan tätä hitaasti koko illan (${suffix}).`;
    await input.fill(draft);
    await page.waitForTimeout(stayMs);

    const seen = await page.evaluate(() => window.statusTexts);
    if (seen.length > 0) throw new Error(`the connection status changed while the tokens were renewed: ${JSON.stringify(seen)}`);
    if ((await input.inputValue()) !== draft) throw new Error('the draft was lost');
    await input.press('Enter');
    const sent = page.getByTestId('chat-message').filter({ has: page.getByTestId('message-body').getByText(draft, exact) });
    await expectVisible(sent, 'the message, sent after two token lifetimes');
    await waitFor('the message to have arrived once', async () => {
      const count = await sent.count();
      return { ok: count === 1, actual: count };
    });
    const inCopy = copy.getByTestId('chat-message').filter({ has: copy.getByTestId('message-body').getByText(draft, exact) });
    await expectVisible(inCopy, 'the message in the duplicated tab, still signed in and connected');
  },
};

await runScenarios('connection', [longEvening]);
