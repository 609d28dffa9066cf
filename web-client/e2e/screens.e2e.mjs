// Every screen of the web client against a running server (TUKIPIIRI_BASE_URL), on a phone in
// Finnish, on a phone in Swedish (chosen from the browser's language, sv-FI) and on a laptop in
// English: axe-core finds no serious or critical violation, no page is wider than its window, the
// page's lang is the language's, and its visible text shows no text key or unfilled placeholder (in
// Swedish, no text still in Finnish). The screens come from the client's own route list, so a new
// screen without a visit here fails the suite. On the phone the site header is one row of at most
// 64 px on every screen, for a visitor, a parent and a coordinator, in Finnish and in English, with the
// quick exit in view; its menu opens, passes axe-core, and Escape folds it without counting toward the
// quick exit's Esc-Esc. The settings' notifications on this device settle on a state they explain.
import { readFile } from 'node:fs/promises';

import {
  baseUrl,
  chooseLanguage,
  expectAccessible,
  expectAttribute,
  expectHidden,
  expectVisible,
  required,
  runScenarios,
  ScenarioFailure,
  waitFor,
} from './browser.mjs';

const exact = { exact: true };
const source = (path) => readFile(new URL(path, import.meta.url), 'utf8');

/** The route names, read from `src/routes.ts`. */
async function routeNames() {
  const block = /export const routeNames = \[([^\]]*)\]/.exec(await source('../src/routes.ts'))?.[1];
  if (block === undefined) throw new ScenarioFailure('no routeNames list in src/routes.ts');
  return [...block.matchAll(/'(\w+)'/g)].map((match) => match[1]);
}

/** Each route's page element, read from `src/components/app-shell.ts`. */
async function pageTags() {
  const text = await source('../src/components/app-shell.ts');
  return Object.fromEntries([...text.matchAll(/^\s+(\w+): '(tp-[\w-]+)',$/gm)].map((match) => [match[1], match[2]]));
}

const seriesId = required('TUKIPIIRI_E2E_SERIES_ID');
const roomId = required('TUKIPIIRI_E2E_ROOM_ID');
const templateId = required('TUKIPIIRI_E2E_TEMPLATE_ID');
const password = required('TUKIPIIRI_E2E_PASSWORD');

/** Who sees which screens, and where each one is. */
const visits = [
  {
    who: null,
    screens: {
      landing: '#/',
      login: '#/login',
      register: '#/register',
      guest: '#/guest',
      recover: '#/recover',
      resetPassword: '#/reset-password?token=vanhentunut',
      calendar: '#/calendar',
      series: `#/series/${seriesId}`,
      // the links in e-mails, opened with a token or a key that is not (or no longer) valid
      verifyEmail: '#/verify-email?token=vanhentunut',
      unsubscribe: '#/unsubscribe?key=tuntematon&categories=SCHEDULE,ENROLMENT',
    },
  },
  {
    who: required('TUKIPIIRI_E2E_PARENT_USERNAME'),
    screens: {
      home: '#/home',
      rooms: '#/rooms',
      room: `#/rooms/${roomId}`,
      mySessions: '#/my-sessions',
      feedback: '#/feedback',
      myData: '#/my-data',
      workbook: '#/workbook',
      settings: '#/settings',
    },
  },
  {
    who: required('TUKIPIIRI_E2E_COORDINATOR_USERNAME'),
    screens: {
      coordinator: '#/coordinator',
      planSeries: '#/coordinator/plan',
      coordinatorSeries: `#/coordinator/series/${seriesId}`,
      templateEditor: `#/coordinator/templates/${templateId}`,
      safety: '#/safety',
      roomStaffing: '#/staffing',
      audit: '#/audit',
      reports: '#/reports',
      report: `#/reports/${seriesId}`,
    },
  },
];

/** `browserLocale`: the browser's language, from which a first visit takes its language; otherwise it is chosen in the switch. */
const passes = [
  { name: 'phone, Finnish', viewport: { width: 390, height: 844 }, language: 'fi', compactHeader: true },
  { name: 'phone, Swedish', viewport: { width: 390, height: 844 }, language: 'sv', browserLocale: 'sv-FI', compactHeader: true },
  { name: 'laptop, English', viewport: { width: 1280, height: 800 }, language: 'en', headerInOneRow: true },
];

