import { documentTitle, locale, router, session } from '../context.ts';
import { Component, define } from '../dom/component.ts';
import { h } from '../dom/h.ts';
import { retranslate, translated } from '../i18n/dom.ts';
import '../pages/audit-page.ts';
import '../pages/calendar-page.ts';
import '../pages/coordinator-page.ts';
import '../pages/coordinator-series-page.ts';
import '../pages/feedback-page.ts';
import '../pages/my-data-page.ts';
import '../pages/captured-mail-page.ts';
import '../pages/settings-page.ts';
import '../pages/reset-password-page.ts';
import '../pages/unsubscribe-page.ts';
import '../pages/verify-email-page.ts';
import '../pages/workbook-page.ts';
import '../pages/report-page.ts';
import '../pages/reports-page.ts';
import '../pages/my-sessions-page.ts';
import '../pages/plan-series-page.ts';
import '../pages/template-editor-page.ts';
import '../pages/guest-page.ts';
import '../pages/home-page.ts';
import '../pages/recover-page.ts';
import '../pages/register-page.ts';
import '../pages/room-page.ts';
import '../pages/room-staffing-page.ts';
import '../pages/safety-page.ts';
import '../pages/rooms-page.ts';
import '../pages/series-page.ts';
import '../pages/sign-in-page.ts';
import { type Route, type RouteName, adminRoutes, coordinatorRoutes, protectedRoutes, reportRoutes, visitorRoutes } from '../routes.ts';
import { isCoordinator, readsReports } from '../coordination/access.ts';
import './site-header.ts';

type PageTag =
  | 'tp-sign-in-page'
  | 'tp-register-page'
  | 'tp-guest-page'
  | 'tp-recover-page'
  | 'tp-home-page'
  | 'tp-rooms-page'
  | 'tp-room-page'
  | 'tp-calendar-page'
  | 'tp-series-page'
  | 'tp-my-sessions-page'
  | 'tp-coordinator-page'
  | 'tp-plan-series-page'
  | 'tp-coordinator-series-page'
  | 'tp-template-editor-page'
  | 'tp-feedback-page'
  | 'tp-reports-page'
  | 'tp-report-page'
  | 'tp-my-data-page'
  | 'tp-safety-page'
  | 'tp-room-staffing-page'
  | 'tp-audit-page'
  | 'tp-workbook-page'
  | 'tp-settings-page'
  | 'tp-reset-password-page'
  | 'tp-verify-email-page'
  | 'tp-unsubscribe-page'
  | 'tp-captured-mail-page';

const pageOf: Record<RouteName, PageTag> = {
  landing: 'tp-sign-in-page',
  login: 'tp-sign-in-page',
  register: 'tp-register-page',
  guest: 'tp-guest-page',
  recover: 'tp-recover-page',
  home: 'tp-home-page',
  rooms: 'tp-rooms-page',
  room: 'tp-room-page',
  calendar: 'tp-calendar-page',
  series: 'tp-series-page',
  mySessions: 'tp-my-sessions-page',
  coordinator: 'tp-coordinator-page',
  planSeries: 'tp-plan-series-page',
  coordinatorSeries: 'tp-coordinator-series-page',
  templateEditor: 'tp-template-editor-page',
  feedback: 'tp-feedback-page',
  reports: 'tp-reports-page',
  report: 'tp-report-page',
  myData: 'tp-my-data-page',
  safety: 'tp-safety-page',
  roomStaffing: 'tp-room-staffing-page',
  audit: 'tp-audit-page',
  workbook: 'tp-workbook-page',
  settings: 'tp-settings-page',
  resetPassword: 'tp-reset-password-page',
  verifyEmail: 'tp-verify-email-page',
  unsubscribe: 'tp-unsubscribe-page',
  capturedMail: 'tp-captured-mail-page',
};

/**
 * A page that should not be titled by its heading names itself in this attribute: a room's name
 * may say more about the person than they want their browser's history to show.
 */
const SCREEN_TITLE = 'data-screen-title';

/**
 * Tells pages apart, including two rooms or two series: a different key mounts a fresh page. The
 * start page and the sign-in page are one page under two addresses, so moving between them keeps
 * it (and the notice it shows, e.g. after signing out).
 */
