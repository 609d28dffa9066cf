// A way back in without e-mail, and one's own settings, on a phone (390×844): registering shows the
// ten recovery codes once, with copy and download, before going on; the settings page changes the
// nickname, marks this device among the sign-ins and makes new codes (the old ones stop working);
// after signing out, "Unohditko salasanasi?" leads to recovery with one of the new codes, which
// signs the person in with a new password. axe finds no serious violation on any of these screens.
import { readFile } from 'node:fs/promises';
import { baseUrl, expectAccessible, expectText, expectVisible, runScenarios, ScenarioFailure, uniqueSuffix, waitFor } from './browser.mjs';

const exact = { exact: true };
const CODE = /^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/;

async function shownCodes(page) {
  const codes = (await page.getByTestId('recovery-codes').locator('li').allInnerTexts()).map((code) => code.trim());
  if (codes.length !== 10 || !codes.every((code) => CODE.test(code)) || new Set(codes).size !== 10) {
    throw new ScenarioFailure(`expected ten different recovery codes, saw ${JSON.stringify(codes)}`);
  }
  return codes;
}

const recoveryAndSettings = {
  name: 'codes once at registration, settings, and recovery with a code',
  async run(page) {
    const suffix = uniqueSuffix();
    const username = `e2e_${suffix}`;
    const displayName = `Testi ${suffix}`;
    const newName = `Uusi ${suffix}`;
    const password = `pitka-salasana-${suffix}`;
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(baseUrl()).origin });

    await page.goto(baseUrl());
    await page.getByRole('link', { name: 'Luo tunnus', exact: true }).click();
    await page.getByLabel('Käyttäjätunnus', exact).fill(username);
    await page.getByLabel('Nimimerkki', exact).fill(displayName);
    await page.getByLabel('Salasana', exact).fill(password);
    await page.getByLabel('Salasana uudelleen', exact).fill(password);
    await page.getByRole('button', { name: 'Luo tunnus', exact: true }).click();

    await expectVisible(page.getByRole('heading', { level: 1, name: 'Tallenna palautuskoodisi' }), 'the recovery codes heading');
    const firstCodes = await shownCodes(page);
    await expectAccessible(page, 'the recovery codes after registering');
    await page.getByRole('button', { name: 'Kopioi koodit', exact: true }).click();
    await expectVisible(page.getByRole('status').filter({ hasText: 'Koodit on kopioitu leikepöydälle.' }), 'the copied note');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    if (copied.split('\n').join(',') !== firstCodes.join(',')) throw new ScenarioFailure(`the clipboard held ${JSON.stringify(copied)}`);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Lataa tekstitiedostona', exact: true }).click(),
    ]);
    const file = await readFile(await download.path(), 'utf8');
    if (!firstCodes.every((code) => file.includes(code)) || !file.includes(username)) {
      throw new ScenarioFailure(`the downloaded file did not hold the codes: ${JSON.stringify(file)}`);
    }
    // going on needs the box ticked
    await page.getByRole('button', { name: 'Jatka', exact: true }).click();
    await expectVisible(page.getByRole('alert').filter({ hasText: /./ }), 'a reminder to tick the box');
    await page.getByLabel('Olen tallentanut koodit', exact).check();
    await page.getByRole('button', { name: 'Jatka', exact: true }).click();
    await expectText(page.getByTestId('home-greeting'), `Hei, ${displayName}!`, 'the greeting after the codes');

    await page.getByTestId('settings-link').click();
    await expectVisible(page.getByRole('heading', { level: 1, name: 'Asetukset' }), 'the settings page');
    const nickname = page.getByRole('textbox', { name: 'Nimimerkki', exact: true });
    await waitFor('the nickname field to hold the nickname', async () => {
      const actual = await nickname.inputValue();
      return { ok: actual === displayName, actual };
    });
    await nickname.fill(newName);
    await page.getByRole('button', { name: 'Tallenna nimimerkki', exact: true }).click();
    await expectVisible(page.getByRole('status').filter({ hasText: 'Nimimerkki on vaihdettu.' }), 'the nickname saved note');

    const signIns = page.getByTestId('sign-in');
    await waitFor('one sign-in, this device, named coarsely', async () => {
      const texts = await signIns.allInnerTexts();
      return { ok: texts.length === 1 && /Chrome, Linux/.test(texts[0]) && /Tämä laite/.test(texts[0]), actual: texts };
    });
    await expectText(page.getByTestId('recovery-remaining'), 'Käyttämättömiä koodeja: 10/10.', 'the count of codes');
    await expectAccessible(page, 'the settings page');

    await page.getByTestId('regenerate-form').getByLabel('Salasana', exact).fill(password);
    await page.getByRole('button', { name: 'Luo uudet koodit', exact: true }).click();
    await expectVisible(page.getByTestId('new-recovery-codes').getByTestId('recovery-codes'), 'the new codes');
    const newCodes = await shownCodes(page);
    if (newCodes.some((code) => firstCodes.includes(code))) throw new ScenarioFailure('a new code was one of the old ones');
    await expectAccessible(page, 'the new recovery codes in the settings');
    await page.getByRole('button', { name: 'Valmis, olen tallentanut ne', exact: true }).click();
    await expectText(page.getByTestId('recovery-remaining'), 'Käyttämättömiä koodeja: 10/10.', 'the count after new codes');
    if ((await page.getByTestId('recovery-codes').count()) !== 0) throw new ScenarioFailure('the codes were still on the page');

    await page.getByRole('link', { name: 'Takaisin etusivulle', exact: true }).click();
    await expectText(page.getByTestId('home-greeting'), `Hei, ${newName}!`, 'the greeting with the new nickname');
    await page.getByRole('button', { name: 'Kirjaudu ulos', exact: true }).click();

    await page.getByRole('link', { name: 'Unohditko salasanasi?', exact: true }).click();
    await expectVisible(page.getByRole('heading', { level: 1, name: 'Palaa tiliisi' }), 'the recovery page');
    await expectAccessible(page, 'the recovery page');
    const newPassword = `uusi-salasana-${suffix}`;
    await page.getByLabel('Käyttäjätunnus', exact).fill(username);
    await page.getByLabel('Palautuskoodi', exact).fill(firstCodes[0]);
    await page.getByLabel('Uusi salasana', exact).fill(newPassword);
    await page.getByLabel('Uusi salasana uudelleen', exact).fill(newPassword);
    await page.getByRole('button', { name: 'Vaihda salasana ja kirjaudu', exact: true }).click();
    await expectVisible(
      page.getByRole('alert').filter({ hasText: 'Käyttäjätunnus tai palautuskoodi ei ole oikein, tai koodi on jo käytetty.' }),
      'the refusal of an old code',
    );
    await page.getByLabel('Palautuskoodi', exact).fill(newCodes[4].toLowerCase());
    await page.getByRole('button', { name: 'Vaihda salasana ja kirjaudu', exact: true }).click();
    await expectText(page.getByTestId('home-greeting'), `Hei, ${newName}!`, 'the greeting after recovering');

    await page.getByTestId('settings-link').click();
    await expectText(page.getByTestId('recovery-remaining'), 'Käyttämättömiä koodeja: 9/10.', 'the count after one was used');
  },
};

await runScenarios('account', [recoveryAndSettings]);
