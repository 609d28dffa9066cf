import { locale, router, session } from '../context.ts';
import { Component, define } from '../dom/component.ts';
import { h } from '../dom/h.ts';
import { retranslate, translated } from '../i18n/dom.ts';
import '../pages/guest-page.ts';
import '../pages/home-page.ts';
import '../pages/register-page.ts';
import '../pages/sign-in-page.ts';
import { type RouteName, protectedRoutes, visitorRoutes } from '../routes.ts';
import './site-header.ts';

type PageTag = 'tp-sign-in-page' | 'tp-register-page' | 'tp-guest-page' | 'tp-home-page';

const pageOf: Record<RouteName, PageTag> = {
  landing: 'tp-sign-in-page',
  login: 'tp-sign-in-page',
  register: 'tp-register-page',
  guest: 'tp-guest-page',
  home: 'tp-home-page',
};

/**
 * The frame of every screen. Chooses the page from the route and the session, sends visitors
 * away from pages that need a sign-in (and signed-in users away from the sign-in pages), and
 * moves focus to the new page's heading so screen reader users know the page changed.
 */
class AppShell extends Component {
  readonly #main = h('main', { id: 'main', tabindex: '-1' });
  #page: PageTag | 'loading' | null = null;

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
    session.on('session-changed', () => this.#update(true), { signal });
    router.on('route-changed', () => this.#update(true), { signal });
    locale.on('locale-changed', () => retranslate(locale, this), { signal });
  }

  #update(moveFocus: boolean): void {
    const route = router.current;
    if (session.status === 'restoring') {
      this.#mount('loading', moveFocus);
      return;
    }
    if (session.status === 'signed-out' && protectedRoutes.has(route)) {
      router.navigate('login');
      return;
    }
    if (session.status === 'signed-in' && visitorRoutes.has(route)) {
      router.navigate('home');
      return;
    }
    this.#mount(pageOf[route], moveFocus);
  }

  #mount(page: PageTag | 'loading', moveFocus: boolean): void {
    if (page === this.#page) return;
    const firstPage = this.#page === null || this.#page === 'loading';
    this.#page = page;
    const element =
      page === 'loading'
        ? h('div', { class: 'page' }, translated(locale, 'p', 'app.loading', { class: 'loading', role: 'status' }))
        : document.createElement(page);
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
