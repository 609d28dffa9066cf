// Notices outside the app, on a phone (390×844): a parent adds an e-mail address in the settings; an
// administrator, in a browser of their own, opens the mail the embedded SMTP server captured and takes
// the verification link from it; the parent opens the link and the settings show the address verified,
// with the e-mail boxes of the notice settings usable. A visitor's unsubscribe page explains what stops
// and says when a link is not valid. A coordinator moves a meeting of the parent's group, and the parent
// reads the moved meeting's notice in the bell, in each language of TUKIPIIRI_E2E_LANGUAGES (the
// interface language switched in the header, which also becomes the language of the parent's e-mails).
// axe finds no serious violation on any of these screens.
import {
  baseUrl,
  chooseLanguage,
  expectAccessible,
  expectAttribute,
  expectText,
  expectVisible,
  required,
  runScenarios,
  ScenarioFailure,
  waitFor,
} from './browser.mjs';

const exact = { exact: true };
const password = required('TUKIPIIRI_E2E_PASSWORD');
const parentUsername = required('TUKIPIIRI_E2E_PARENT_USERNAME');
const coordinatorUsername = required('TUKIPIIRI_E2E_COORDINATOR_USERNAME');
const adminUsername = required('TUKIPIIRI_E2E_ADMIN_USERNAME');
const adminPassword = required('TUKIPIIRI_E2E_ADMIN_PASSWORD');
const seriesId = required('TUKIPIIRI_E2E_SERIES_ID');
const newDate = required('TUKIPIIRI_E2E_NEW_DATE');
const address = required('TUKIPIIRI_E2E_EMAIL');
const languages = (process.env.TUKIPIIRI_E2E_LANGUAGES ?? 'fi,sv,en').split(',').map((code) => code.trim());

const [year, month, day] = newDate.split('-').map(Number);

/** What the bell says of the moved meeting, per interface language; a language to test is added here. */
const words = {
  fi: {
    name: 'Suomi',
    bell: 'Ilmoitukset',
    moved: new RegExp(
      `on siirretty: uusi aika on \\S+ ${day}\\.${month}\\. klo 18\\.00 \\(aiemmin \\S+ \\d{1,2}\\.\\d{1,2}\\. klo 18\\.00\\)`,
    ),
  },
  sv: {
    name: 'Svenska',
    bell: 'Notiser',
    moved: new RegExp(
      `har flyttats: den nya tiden är \\S+ ${day}\\.${month}\\. kl\\. 18[.:]00 \\(tidigare \\S+ \\d{1,2}\\.\\d{1,2}\\. kl\\. 18[.:]00\\)`,
    ),
  },
  en: {
    name: 'English',
    bell: 'Notifications',
    moved: new RegExp(
      `has moved to \\S+ ${day} ${new Intl.DateTimeFormat('en-GB', { month: 'long' }).format(new Date(Date.UTC(year, month - 1, 15)))} at 18:00 \\(it was `,
    ),
  },
};
const unknownLanguage = languages.find((code) => words[code] === undefined);
if (unknownLanguage !== undefined) throw new ScenarioFailure(`no words for the language ${unknownLanguage} in reach.e2e.mjs`);

async function signIn(page, username, secret) {
  await page.goto(`${baseUrl()}#/login`);
  await page.getByLabel('Käyttäjätunnus', exact).fill(username);
  await page.getByLabel('Salasana', exact).fill(secret);
  await page.getByRole('button', { name: 'Kirjaudu sisään', exact: true }).click();
  await expectVisible(page.getByTestId('home-greeting'), `the home page after ${username} signed in`);
}

/** The administrators' captured mail: the verification link sent to the address, read from a real link in the page. */
async function verificationLinkFromCapturedMail(admin) {
  await admin.getByTestId('captured-mail-link').click();
  await expectVisible(admin.getByRole('heading', { level: 1, name: 'Lähetetty posti' }), 'the captured mail page');
  const message = admin.getByTestId('captured-message').filter({ hasText: address });
  await waitFor(`the verification message to ${address} in the captured mail`, async () => {
    if ((await message.count()) > 0) return { ok: true };
    await admin.getByTestId('captured-mail-reload').click();
    return { ok: false, actual: `${await admin.getByTestId('captured-message').count()} messages` };
  });
  await expectText(message.first().getByRole('heading', { level: 2 }), 'Tukipiiri: vahvista sähköpostiosoitteesi', 'its subject');
  await expectAccessible(admin, 'the captured mail');
  const link = message.first().getByTestId('mail-text').getByRole('link').filter({ hasText: '#/verify-email?token=' });
  const href = await link.first().getAttribute('href');
  const token = /#\/verify-email\?token=([A-Za-z0-9_-]+)$/.exec(href ?? '')?.[1];
  if (token === undefined) throw new ScenarioFailure(`no verification link in the message: ${href}`);
  const markup = await message
    .first()
    .getByTestId('mail-text')
    .evaluate((text) => [...text.querySelectorAll('*')].map((e) => e.tagName));
  if (markup.some((tag) => tag !== 'A')) throw new ScenarioFailure(`the message's text holds markup other than links: ${markup}`);
  // the link names the configured public address; this node listens on a port of its own
  return `${baseUrl()}#/verify-email?token=${token}`;
}

