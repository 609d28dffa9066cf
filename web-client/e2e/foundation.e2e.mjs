// The foundation in a real browser against a running server (TUKIPIIRI_BASE_URL):
// Finnish by default, registration, the language switch, sign-out and sign-in, a translated
// sign-in error, joining as a guest, and the quick exit.
import {
  acknowledgeRecoveryCodes,
  baseUrl,
  chooseLanguage,
  expectAccessible,
  expectAttribute,
  expectHidden,
  expectText,
  expectUrl,
  expectVisible,
  required,
  runScenarios,
  ScenarioFailure,
  uniqueSuffix,
  waitFor,
} from './browser.mjs';

const exact = { exact: true };

async function signIn(page, { username, password, button }) {
  await page.getByLabel(button === 'Sign in' ? 'Username' : 'Käyttäjätunnus', exact).fill(username);
  await page.getByLabel(button === 'Sign in' ? 'Password' : 'Salasana', exact).fill(password);
  await page.getByRole('button', { name: button, exact: true }).click();
}

const registerAndSignIn = {
  name: 'register, switch language, sign out and in',
  async run(page) {
    const suffix = uniqueSuffix();
    const username = `e2e_${suffix}`;
    const displayName = `Testi ${suffix}`;
    const password = `pitka-salasana-${suffix}`;

    await page.goto(baseUrl());
    await expectAttribute(page.locator('html'), 'lang', 'fi', 'the page');
    await expectVisible(page.getByRole('heading', { level: 1, name: 'Tervetuloa Tukipiiriin' }), 'the Finnish welcome heading');
    await expectVisible(page.getByRole('button', { name: 'Poistu nopeasti' }), 'the quick exit button in Finnish');

    await page.getByRole('link', { name: 'Luo tunnus', exact: true }).click();
    await expectVisible(page.getByRole('heading', { level: 1, name: 'Luo tunnus' }), 'the registration heading');
    await page.getByLabel('Käyttäjätunnus', exact).fill(username);
    await page.getByLabel('Nimimerkki', exact).fill(displayName);
    await page.getByLabel('Salasana', exact).fill(password);
    await page.getByLabel('Salasana uudelleen', exact).fill(password);
    await page.getByRole('button', { name: 'Luo tunnus', exact: true }).click();
    await acknowledgeRecoveryCodes(page);

    const greeting = page.getByTestId('home-greeting');
    await expectText(greeting, `Hei, ${displayName}!`, 'the Finnish greeting with the display name');
    await expectVisible(page.getByTestId('role-list').getByText('Vanhempi', exact), 'the role "Vanhempi"');
    await expectHidden(page.getByTestId('guest-notice'), 'the guest notice for a registered user');

    await chooseLanguage(page, 'English');
    await expectAttribute(page.locator('html'), 'lang', 'en', 'the page after switching to English');
    await expectText(greeting, `Hello, ${displayName}!`, 'the English greeting');
    await expectVisible(page.getByTestId('role-list').getByText('Parent', exact), 'the role "Parent"');
    await expectVisible(page.getByRole('button', { name: 'Quick exit' }), 'the quick exit button in English');

    await page.getByRole('button', { name: 'Sign out', exact: true }).click();
    await expectVisible(page.getByRole('heading', { level: 1, name: 'Welcome to Tukipiiri' }), 'the English welcome heading');
    await expectVisible(page.getByRole('status').filter({ hasText: 'You have signed out' }), 'the signed-out notice');

    await signIn(page, { username, password, button: 'Sign in' });
    await expectText(greeting, `Hello, ${displayName}!`, 'the greeting after signing in again');

    await page.getByRole('button', { name: 'Sign out', exact: true }).click();
    await expectVisible(page.getByRole('heading', { level: 1, name: 'Welcome to Tukipiiri' }), 'the welcome heading');
    await signIn(page, { username, password: `${password}-wrong`, button: 'Sign in' });
    await expectVisible(
      page.getByRole('alert').filter({ hasText: 'The username or password is incorrect.' }),
      'the English wrong-password error',
    );

    await chooseLanguage(page, 'Suomi');
    await expectAttribute(page.locator('html'), 'lang', 'fi', 'the page after switching back to Finnish');
    await expectVisible(
      page.getByRole('alert').filter({ hasText: 'Käyttäjätunnus tai salasana on väärin.' }),
      'the wrong-password error, now in Finnish',
    );
    if ((await page.getByTestId('home-greeting').count()) > 0) {
      throw new ScenarioFailure('a wrong password must not sign in');
    }
  },
};

const joinAsGuest = {
  name: 'join as a guest',
  async run(page) {
    const nickname = `Vieras ${uniqueSuffix()}`;
    await page.goto(baseUrl());
    await page.getByRole('link', { name: 'Liity pelkällä nimimerkillä', exact: true }).click();
    await expectVisible(page.getByRole('heading', { level: 1, name: 'Liity nimimerkillä' }), 'the guest heading');
    await page.getByLabel('Nimimerkki', exact).fill(nickname);
    await page.getByRole('button', { name: 'Jatka nimimerkillä', exact: true }).click();
    await expectText(page.getByTestId('home-greeting'), `Hei, ${nickname}!`, 'the greeting for the guest');
    await expectText(page.getByTestId('guest-notice'), /^Olet mukana vieraana\./, 'the guest notice');
  },
};