const words = {
  fi: { username: 'Käyttäjätunnus', password: 'Salasana', signIn: 'Kirjaudu sisään', loading: 'Ladataan…', language: 'Suomi' },
  sv: { username: 'Användarnamn', password: 'Lösenord', signIn: 'Logga in', loading: 'Laddar…', language: 'Svenska' },
  en: { username: 'Username', password: 'Password', signIn: 'Sign in', loading: 'Loading…', language: 'English' },
};

const finnish = JSON.parse(await source('../src/i18n/fi.json'));
const swedish = JSON.parse(await source('../src/i18n/sv.json'));
/** Every text key; none may show as such. */
const textKeys = Object.keys(finnish).filter((key) => key.includes('.'));
/**
 * Finnish interface texts that read differently in Swedish and are long enough (a phrase, not a
 * name such as "Ohjaaja" that a person may also be called) that finding one on a Swedish screen
 * means a text was left in Finnish.
 */
const finnishOnly = Object.entries(finnish)
  .filter(([key, text]) => text !== swedish[key] && !text.includes('{') && text.length >= 12 && text.includes(' '))
  .map(([, text]) => text);

/** The page is in the pass's language: its lang, no text key or unfilled placeholder, and in Swedish nothing left in Finnish. */
async function expectInLanguage(page, where, language) {
  await expectAttribute(page.locator('html'), 'lang', language, `${where}: <html lang>`);
  const text = await page.evaluate(() => document.body.innerText);
  // what people wrote (room and series titles) is marked translate="no" (HTML's own attribute for
  // text no translation applies to); another test's room may well be called "Suljettu ryhmä"
  const written = await page.evaluate(() => [...document.querySelectorAll('[translate="no"]')].map((element) => element.innerText));
  const interfaceText = written.reduce((rest, part) => (part === '' ? rest : rest.split(part).join(' ')), text);
  const keys = textKeys.filter((key) => text.includes(key));
  if (keys.length > 0) throw new ScenarioFailure(`${where}: text keys shown as text: ${keys.join(', ')}`);
  const placeholders = text.match(/\{[A-Za-z]+\}/g) ?? [];
  if (placeholders.length > 0) throw new ScenarioFailure(`${where}: placeholders left unfilled: ${placeholders.join(', ')}`);
  if (language === 'sv') {
    const left = finnishOnly.filter((finnishText) => interfaceText.includes(finnishText));
    if (left.length > 0) throw new ScenarioFailure(`${where}: Finnish text on a Swedish screen: ${left.map((t) => `"${t}"`).join(', ')}`);
  }
}

/** The tallest the site header may be on a phone: one row of 44 px targets with its padding. */
const PHONE_HEADER_MAX_PX = 64;

/** The site header's height, whether its visible parts share one row, and where the quick exit is. */
function headerShape(page) {
  return page.evaluate(() => {
    const boxes = [...document.querySelectorAll('.site-header-inner > *')]
      .map((part) => part.getBoundingClientRect())
      .filter((box) => box.height > 0);
    const exit = document.querySelector('[data-testid=quick-exit]')?.getBoundingClientRect();
    return {
      height: Math.round(document.querySelector('tp-site-header').getBoundingClientRect().height),
      oneRow: Math.max(...boxes.map((box) => box.top)) < Math.min(...boxes.map((box) => box.bottom)),
      exitInView:
        exit !== undefined && exit.width > 0 && exit.left >= 0 && exit.right <= window.innerWidth && exit.bottom <= window.innerHeight,
    };
  });
}

/** On a phone: one row, no taller than {@link PHONE_HEADER_MAX_PX}, the quick exit and help in view. */
async function expectCompactHeader(page, where) {
  const shape = await headerShape(page);
  if (shape.height > PHONE_HEADER_MAX_PX || !shape.oneRow || !shape.exitInView) {
    throw new ScenarioFailure(
      `${where}: the site header is ${shape.height} px high (at most ${PHONE_HEADER_MAX_PX}), ${shape.oneRow ? 'one row' : 'more than one row'}, the quick exit ${shape.exitInView ? 'in view' : 'out of view'}`,
    );
  }
  await expectVisible(page.getByTestId('help-toggle'), `${where}: the crisis numbers' button in the header`);
}

