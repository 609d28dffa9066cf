import { problemOf } from '../api/problem.ts';
import type { ReviewQueue } from '../chat/review-queue.ts';
import type { RoomChat } from '../chat/room-chat.ts';
import { locale } from '../context.ts';
import { h } from '../dom/h.ts';
import { problemText } from '../forms/problem-text.ts';
import { type TextRef, setText } from '../i18n/dom.ts';
import { FormAlert } from './form-alert.ts';

/** Where a done action may lead next (the room of a new private talk, say). */
export type FeedbackLink = {
  href: string;
  text: TextRef;
};

/**
 * The last result of a facilitator's action: what was done (a polite status, with an optional
 * link) or why it was refused (an alert). Each result replaces the one before.
 */
export class PanelFeedback {
  readonly element: HTMLDivElement;
  readonly #status: HTMLParagraphElement;
  readonly #text = h('span');
  readonly #link = h('a', { class: 'panel-feedback-link', 'data-testid': 'panel-feedback-link', hidden: true });
  readonly #error = new FormAlert('error', 'panel-error');

  /** `testId`: where tests find it, when a screen has more than one (the question sheet's beside the panel's). */
  constructor(testId = 'panel-feedback') {
    this.#status = h('p', { class: 'panel-feedback', role: 'status', 'data-testid': testId }, this.#text, ' ', this.#link);
    this.element = h('div', { class: 'panel-feedback-area' }, this.#status, this.#error.element);
  }

  done(text: TextRef, link?: FeedbackLink): void {
    this.#error.clear();
    setText(locale, this.#text, text);
    this.#link.hidden = link === undefined;
    if (link === undefined) {
      this.#link.removeAttribute('href');
      setText(locale, this.#link, null);
    } else {
      this.#link.href = link.href;
      setText(locale, this.#link, link.text);
    }
  }

  failed(error: unknown): void {
    this.#clearStatus();
    this.#error.show(problemText(problemOf(error)));
  }

  /** A refusal the client itself knows (nothing was asked of the server). */
  refused(text: TextRef): void {
    this.#clearStatus();
    this.#error.show(text);
  }

  #clearStatus(): void {
    setText(locale, this.#text, null);
    setText(locale, this.#link, null);
    this.#link.hidden = true;
  }
}

/** What each part of the facilitator panel works with. */
export type PanelContext = {
  chat: RoomChat;
  queue: ReviewQueue;
  feedback: PanelFeedback;
  /** The person administers the service (may act on facilitators too). */
  admin: boolean;
  /** Where dialogs open. */
  host: HTMLElement;
};

/**
 * Runs one facilitator action from a button: the button is marked busy meanwhile (and a second
 * press ignored), the result is told, and the room's moderation is read again so the screen
 * agrees with the server even if a live event was lost. Resolves true when it was done.
 */
export async function act<T>(
  context: PanelContext,
  button: HTMLButtonElement | null,
  work: () => Promise<T>,
  success: TextRef | ((result: T) => [TextRef, FeedbackLink?]),
): Promise<boolean> {
  if (button?.getAttribute('aria-disabled') === 'true') return false;
  button?.setAttribute('aria-disabled', 'true');
  try {
    const result = await work();
    const [text, link] = typeof success === 'function' ? success(result) : [success];
    context.feedback.done(text, link);
    void context.chat.refreshModeration();
    return true;
  } catch (error) {
    context.feedback.failed(error);
    return false;
  } finally {
    button?.removeAttribute('aria-disabled');
  }
}