const reach = {
  name: 'an e-mail address verified through the captured mail, and a moved meeting in the bell',
  async run(parent, { newPage }) {
    await signIn(parent, parentUsername, password);
    await parent.getByTestId('settings-link').click();
    const email = parent.getByTestId('email-section');
    await expectText(email.getByTestId('email-current'), 'Sinulla ei ole sähköpostiosoitetta Tukipiirissä.', 'no address yet');
    await expectVisible(email.getByText(/Osoitteesi näkyy vain sinulle/), 'that the address is shown to no one else');
    const notices = parent.getByTestId('notices-section');
    await expectVisible(notices.getByTestId('notices-form'), 'the notice settings');
    if (await notices.getByTestId('notice-push-SAFETY').count()) throw new ScenarioFailure('a parent was offered safety notices');
    await expectAttribute(notices.getByTestId('notice-email-REMINDERS'), 'disabled', '', 'the e-mail boxes before an address');
    await expectAccessible(parent, 'the settings without an address');

    await email.getByLabel('Uusi sähköpostiosoite', exact).fill('ei-osoite');
    await email.getByRole('button', { name: 'Lähetä vahvistuslinkki', exact: true }).click();
    await expectText(email.getByTestId('email-form').locator('.field-error'), /nimi@esimerkki\.fi/, 'the server refusing a broken address');
    await email.getByLabel('Uusi sähköpostiosoite', exact).fill(address);
    await email.getByRole('button', { name: 'Lähetä vahvistuslinkki', exact: true }).click();
    await expectText(
      email.getByTestId('email-status'),
      new RegExp(`Lähetimme linkin osoitteeseen ${address.replace('.', '\\.')}\\. Avaa se 30 minuutin kuluessa`),
      'the link sent',
    );
    await expectAccessible(parent, 'the settings after a link was sent');

    const admin = await newPage();
    await signIn(admin, adminUsername, adminPassword);
    const link = await verificationLinkFromCapturedMail(admin);

    await parent.goto(link);
    await expectText(parent.getByTestId('verify-status'), /Osoitteesi on vahvistettu/, 'the address verified');
    if (parent.url().includes('token=')) throw new ScenarioFailure('the token stayed in the address bar');
    await expectAccessible(parent, 'the verified link');
    await parent.getByRole('link', { name: 'Valitse ilmoitukset asetuksissa', exact: true }).click();
    await expectText(email.getByTestId('email-current'), `Osoitteesi: ${address}`, 'the address in the settings');
    await expectText(email.getByTestId('email-verified'), /^Vahvistettu/, 'the address verified in the settings');
    await waitFor('the e-mail boxes usable once verified', async () => {
      const disabled = await notices.getByTestId('notice-email-REMINDERS').isDisabled();
      return { ok: !disabled, actual: disabled ? 'disabled' : 'enabled' };
    });
    await notices.getByLabel('Muistuta myös tuntia ennen tapaamista', exact).check();
    await notices.getByLabel('Alkaa', exact).fill('22:00');
    await notices.getByRole('button', { name: 'Tallenna ilmoitusasetukset', exact: true }).click();
    await expectText(notices.getByTestId('notices-alert'), /./, 'quiet hours wanting both ends');
    await notices.getByLabel('Päättyy', exact).fill('07:30');
    await notices.getByRole('button', { name: 'Tallenna ilmoitusasetukset', exact: true }).click();
    await expectText(notices.getByTestId('notices-status'), 'Ilmoitusasetukset on tallennettu.', 'the notice settings saved');
    await expectAccessible(parent, 'the settings with a verified address');

    // a link cut short, seen by a visitor: what would stop, and the refusal when asked
    const visitor = await newPage();
    await visitor.goto(`${baseUrl()}#/unsubscribe?key=tuntematon&categories=SCHEDULE,ENROLMENT`);
    await expectText(visitor.getByTestId('unsubscribe-categories'), /Aikataulumuutokset\s+Ilmoittautuminen/, 'the kinds of mail that stop');
    await expectAccessible(visitor, 'the unsubscribe page');
    await visitor.getByRole('button', { name: 'Lopeta nämä sähköpostit', exact: true }).click();
    await expectText(visitor.getByTestId('unsubscribe-alert'), /ei ole voimassa/, 'an unknown unsubscribe link refused');

    const coordinator = await newPage();
    await signIn(coordinator, coordinatorUsername, password);
    await coordinator.goto(`${baseUrl()}#/coordinator/series/${seriesId}`);
    const second = coordinator.getByTestId('coordinator-session').nth(1);
    await second.getByText('Muuta tapaamista 2', exact).click();
    await second.getByLabel('Uusi päivä', exact).fill(newDate);
    await second.getByRole('button', { name: 'Siirrä tapaaminen 2', exact: true }).click();
    await expectVisible(coordinator.getByText('Tapaaminen 2 siirretty.', exact), 'the meeting moved');

    for (const language of languages) {
      const said = words[language];
      await chooseLanguage(parent, said.name);
      await expectAttribute(parent.locator('html'), 'lang', language, `the page in ${said.name}`);
      const toggle = parent.getByTestId('notifications-toggle');
      if ((await parent.getByTestId('notification-list').isVisible()) === false) await toggle.click();
      const moved = parent.getByTestId('notification').filter({ hasText: said.moved });
      await expectVisible(moved, `the moved meeting in the bell in ${said.name} (${said.moved})`);
      await expectAttribute(moved.first().getByRole('link'), 'href', `#/series/${seriesId}`, 'the notice leading to its series');
      await expectAccessible(parent, `the bell in ${said.name}`);
      await parent.keyboard.press('Escape');
    }
  },
};

await runScenarios('reach', [reach]);