const quickExit = {
  name: 'quick exit leaves and forgets the session',
  async run(page) {
    await page.goto(baseUrl());
    await page.getByRole('link', { name: 'Liity pelkällä nimimerkillä', exact: true }).click();
    await page.getByLabel('Nimimerkki', exact).fill(`Pika ${uniqueSuffix()}`);
    await page.getByRole('button', { name: 'Jatka nimimerkillä', exact: true }).click();
    await expectVisible(page.getByTestId('guest-notice'), 'the guest notice');

    await page.getByRole('button', { name: 'Poistu nopeasti' }).click();
    await expectUrl(page, (url) => url.startsWith('https://www.google.com/search'), 'the neutral exit page');
    const back = await page.goBack().catch(() => null);
    if (back !== null && page.url().startsWith(baseUrl())) {
      throw new ScenarioFailure('Back after the quick exit returned to the service');
    }

    await page.goto(baseUrl());
    await expectVisible(page.getByRole('heading', { level: 1, name: 'Tervetuloa Tukipiiriin' }), 'the front page, signed out');
  },
};

const adminFindsAPerson = {
  name: 'an administrator searches the accounts, gives a role, reads the role history and finds it in the audit log',
  async run(page) {
    const admin = { username: required('TUKIPIIRI_E2E_ADMIN_USERNAME'), password: required('TUKIPIIRI_E2E_ADMIN_PASSWORD') };
    const person = required('TUKIPIIRI_E2E_PERSON_NAME');
    await page.goto(baseUrl());
    await signIn(page, { ...admin, button: 'Kirjaudu sisään' });
    await page.getByTestId('admin-search').fill(person);
    await page.getByRole('button', { name: 'Hae', exact: true }).click();
    const found = page.getByTestId('admin-user');
    await waitFor('exactly the one person searched for', async () => {
      const count = await found.count();
      return { ok: count === 1, actual: `${count} accounts` };
    });
    await found.getByLabel('Ohjaaja', exact).check();
    await found.getByRole('button', { name: 'Tallenna roolit' }).click();
    await expectText(found.getByRole('status'), 'Roolit tallennettu.', 'the saved roles');
    await found.getByText('Roolihistoria', exact).click();
    await expectText(found.getByTestId('role-history'), /→ .*Ohjaaja/, 'the new role in the history');
    await expectAccessible(page, "the administrators' user list");

    // The audit log screen shows the change, filtered by its action.
    await page.goto(`${baseUrl()}#/audit`);
    await page.getByLabel('Toiminto', exact).selectOption({ label: 'Roolit muutettu' });
    await page.getByRole('button', { name: 'Suodata', exact: true }).click();
    const change = page.getByTestId('audit-line').filter({ hasText: person }).first();
    await expectVisible(change, 'the role change in the audit log');
    await expectText(change.locator('.audit-action'), 'Roolit muutettu', 'the action by its name');
    await waitFor('only role changes after filtering', async () => {
      const actions = await page.getByTestId('audit-line').evaluateAll((lines) => [...new Set(lines.map((line) => line.dataset.action))]);
      return { ok: actions.length === 1 && actions[0] === 'ROLES_CHANGED', actual: actions.join(',') };
    });
    await expectAccessible(page, 'the audit log');

    // Days the wrong way round are said so, and the lines shown are not replaced by an empty answer.
    await page.getByLabel('Alkaen', exact).fill('2026-03-10');
    await page.getByLabel('Päättyen', exact).fill('2026-03-01');
    await page.getByRole('button', { name: 'Suodata', exact: true }).click();
    await expectText(
      page.getByTestId('audit-alert'),
      'Päättymispäivä on ennen alkamispäivää. Vaihda päivät toisin päin.',
      'the reversed days, said',
    );
    await expectVisible(change, 'the lines of the last filter, kept');

    // Details are said in words: the roles by their names, a mute's end in Helsinki time.
    await expectText(change.getByTestId('audit-details'), /^Roolit: Vanhempi → .*Ohjaaja/, 'the roles before and after, by name');
    await page.getByLabel('Alkaen', exact).fill('');
    await page.getByLabel('Päättyen', exact).fill('');
    await page.getByLabel('Toiminto', exact).selectOption({ label: 'Mykistys' });
    await page.getByRole('button', { name: 'Suodata', exact: true }).click();
    const mute = page.getByTestId('audit-line').filter({ hasText: person }).first();
    const until = required('TUKIPIIRI_E2E_MUTE_UNTIL');
    const helsinki = await page.evaluate(
      (iso) =>
        new Intl.DateTimeFormat('fi-FI', { timeZone: 'Europe/Helsinki', dateStyle: 'full', timeStyle: 'short' }).format(new Date(iso)),
      until,
    );
    await expectText(mute.getByTestId('audit-details'), `Päättyy ${helsinki}`, 'the end of the mute in Helsinki time');
    const shown = await mute.innerText();
    if (/\d{4}-\d{2}-\d{2}T|\d:\d{2}(:\d{2})?(\.\d+)?Z/.test(shown) || shown.includes('PARENT')) {
      throw new ScenarioFailure(`The audit line shows a raw code or instant: ${shown}`);
    }
    await expectAccessible(page, 'the audit log with details');
  },
};

await runScenarios('foundation', [registerAndSignIn, joinAsGuest, quickExit, adminFindsAPerson]);