/** Whether the page is still the service's (the quick exit has not been taken). */
async function expectStillHere(page, description) {
  const here = await page.evaluate((origin) => window.location.origin === origin && !document.body.hidden, new URL(baseUrl()).origin);
  if (!here) throw new ScenarioFailure(`${description}: the page was left`);
}

/**
 * The phone's header menu for one person: it opens from its button, passes axe-core, folds on Escape
 * with the focus back on its button (and that Escape does not count toward the quick exit: one more is
 * not a double press), and the header stays one row in English too.
 */
async function checkPhoneMenu(page, who, language) {
  const where = `the header menu for ${who ?? 'a visitor'} on a phone`;
  const toggle = page.getByTestId('site-menu-toggle');
  const menu = page.getByTestId('site-menu');
  await expectAttribute(toggle, 'aria-expanded', 'false', `${where}: its button, folded`);
  await expectHidden(menu, `${where}: folded at first`);
  if (who !== null) await expectVisible(page.getByTestId('notifications-toggle'), `${where}: the bell beside it`);
  await toggle.click();
  await expectAttribute(toggle, 'aria-expanded', 'true', `${where}: its button, unfolded`);
  await expectVisible(menu.getByTestId('calendar-nav'), `${where}: the group calendar in it`);
  await expectVisible(menu.getByRole('button', { name: 'English', exact: true }), `${where}: the languages in it`);
  const controls = await toggle.getAttribute('aria-controls');
  if (controls === null || (await menu.getAttribute('id')) !== controls)
    throw new ScenarioFailure(`${where}: aria-controls does not name the menu`);
  await expectAccessible(page, `${where}, unfolded`);
  await page.keyboard.press('Escape');
  await expectHidden(menu, `${where}: folded after Escape`);
  await expectAttribute(toggle, 'aria-expanded', 'false', `${where}: its button after Escape`);
  const focused = await toggle.evaluate((button) => button === document.activeElement);
  if (!focused) throw new ScenarioFailure(`${where}: Escape did not give the focus back to the menu's button`);
  await page.keyboard.press('Escape');
  await page.waitForTimeout(300);
  await expectStillHere(page, `${where}: an Escape that folded the menu followed by one more`);
  // In English (another language on offer), then back.
  await chooseLanguage(page, words.en.language);
  await expectAttribute(page.locator('html'), 'lang', 'en', `${where}: the page in English`);
  await expectHidden(menu, `${where}: folded once a language is chosen`);
  await expectCompactHeader(page, `${where}, in English`);
  await chooseLanguage(page, words[language].language);
  await expectAttribute(page.locator('html'), 'lang', language, `${where}: the page in its own language again`);
}

async function signIn(page, username, language) {
  const text = words[language];
  await page.getByLabel(text.username, exact).fill(username);
  await page.getByLabel(text.password, exact).fill(password);
  await page.getByRole('button', { name: text.signIn, exact: true }).click();
  await expectVisible(page.getByTestId('home-greeting'), `the home page after ${username} signed in`);
}

/**
 * Counts the page's requests in flight, so a visit can wait until a screen has read what it
 * shows (a screen's heading comes before its data).
 */
function trackRequests(page) {
  let inFlight = 0;
  let lastChange = Date.now();
  const change = (delta) => {
    inFlight += delta;
    lastChange = Date.now();
  };
  page.on('request', () => change(1));
  page.on('requestfinished', () => change(-1));
  page.on('requestfailed', () => change(-1));
  page.settled = (where) =>
    waitFor(`${where}: its requests answered`, async () => ({
      ok: inFlight <= 0 && Date.now() - lastChange >= 300,
      actual: `${inFlight} in flight`,
    }));
}