function pageKey(route: Route): string {
  if (route.name === 'landing' || route.name === 'login') return 'sign-in';
  if (route.name === 'room') return `room:${route.roomId ?? ''}`;
  if (route.name === 'series') return `series:${route.seriesId ?? ''}`;
  if (route.name === 'coordinatorSeries') return `coordinator-series:${route.seriesId ?? ''}`;
  if (route.name === 'templateEditor') return `template:${route.templateId ?? ''}`;
  if (route.name === 'report') return `report:${route.seriesId ?? ''}`;
  return route.name;
}

/**
 * The frame of every screen. Chooses the page from the route and the session, sends visitors
 * away from pages that need a sign-in (signed-in users away from the sign-in pages, people
 * who do not plan groups away from the coordinators' pages, those who are not administrators away
 * from theirs, and those who neither plan nor lead groups away from the reports), and
 * moves focus to the new page's heading so screen reader users know the page changed.
 */
class AppShell extends Component {
  readonly #main = h('main', { id: 'main', tabindex: '-1' });
  #page: string | null = null;

  protected render(): void {
    this.append(
      translated(locale, 'a', 'app.skipToContent', { href: '#main', class: 'skip-link' }),
      h('tp-site-header'),
      this.#main,
      h('footer', { class: 'site-footer' }, translated(locale, 'p', 'app.footer')),
    );
    this.querySelector('.skip-link')?.addEventListener('click', (event) => {
      event.preventDefault();
      this.#main.focus();
    });
    this.#update(false);
  }

  protected override connected(signal: AbortSignal): void {
    // Each screen's title is its main heading, followed as it changes (a series' name arrives after
    // it is read, and a language change rewrites it), unless the page names itself.
    const headings = new MutationObserver(() => this.#nameScreen());
    headings.observe(this.#main, {
      childList: true,
      subtree: true,
      characterData: true,
      attributeFilter: [SCREEN_TITLE],
    });
    signal.addEventListener('abort', () => headings.disconnect());
    this.#nameScreen();
    session.on('session-changed', () => this.#update(true), { signal });
    router.on('route-changed', () => this.#update(true), { signal });
    locale.on('locale-changed', () => retranslate(locale, this), { signal });
  }

  #nameScreen(): void {
    const named = this.#main.querySelector(`[${SCREEN_TITLE}]`)?.getAttribute(SCREEN_TITLE);
    documentTitle.screen = named ?? this.#main.querySelector('h1')?.textContent ?? null;
  }

  #update(moveFocus: boolean): void {
    const route = router.current;
    if (session.status === 'restoring') {
      this.#mount('loading', null, moveFocus);
      return;
    }
    if (session.status === 'signed-out' && protectedRoutes.has(route.name)) {
      router.navigate('login');
      return;
    }
    if (session.status === 'signed-in' && visitorRoutes.has(route.name)) {
      router.navigate('home');
      return;
    }
    if (session.status === 'signed-in' && coordinatorRoutes.has(route.name) && !isCoordinator(session.user)) {
      router.navigate('home');
      return;
    }
    if (session.status === 'signed-in' && adminRoutes.has(route.name) && !(session.user?.roles.includes('ADMIN') ?? false)) {
      router.navigate('home');
      return;
    }
    if (session.status === 'signed-in' && reportRoutes.has(route.name) && !readsReports(session.user)) {
      router.navigate('home');
      return;
    }
    this.#mount(pageKey(route), route, moveFocus);
  }

  #mount(key: string, route: Route | null, moveFocus: boolean): void {
    if (key === this.#page) return;
    const firstPage = this.#page === null || this.#page === 'loading';
    this.#page = key;
    let element: HTMLElement;
    if (route === null) {
      element = h('div', { class: 'page' }, translated(locale, 'p', 'app.loading', { class: 'loading', role: 'status' }));
      delete this.dataset['page'];
    } else {
      const tag = pageOf[route.name];
      element = document.createElement(tag);
      if (route.roomId !== undefined) element.dataset['roomId'] = route.roomId;
      if (route.seriesId !== undefined) element.dataset['seriesId'] = route.seriesId;
      if (route.templateId !== undefined) element.dataset['templateId'] = route.templateId;
      this.dataset['page'] = tag;
    }
    this.#main.replaceChildren(element);
    if (moveFocus && !firstPage) {
      const heading = this.#main.querySelector<HTMLElement>('h1');
      (heading ?? this.#main).focus();
    }
  }
}

define('tp-app', AppShell);

declare global {
  interface HTMLElementTagNameMap {
    'tp-app': AppShell;
  }
}
