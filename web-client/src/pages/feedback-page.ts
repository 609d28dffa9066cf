import { type PendingFeedback, type SelfAssessmentItem, fetchPendingFeedback, fetchSelfAssessmentItems } from '../api/feedback.ts';
import { problemOf } from '../api/problem.ts';
import { FeedbackCard } from '../components/feedback-card.ts';
import { FormAlert } from '../components/form-alert.ts';
import { api, locale, notifications, session } from '../context.ts';
import { Component, define } from '../dom/component.ts';
import { h } from '../dom/h.ts';
import { orderedPending } from '../feedback/feedback-form.ts';
import { problemText } from '../forms/problem-text.ts';
import { ref, translated } from '../i18n/dom.ts';
import { hashOf } from '../routes.ts';

/**
 * Feedback on the sessions one attended that ended lately: one form per session, with the
 * self-assessment where one is due. The list is fetched again when a notification arrives (a
 * session ending asks for feedback), and forms already on the page keep what was typed in them.
 */
class FeedbackPage extends Component {
  readonly #list = h('div', { class: 'feedback-list', 'data-testid': 'feedback-list' });
  readonly #status = new FormAlert('info', 'feedback-status');
  readonly #alert = new FormAlert('error', 'feedback-load-alert');
  readonly #cards = new Map<string, FeedbackCard>();
  #items: SelfAssessmentItem[] | null = null;
  #loading = false;

  protected render(): void {
    const reload = translated(locale, 'button', 'feedback.reload', { type: 'button', class: 'button-quiet' });
    reload.addEventListener('click', () => void this.#load());
    this.append(
      h(
        'div',
        { class: 'page' },
        h(
          'section',
          { class: 'card' },
          translated(locale, 'h1', 'feedback.title', { tabindex: '-1' }),
          translated(locale, 'p', 'feedback.intro', { class: 'lead' }),
          translated(locale, 'p', 'feedback.privacy', { class: 'note' }),
          this.#status.element,
          this.#alert.element,
          h('div', { class: 'actions' }, reload),
        ),
        this.#list,
        h(
          'p',
          { class: 'aside' },
          translated(locale, 'a', 'feedback.mySessionsLink', { href: hashOf('mySessions') }),
          ' · ',
          translated(locale, 'a', 'feedback.back', { href: hashOf('home') }),
        ),
      ),
    );
  }

  protected override connected(signal: AbortSignal): void {
    notifications.on('notifications-changed', () => void this.#load(), { signal });
    locale.on('locale-changed', () => this.#cards.forEach((card) => card.relabel()), { signal });
    void this.#load();
  }

  async #load(): Promise<void> {
    if (this.#loading || session.status !== 'signed-in') return;
    this.#loading = true;
    if (this.#cards.size === 0) this.#status.show(ref('feedback.loading'));
    this.#list.setAttribute('aria-busy', 'true');
    try {
      const pending = orderedPending(await fetchPendingFeedback(api));
      if (this.#items === null && pending.some((item) => item.selfAssessment)) {
        this.#items = await fetchSelfAssessmentItems(api);
      }
      this.#alert.clear();
      this.#show(pending);
    } catch (error) {
      this.#status.clear();
      this.#alert.show(problemText(problemOf(error)));
    } finally {
      this.#loading = false;
      this.#list.removeAttribute('aria-busy');
    }
  }

  /** Adds forms for new sessions, updates those already shown and drops those no longer open. */
  #show(pending: readonly PendingFeedback[]): void {
    if (pending.length === 0) this.#status.show(ref('feedback.empty'));
    else this.#status.clear();
    const wanted = pending.map((item) => {
      const existing = this.#cards.get(item.sessionId);
      if (existing !== undefined) {
        existing.update(item);
        return existing;
      }
      const card = new FeedbackCard(item, this.#items ?? []);
      this.#cards.set(item.sessionId, card);
      return card;
    });
    for (const [sessionId, card] of this.#cards) {
      if (!wanted.includes(card)) {
        card.element.remove();
        this.#cards.delete(sessionId);
      }
    }
    // Cards are moved only when out of place, so focus and typing in them are not disturbed.
    let previous: Element | null = null;
    for (const card of wanted) {
      const next: Element | null = previous === null ? this.#list.firstElementChild : previous.nextElementSibling;
      if (next !== card.element) this.#list.insertBefore(card.element, next);
      previous = card.element;
    }
  }
}

define('tp-feedback-page', FeedbackPage);

declare global {
  interface HTMLElementTagNameMap {
    'tp-feedback-page': FeedbackPage;
  }
}
