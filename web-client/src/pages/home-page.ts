import type { CurrentUser } from '../api/types.ts';
import '../components/admin-users.ts';
import '../components/peer-invitations.ts';
import { locale, pushHere, session } from '../context.ts';
import { Component, define } from '../dom/component.ts';
import { h } from '../dom/h.ts';
import { ref, setAttributeText, setText, translated } from '../i18n/dom.ts';
import { roleText } from '../i18n/role-text.ts';
import { hashOf } from '../routes.ts';
import { isCoordinator, readsReports } from '../coordination/access.ts';

/** The signed-in start page. */
class HomePage extends Component {
  readonly #greeting = h('h1', { tabindex: '-1', 'data-testid': 'home-greeting' });
  readonly #guestNotice = translated(locale, 'p', 'home.guestNotice', { class: 'note', 'data-testid': 'guest-notice' });
  readonly #roles = h('ul', { class: 'role-list', 'data-testid': 'role-list' });
  readonly #admin = h('div');
  readonly #coordinator = h('p', { class: 'home-rooms' });

  protected render(): void {
    // The greeting holds the person's name: the tab and the browser's history say only "Home".
    setAttributeText(locale, this, 'data-screen-title', 'home.screenTitle');
    const signOut = translated(locale, 'button', 'home.signOut', { type: 'button', class: 'button-secondary' });
    signOut.addEventListener('click', () => {
      // notifications for this person stop coming to this device (a shared phone), unless that takes too long
      const user = session.user;
      const released = user === null ? Promise.resolve() : pushHere.release(String(user.id)).catch(() => undefined);
      void Promise.race([released, new Promise((resolve) => setTimeout(resolve, 3000))]).then(() => session.signOut());
    });
    this.append(
      h(
        'div',
        { class: 'page' },
        h(
          'section',
          { class: 'card' },
          this.#greeting,
          this.#guestNotice,
          h('tp-peer-invitations', { 'data-show': 'open' }),
          translated(locale, 'p', 'home.intro', { class: 'lead' }),
          h(
            'p',
            { class: 'home-rooms' },
            translated(locale, 'a', 'home.roomsLink', { href: hashOf('rooms'), class: 'button-link', 'data-testid': 'rooms-link' }),
            ' ',
            translated(locale, 'a', 'home.calendarLink', {
              href: hashOf('calendar'),
              class: 'button-link',
              'data-testid': 'home-calendar-link',
            }),
            ' ',
            translated(locale, 'a', 'home.mySessionsLink', {
              href: hashOf('mySessions'),
              class: 'button-link',
              'data-testid': 'my-sessions-link',
            }),
            ' ',
            translated(locale, 'a', 'home.feedbackLink', {
              href: hashOf('feedback'),
              class: 'button-link',
              'data-testid': 'feedback-link',
            }),
            ' ',
            translated(locale, 'a', 'home.workbookLink', {
              href: hashOf('workbook'),
              class: 'button-link',
              'data-testid': 'workbook-link',
            }),
          ),
          this.#coordinator,
          translated(locale, 'h2', 'home.rolesHeading'),
          this.#roles,
          h(
            'div',
            { class: 'actions' },
            translated(locale, 'a', 'home.myDataLink', { href: hashOf('myData'), class: 'button-link', 'data-testid': 'my-data-link' }),
            translated(locale, 'a', 'home.settingsLink', {
              href: hashOf('settings'),
              class: 'button-link',
              'data-testid': 'settings-link',
            }),
            signOut,
          ),
        ),
        this.#admin,
      ),
    );
    this.#show(session.user);
  }

  protected override connected(signal: AbortSignal): void {
    session.on(
      'session-changed',
      (event) => {
        if (event.user !== null) this.#show(event.user);
      },
      { signal },
    );
  }

  #show(user: CurrentUser | null): void {
    if (user === null) return;
    setText(locale, this.#greeting, ref('home.greeting', { name: user.displayName }));
    this.#guestNotice.hidden = !user.guest;
    this.#roles.replaceChildren(...user.roles.map((role) => translated(locale, 'li', roleText(role))));
    const staffLinks = [
      isCoordinator(user)
        ? translated(locale, 'a', 'home.coordinatorLink', {
            href: hashOf('coordinator'),
            class: 'button-link',
            'data-testid': 'coordinator-link',
          })
        : null,
      readsReports(user)
        ? translated(locale, 'a', 'home.reportsLink', { href: hashOf('reports'), class: 'button-link', 'data-testid': 'reports-link' })
        : null,
      isCoordinator(user)
        ? translated(locale, 'a', 'home.safetyLink', { href: hashOf('safety'), class: 'button-link', 'data-testid': 'safety-link' })
        : null,
      isCoordinator(user)
        ? translated(locale, 'a', 'home.staffingLink', {
            href: hashOf('roomStaffing'),
            class: 'button-link',
            'data-testid': 'staffing-nav',
          })
        : null,
    ].filter((link): link is HTMLAnchorElement => link !== null);
    this.#coordinator.replaceChildren(...staffLinks.flatMap((link, index) => (index === 0 ? [link] : [' ', link])));
    this.#coordinator.hidden = staffLinks.length === 0;
    const isAdmin = user.roles.includes('ADMIN');
    if (isAdmin && this.#admin.childElementCount === 0) {
      this.#admin.append(
        h(
          'p',
          { class: 'home-rooms' },
          translated(locale, 'a', 'home.capturedMailLink', {
            href: hashOf('capturedMail'),
            class: 'button-link',
            'data-testid': 'captured-mail-link',
          }),
        ),
        h('tp-admin-users'),
      );
    } else if (!isAdmin) {
      this.#admin.replaceChildren();
    }
  }
}

define('tp-home-page', HomePage);

declare global {
  interface HTMLElementTagNameMap {
    'tp-home-page': HomePage;
  }
}
