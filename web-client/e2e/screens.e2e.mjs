// Every screen of the web client against a running server (TUKIPIIRI_BASE_URL), on a phone in
// Finnish and on a laptop in English: axe-core finds no serious or critical violation, and no
// page is wider than its window. The screens come from the client's own route list, so a new
// screen without a visit here fails the suite.
import { readFile } from 'node:fs/promises';

import { baseUrl, expectAccessible, expectHidden, expectVisible, required, runScenarios, ScenarioFailure, waitFor } from './browser.mjs';

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
      calendar: '#/calendar',
      series: `#/series/${seriesId}`,
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

const passes = [
  { name: 'phone, Finnish', viewport: { width: 390, height: 844 }, language: 'fi' },
  { name: 'laptop, English', viewport: { width: 1280, height: 800 }, language: 'en', headerInOneRow: true },
];

const words = {
  fi: { username: 'Käyttäjätunnus', password: 'Salasana', signIn: 'Kirjaudu sisään', loading: 'Ladataan…' },
  en: { username: 'Username', password: 'Password', signIn: 'Sign in', loading: 'Loading…' },
};

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
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  if (overflow > 0) throw new ScenarioFailure(`${where}: the page is ${overflow} px wider than the window`);
  if (pass.headerInOneRow) {
    // One row: every visible part overlaps every other vertically.
    const oneRow = await page.evaluate(() => {
      const boxes = [...document.querySelectorAll('.site-header-inner > *')]
        .map((part) => part.getBoundingClientRect())
        .filter((box) => box.height > 0);
      return Math.max(...boxes.map((box) => box.top)) < Math.min(...boxes.map((box) => box.bottom));
    });
    if (!oneRow) throw new ScenarioFailure(`${where}: the site header takes more than one row`);
  }
}

const names = await routeNames();
const tags = await pageTags();
const planned = visits.flatMap(({ screens }) => Object.keys(screens));
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
    options: { viewport: pass.viewport },
    async run(first, { newPage }) {
      let page = first;
      for (const [index, { who, screens }] of visits.entries()) {
        if (index > 0) page = await newPage();
        trackRequests(page);
        await page.goto(`${baseUrl()}#/login`);
        if (pass.language !== 'fi') await page.getByRole('button', { name: 'English', exact: true }).click();
        if (who !== null) await signIn(page, who, pass.language);
        for (const [route, hash] of Object.entries(screens)) {
          await visit(page, { route, hash, tag: tags[route], pass });
        }
      }
    },
  })),
);
