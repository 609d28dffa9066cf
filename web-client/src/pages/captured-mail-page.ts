import { type CapturedMessage, fetchCapturedMail } from '../api/reach.ts';
import { ApiError, problemOf } from '../api/problem.ts';
import { FormAlert } from '../components/form-alert.ts';
import { api, locale } from '../context.ts';
import { Component, define } from '../dom/component.ts';
import { h } from '../dom/h.ts';
import { problemText } from '../forms/problem-text.ts';
import { ref, setText, translated } from '../i18n/dom.ts';
import { mailSegments } from '../reach/mail-text.ts';
import { hashOf } from '../routes.ts';

const TIME_ZONE = 'Europe/Helsinki';

function formatSent(iso: string | null): string {
  const date = iso === null ? null : new Date(iso);
  if (date === null || Number.isNaN(date.getTime())) return '';
  return new Intl.DateTimeFormat(locale.intlLocale, { dateStyle: 'medium', timeStyle: 'short', timeZone: TIME_ZONE }).format(date);
}

/**
 * A message's plain text with its web links clickable: built from text nodes and anchors only
 * for http(s) addresses, so nothing in a message becomes markup or runs.
 */
function messageBody(text: string): HTMLElement {
  const body = h('div', { class: 'mail-text', 'data-testid': 'mail-text' });
  for (const segment of mailSegments(text)) {
    body.append('href' in segment ? h('a', { href: segment.href, rel: 'noopener noreferrer' }, segment.text) : segment.text);
  }
  return body;
}

/**
 * For administrators of a service running on the embedded SMTP server (a trial or a developer's
 * machine): what the server has "sent", newest first, each with its subject, recipient, time and
 * text with clickable links. With a real mail server there is nothing to show, and the page says
 * so.
 */
class CapturedMailPage extends Component {
  readonly #list = h('ol', { class: 'overview-list captured-mail', 'data-testid': 'captured-mail' });
  readonly #note = h('p', { class: 'note', 'data-testid': 'captured-mail-note', hidden: '' });
  readonly #alert = new FormAlert('error', 'captured-mail-alert');
  readonly #reload = translated(locale, 'button', 'reach.captured.reload', {
    type: 'button',
    class: 'button-secondary',
    'data-testid': 'captured-mail-reload',
  });

  protected render(): void {
    this.#reload.addEventListener('click', () => void this.#load());
    this.append(
      h(
        'div',
        { class: 'page' },
        h(
          'section',
          { class: 'card' },
          translated(locale, 'h1', 'reach.captured.title', { tabindex: '-1' }),
          translated(locale, 'p', 'reach.captured.intro', { class: 'lead' }),
          h('div', { class: 'actions' }, this.#reload),
          this.#alert.element,
          this.#note,
        ),
        this.#list,
        h('p', { class: 'aside' }, translated(locale, 'a', 'settings.back', { href: hashOf('home') })),
      ),
    );
    void this.#load();
  }

  async #load(): Promise<void> {
    this.#alert.clear();
    this.setAttribute('aria-busy', 'true');
    try {
      this.#show(await fetchCapturedMail(api));
    } catch (error) {
      if (error instanceof ApiError && error.problem.code === 'reach.no_captured_mail') {
        this.#list.replaceChildren();
        setText(locale, this.#note, ref('error.reach.no_captured_mail'));
        this.#note.hidden = false;
        this.#reload.hidden = true;
      } else {
        this.#alert.show(problemText(problemOf(error)));
      }
    } finally {
      this.removeAttribute('aria-busy');
    }
  }

  #show(messages: readonly CapturedMessage[]): void {
    setText(locale, this.#note, messages.length === 0 ? ref('reach.captured.none') : null);
    this.#note.hidden = messages.length > 0;
    this.#list.replaceChildren(...messages.map((message) => this.#item(message)));
  }

  #item(message: CapturedMessage): HTMLLIElement {
    const to = h('p', { class: 'field-hint' });
    setText(locale, to, ref('reach.captured.to', { to: message.to.join(', ') }));
    const sent = h('p', { class: 'field-hint' });
    setText(locale, sent, ref('reach.captured.sent', { time: formatSent(message.sentAt) }));
    // a subject is the sender's text: set as text, never as markup
    const subject = h('h2', { class: 'mail-subject' }, message.subject ?? '');
    if (message.subject === null) setText(locale, subject, ref('reach.captured.noSubject'));
    const attachments = h('p', { class: 'field-hint', 'data-testid': 'mail-attachments', hidden: message.attachments.length === 0 });
    setText(locale, attachments, ref('reach.captured.attachments', { names: message.attachments.join(', ') }));
    return h(
      'li',
      { class: 'card overview-item', 'data-testid': 'captured-message' },
      subject,
      to,
      sent,
      messageBody(message.text),
      attachments,
    );
  }
}

define('tp-captured-mail-page', CapturedMailPage);

declare global {
  interface HTMLElementTagNameMap {
    'tp-captured-mail-page': CapturedMailPage;
  }
}
