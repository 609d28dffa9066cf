// Shared helpers for the browser scenarios: launching the machine's Chromium through
// playwright-core, small waiting assertions, and a runner that reports each scenario,
// saves a screenshot of a failing page and sets the exit code.
import { mkdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const CHROMIUM_PATH = process.env.TUKIPIIRI_CHROMIUM ?? '/usr/bin/chromium';
export const TIMEOUT_MS = Number(process.env.TUKIPIIRI_E2E_TIMEOUT_MS ?? 15000);
const TARGET_DIR = fileURLToPath(new URL('../target/', import.meta.url));

export class ScenarioFailure extends Error {}

/** The server under test, from TUKIPIIRI_BASE_URL, always ending with a slash. */
export function baseUrl() {
  const value = process.env.TUKIPIIRI_BASE_URL;
  if (!value) {
    throw new ScenarioFailure('TUKIPIIRI_BASE_URL is not set (e.g. TUKIPIIRI_BASE_URL=http://localhost:8080)');
  }
  return value.endsWith('/') ? value : `${value}/`;
}

export function launchBrowser() {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}

/**
 * A fresh browser context (its own storage) with one page. Page errors are collected so a
 * scenario can fail on them; requests to other hosts are answered locally, never sent out.
 * `locale` is the browser's language (`navigator.languages`), Finnish in Finland unless given.
 */
export async function openPage(browser, { viewport = { width: 390, height: 844 }, locale = 'fi-FI' } = {}) {
  const context = await browser.newContext({ viewport, locale, timezoneId: 'Europe/Helsinki' });
  context.setDefaultTimeout(TIMEOUT_MS);
  const origin = new URL(baseUrl()).origin;
  await context.route(
    (url) => url.origin !== origin,
    (route) => route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><title>elsewhere</title>' }),
  );
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    // The browser logs every 4xx answer as "Failed to load resource"; those are expected here.
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) {
      errors.push(message.text());
    }
  });
  page.pageErrors = errors;
  return page;
}

/** An environment variable the test harness must set; the scenario fails naming it when it is missing. */
export function required(name) {
  const value = process.env[name]?.trim() ?? '';
  if (value === '') throw new ScenarioFailure(`${name} is not set`);
  return value;
}

/** A person prepared by the test harness: TUKIPIIRI_E2E_<PREFIX>_USERNAME, _PASSWORD and _NAME. */
export function personFromEnvironment(prefix) {
  return {
    username: required(`TUKIPIIRI_E2E_${prefix}_USERNAME`),
    password: required(`TUKIPIIRI_E2E_${prefix}_PASSWORD`),
    displayName: required(`TUKIPIIRI_E2E_${prefix}_NAME`),
  };
}