async function visit(page, { route, hash, tag, pass }) {
  const where = `${route} (${hash}) on the ${pass.name}`;
  await page.goto(`${baseUrl()}${hash}`);
  await expectVisible(page.locator(`main > ${tag}`), `${where}: its page ${tag}`);
  await expectVisible(page.locator('main h1').first(), `${where}: its heading`);
  await page.settled(where);
  await expectHidden(page.locator('main').getByText(words[pass.language].loading, exact), `${where}: loaded`);
  await expectHidden(page.locator('main [aria-busy="true"]'), `${where}: nothing busy`);
  await expectAccessible(page, where);
  await expectInLanguage(page, where, pass.language);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  if (overflow > 0) throw new ScenarioFailure(`${where}: the page is ${overflow} px wider than the window`);
  if (pass.headerInOneRow) {
    // One row: every visible part overlaps every other vertically.
    if (!(await headerShape(page)).oneRow) throw new ScenarioFailure(`${where}: the site header takes more than one row`);
  }
  if (pass.compactHeader) await expectCompactHeader(page, where);
}

/**
 * The settings' "notifications on this device": headless Chromium has no push service and does not
 * grant notifications, so it settles on unsupported, blocked or off (never on), says so, and shows
 * the switch only when it can act; the page around it has passed axe-core in `visit`.
 */
async function checkPushSection(page, pass) {
  const where = `notifications on this device on the ${pass.name}`;
  const section = page.getByTestId('push-section');
  await expectVisible(section, where);
  let state = null;
  await waitFor(`${where}: settled`, async () => {
    state = await section.getAttribute('data-state');
    return { ok: state !== null && state !== 'checking', actual: state };
  });
  if (!['unsupported', 'denied', 'off'].includes(state)) throw new ScenarioFailure(`${where}: state ${state}`);
  const text = (await page.getByTestId('push-state').textContent())?.trim() ?? '';
  if (text === '') throw new ScenarioFailure(`${where}: no words for the state ${state}`);
  const switchShown = await page.getByTestId('push-switch').isVisible();
  if (switchShown !== (state === 'off'))
    throw new ScenarioFailure(`${where}: the switch ${switchShown ? 'shown' : 'hidden'} when ${state}`);
  if (state !== 'unsupported') await expectVisible(page.getByTestId('push-devices'), `${where}: the list of one's devices`);
}

/**
 * Screens for a person these visits do not sign in as, each visited (with axe-core, on a phone) by the
 * browser scenario named here.
 */
const visitedElsewhere = {
  capturedMail: 'reach.e2e.mjs (administrators only)',
};

const names = await routeNames();
const tags = await pageTags();
const planned = [...visits.flatMap(({ screens }) => Object.keys(screens)), ...Object.keys(visitedElsewhere)];
const unvisited = names.filter((name) => !planned.includes(name));
if (unvisited.length > 0) {
  throw new ScenarioFailure(`screens without a visit in screens.e2e.mjs: ${unvisited.join(', ')}`);
}
const unknown = planned.filter((name) => !names.includes(name) || tags[name] === undefined);
if (unknown.length > 0) {
  throw new ScenarioFailure(`visits to screens the client does not have: ${unknown.join(', ')}`);
}

await runScenarios(
  'screens',
  passes.map((pass) => ({
    name: `every screen on a ${pass.name}`,
    options: { viewport: pass.viewport, ...(pass.browserLocale === undefined ? {} : { locale: pass.browserLocale }) },
    async run(first, { newPage }) {
      let page = first;
      for (const [index, { who, screens }] of visits.entries()) {
        if (index > 0) page = await newPage();
        trackRequests(page);
        await page.goto(`${baseUrl()}#/login`);
        if (pass.browserLocale === undefined && pass.language !== 'fi') await chooseLanguage(page, words[pass.language].language);
        await expectAttribute(page.locator('html'), 'lang', pass.language, `the sign-in page on the ${pass.name}`);
        if (who !== null) await signIn(page, who, pass.language);
        for (const [route, hash] of Object.entries(screens)) {
          await visit(page, { route, hash, tag: tags[route], pass });
          if (route === 'settings') await checkPushSection(page, pass);
        }
        if (pass.compactHeader) await checkPhoneMenu(page, who, pass.language);
      }
    },
  })),
);
