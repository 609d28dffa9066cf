import { problemOf } from '../api/problem.ts';
import { type MySession, fetchMySessions } from '../api/series.ts';
import { FormAlert } from '../components/form-alert.ts';
import { MY_SESSIONS_REFRESH_MS, joinHref, joinNote, orderedSessions } from '../coordination/my-sessions.ts';
import { api, locale, notifications, session } from '../context.ts';
import { Component, define } from '../dom/component.ts';
import { h } from '../dom/h.ts';
import { problemText } from '../forms/problem-text.ts';
import { ref, translated } from '../i18n/dom.ts';
import { hashOf, seriesRoute } from '../routes.ts';
import { localised, sessionTime } from '../series/calendar.ts';

/**
 * One's own coming sessions (in series one is enrolled in or leads), each with a join button that
 * turns into a link to the session's room once its lobby opens. The list is asked for again when a
 * notification arrives (the lobby opening is one) and every 30 seconds, so the button wakes up
 * without a reload.
 */
class MySessionsPage extends Component {
  readonly #list = h('ol', { class: 'session-list my-sessions', 'data-testid': 'my-sessions' });
  readonly #status = new FormAlert('info', 'my-sessions-status');
  readonly #alert = new FormAlert('error', 'my-sessions-alert');
  #sessions: MySession[] | null = null;
  #loading = false;

  protected render(): void {
    const reload = translated(locale, 'button', 'mySessions.reload', { type: 'button', class: 'button-quiet' });
    reload.addEventListener('click', () => void this.#load());
    this.append(
      h(
        'div',
        { class: 'page' },
        h(
          'section',
          { class: 'card' },
          translated(locale, 'h1', 'mySessions.title', { tabindex: '-1' }),
          translated(locale, 'p', 'mySessions.intro', { class: 'lead' }),
          this.#status.element,
          this.#alert.element,
          this.#list,
          h('div', { class: 'actions' }, reload),
        ),
        h(
          'p',
          { class: 'aside' },
          translated(locale, 'a', 'mySessions.calendarLink', { href: hashOf('calendar') }),
          ' · ',
          translated(locale, 'a', 'mySessions.feedbackLink', { href: hashOf('feedback'), 'data-testid': 'my-sessions-feedback-link' }),
          ' · ',
          translated(locale, 'a', 'mySessions.back', { href: hashOf('home') }),
        ),
      ),
    );
  }

  protected override connected(signal: AbortSignal): void {
    notifications.on('notifications-changed', () => void this.#load(), { signal });
    locale.on('locale-changed', () => this.#renderList(), { signal });
    session.on('session-changed', () => void this.#load(), { signal });
    const timer = window.setInterval(() => void this.#load(), MY_SESSIONS_REFRESH_MS);
    signal.addEventListener('abort', () => window.clearInterval(timer));
    void this.#load();
  }

  async #load(): Promise<void> {
    if (this.#loading || session.status !== 'signed-in') return;
    this.#loading = true;
    if (this.#sessions === null) this.#status.show(ref('mySessions.loading'));
    this.#list.setAttribute('aria-busy', 'true');
    try {
      const next = orderedSessions(await fetchMySessions(api));
      const changed = JSON.stringify(next) !== JSON.stringify(this.#sessions);
      this.#sessions = next;
      this.#alert.clear();
      // Unchanged lists are left alone, so focus and reading position stay where they were.
      if (changed) this.#renderList();
    } catch (error) {
      this.#status.clear();
      this.#alert.show(problemText(problemOf(error)));
    } finally {
      this.#loading = false;
      this.#list.removeAttribute('aria-busy');
    }
  }

  #renderList(): void {
    const sessions = this.#sessions;
    if (sessions === null) return;
    if (sessions.length === 0) this.#status.show(ref('mySessions.empty'));
    else this.#status.clear();
    const language = locale.locale;
    this.#list.replaceChildren(
      ...sessions.map((mine) => {
        const href = joinHref(mine);
        const { session: meeting } = mine;
        const join =
          href === null
            ? translated(locale, 'button', 'mySessions.join', { type: 'button', disabled: '', 'data-testid': 'join-session' })
            : translated(locale, 'a', 'mySessions.join', { href, class: 'button-link', 'data-testid': 'join-session' });
        return h(
          'li',
          { class: `session-item session-${meeting.state.toLowerCase()}`, 'data-testid': 'my-session' },
          h('p', { class: 'session-series' }, h('a', { href: hashOf(seriesRoute(mine.seriesId)) }, mine.seriesTitle)),
          h(
            'h2',
            { class: 'session-title' },
            translated(locale, 'span', ref('series.sessions.number', { position: meeting.position }), { class: 'session-number' }),
            ' ',
            localised(meeting.theme, language),
          ),
          h('p', { class: 'session-time' }, sessionTime(meeting.startsAt, meeting.endsAt, locale.intlLocale)),
          h(
            'p',
            { class: 'session-meta' },
            translated(
              locale,
              'span',
              { keys: [`series.sessionState.${meeting.state}`], fallback: meeting.state },
              {
                class: `tag session-state-${meeting.state.toLowerCase()}`,
              },
            ),
            ' ',
            translated(locale, 'span', joinNote(mine, locale.intlLocale), { class: 'field-hint', 'data-testid': 'join-note' }),
          ),
          h('div', { class: 'actions' }, join),
        );
      }),
    );
  }
}

define('tp-my-sessions-page', MySessionsPage);

declare global {
  interface HTMLElementTagNameMap {
    'tp-my-sessions-page': MySessionsPage;
  }
}