/** A short random suffix for unique usernames. */
export function uniqueSuffix() {
  return `${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;
}

/** Polls `probe` (returning `{ ok, actual }`) until ok, or fails with the description. */
export async function waitFor(description, probe, timeout = TIMEOUT_MS) {
  const deadline = Date.now() + timeout;
  let last;
  for (;;) {
    try {
      last = await probe();
      if (last.ok) return;
    } catch (error) {
      last = { ok: false, actual: error.message.split('\n')[0] };
    }
    if (Date.now() > deadline) {
      throw new ScenarioFailure(`${description} (last seen: ${JSON.stringify(last?.actual)})`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export async function expectVisible(locator, description, timeout = TIMEOUT_MS) {
  try {
    await locator.first().waitFor({ state: 'visible', timeout });
  } catch {
    throw new ScenarioFailure(`expected to see ${description}`);
  }
}

export async function expectHidden(locator, description, timeout = TIMEOUT_MS) {
  try {
    await locator.first().waitFor({ state: 'hidden', timeout });
  } catch {
    throw new ScenarioFailure(`expected not to see ${description}`);
  }
}

/** Waits until the locator's text equals a string or matches a RegExp. */
export async function expectText(locator, expected, description) {
  await waitFor(`expected ${description} to read ${expected}`, async () => {
    const actual = (await locator.first().innerText({ timeout: 1000 })).trim();
    const ok = expected instanceof RegExp ? expected.test(actual) : actual === expected;
    return { ok, actual };
  });
}

export async function expectAttribute(locator, name, expected, description) {
  await waitFor(`expected ${description} to have ${name}="${expected}"`, async () => {
    const actual = await locator.first().getAttribute(name, { timeout: 1000 });
    return { ok: actual === expected, actual };
  });
}

export async function expectUrl(page, predicate, description) {
  await waitFor(`expected the address to be ${description}`, async () => {
    const actual = page.url();
    return { ok: predicate(actual), actual };
  });
}

/**
 * The step after "Luo tunnus": the ten recovery codes are shown once; ticks that they are saved and
 * goes on to the app. Returns the codes as shown.
 */
export async function acknowledgeRecoveryCodes(page) {
  const list = page.getByTestId('recovery-codes');
  await expectVisible(list, 'the recovery codes after registering');
  const codes = (await list.locator('li').allInnerTexts()).map((code) => code.trim());
  await page.getByLabel('Olen tallentanut koodit', { exact: true }).check();
  await page.getByRole('button', { name: 'Jatka', exact: true }).click();
  return codes;
}

/**
 * Unfolds the site header's menu (the group calendar, the language) when it is folded behind its
 * button, as on a phone; on a wide screen its parts are in the header's row already.
 */
export async function openSiteMenu(page) {
  const toggle = page.getByTestId('site-menu-toggle');
  if ((await toggle.isVisible()) && (await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
}

/** Goes to the front page from the site header: its brand on a wide screen, "Etusivu" in its menu on a phone. */
export async function goHome(page) {
  await openSiteMenu(page);
  const home = page.getByTestId('home-nav');
  if (await home.isVisible()) await home.click();
  else await page.getByRole('link', { name: 'Tukipiiri', exact: true }).click();
}

/** Chooses the interface language by its name ("English", "Suomi") from the site header, on any screen. */
export async function chooseLanguage(page, name) {
  await openSiteMenu(page);
  await page.getByRole('button', { name, exact: true }).click();
}

/**
 * Waits until the room's composer can be written in, accepting the group's house rules on the way
 * when the room asks for them first.
 */
export async function waitForComposer(page, input, description) {
  await waitFor(description, async () => {
    const accept = page.getByTestId('house-rules-accept');
    if (await accept.isVisible()) await accept.click({ timeout: 2000 }).catch(() => undefined);
    const enabled = await input.isEnabled({ timeout: 1000 });
    return { ok: enabled, actual: enabled ? 'enabled' : 'disabled' };
  });
}

/**
 * How much of the window the room's messages get: the visible height of the message area as a share
 * of the window's, and how many messages are wholly in view.
 */
export async function messageArea(page) {
  return page.evaluate(() => {
    const scroller = document.querySelector('.chat-scroll').getBoundingClientRect();
    const top = Math.max(0, scroller.top);
    const bottom = Math.min(window.innerHeight, scroller.bottom);
    const whole = [...document.querySelectorAll('[data-testid=chat-message]')].filter((message) => {
      const box = message.getBoundingClientRect();
      return box.top >= top - 1 && box.bottom <= bottom + 1;
    });
    return { share: Math.max(0, bottom - top) / window.innerHeight, wholeMessages: whole.length, height: Math.round(bottom - top) };
  });
}

/**
 * Tabs through the page from its start and back and fails when a focused element is hidden, even in part,
 * under the sticky site header (WCAG 2.4.11, Focus Not Obscured), naming it.
 */
export async function expectFocusNotObscured(page, description, presses = 40) {
  await page.evaluate(() => document.activeElement instanceof HTMLElement && document.activeElement.blur());
  await page.evaluate(() => window.scrollTo(0, 0));
  // Forwards, then backwards: going back is what brings a field to the top edge, under the header.
  for (let i = 0; i < 2 * presses; i += 1) {
    await page.keyboard.press(i < presses ? 'Tab' : 'Shift+Tab');
    const hidden = await page.evaluate(() => {
      const focused = document.activeElement;
      const header = document.querySelector('tp-site-header');
      if (!(focused instanceof HTMLElement) || focused === document.body || header === null || header.contains(focused)) return null;
      const box = focused.getBoundingClientRect();
      const headerBottom = header.getBoundingClientRect().bottom;
      if (box.height === 0 || box.top >= headerBottom - 0.5) return null;
      // Drawn over the header (the skip link) is not hidden by it.
      const onTop = document.elementFromPoint(box.left + box.width / 2, Math.max(0, box.top + 1));
      if (onTop !== null && !header.contains(onTop)) return null;
      return `${focused.tagName.toLowerCase()} "${(focused.textContent || focused.getAttribute('aria-label') || focused.id).trim().slice(0, 40)}" (top ${Math.round(box.top)} px, header ends at ${Math.round(headerBottom)} px)`;
    });
    if (hidden !== null) throw new ScenarioFailure(`${description}: the focused ${hidden} is under the site header`);
  }
}

const AXE_SOURCE = readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/**
 * Runs axe-core on the page as it is now, for the WCAG 2.1 A and AA rules, and fails on any
 * serious or critical violation, naming the rule and the elements it found.
 */
export async function expectAccessible(page, description) {
  if (!(await page.evaluate(() => 'axe' in window))) {
    // evaluated through the DevTools protocol, which the page's Content Security Policy does not cover
    await page.evaluate(await AXE_SOURCE);
  }
  const violations = await page.evaluate(async () => {
    const result = await window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return result.violations
      .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
      .map((violation) => `${violation.id} (${violation.impact}): ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
  });
  if (violations.length > 0) {
    throw new ScenarioFailure(`${description}: serious accessibility violations:\n  ${violations.join('\n  ')}`);
  }
}

export function expectNoPageErrors(page) {
  const errors = page.pageErrors ?? [];
  if (errors.length > 0) {
    throw new ScenarioFailure(`the page reported errors: ${errors.join(' | ')}`);
  }
}

/**
 * Runs scenarios one after another, each in its own browser context, and exits non-zero
 * when any fails. A scenario is `{ name, run: async (page, helpers) => {} }`; with
 * `helpers.newPage()` it can open more people, each in a context of their own, which are
 * checked for page errors, photographed on failure and closed like the first.
 */
export async function runScenarios(suite, scenarios) {
  let passed = 0;
  let failed = 0;
  let browser;
  try {
    await assertReachable(baseUrl());
    browser = await launchBrowser();
  } catch (error) {
    console.error(`✗ ${suite}: could not start: ${error.message}`);
    console.log(`0 passed, ${scenarios.length} failed`);
    process.exit(1);
  }
  for (const scenario of scenarios) {
    const started = Date.now();
    const pages = [];
    const helpers = {
      async newPage(options = scenario.options) {
        const extra = await openPage(browser, options);
        pages.push(extra);
        return extra;
      },
    };
    try {
      await scenario.run(await helpers.newPage(), helpers);
      for (const page of pages) expectNoPageErrors(page);
      passed += 1;
      console.log(`✓ ${suite} › ${scenario.name} (${Date.now() - started} ms)`);
    } catch (error) {
      failed += 1;
      console.error(`✗ ${suite} › ${scenario.name}: ${error instanceof ScenarioFailure ? error.message : error.stack}`);
      for (const [index, page] of pages.entries()) {
        const name = index === 0 ? `${suite}-${scenario.name}` : `${suite}-${scenario.name}-${index + 1}`;
        console.error(`  at ${page.url()}`);
        await saveScreenshot(page, name);
      }
    } finally {
      for (const page of pages) {
        await page
          .context()
          .close()
          .catch(() => undefined);
      }
    }
  }
  await browser.close();
  console.log(`${passed} passed, ${failed} failed`);
  process.exitCode = failed > 0 ? 1 : 0;
}

async function assertReachable(url) {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(TIMEOUT_MS) });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
  } catch (error) {
    throw new ScenarioFailure(`the server at ${url} is not reachable (${error.message}); start it first`);
  }
}

async function saveScreenshot(page, name) {
  const slug = name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  const file = `${TARGET_DIR}e2e-failure-${slug}.png`;
  try {
    await mkdir(TARGET_DIR, { recursive: true });
    await page.screenshot({ path: file, fullPage: true });
    console.error(`  screenshot: ${file}`);
  } catch (error) {
    console.error(`  no screenshot: ${error.message}`);
  }
}
