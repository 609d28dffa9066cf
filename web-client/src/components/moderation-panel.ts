import { isWideScreen } from '../dom/media.ts';
import { hasPanel } from '../chat/moderation.ts';
import { ReviewQueue } from '../chat/review-queue.ts';
import type { RoomChat } from '../chat/room-chat.ts';
import { api, attentionSound, documentTitle, locale } from '../context.ts';
import { sheetLabel } from './sheet-label.ts';
import { Component, define } from '../dom/component.ts';
import { h } from '../dom/h.ts';
import { ref, setText } from '../i18n/dom.ts';
import './moderation-attention.ts';
import './moderation-ready-messages.ts';
import './moderation-floor.ts';
import './moderation-notes.ts';
import './moderation-members.ts';
import './moderation-reports.ts';
import './moderation-settings.ts';
import { PanelFeedback } from './panel-feedback.ts';

/**
 * The facilitator's tools beside the chat, shown only to those with moderation powers in the
 * room: what needs attention (risk flags, requests for a private talk), the report queue, the
 * members and what may be done to them, and the room's settings (lock, slow mode, pinned
 * announcement). Peer supporters see only what they may do (the pinned announcement). The
 * summary counts what waits for a facilitator.
 */
class ModerationPanel extends Component {
  readonly #details = h('details', { class: 'mod-panel', 'data-testid': 'moderation-panel' });
  /** Read out when it changes: a new report or flag is heard even with the panel scrolled away. */
  readonly #count = h('span', { class: 'mod-attention-count', 'aria-live': 'polite', 'data-testid': 'moderation-attention', hidden: true });
  readonly #feedback = new PanelFeedback();
  readonly #attention = h('tp-mod-attention');
  readonly #ready = h('tp-mod-ready-messages');
  readonly #floor = h('tp-mod-floor');
  readonly #notes = h('tp-mod-notes');
  readonly #reports = h('tp-mod-reports');
  readonly #members = h('tp-mod-members');
  readonly #settings = h('tp-mod-settings');

  protected render(): void {
    this.hidden = true;
    this.#details.open = isWideScreen();
    this.#details.append(
      h('summary', { 'data-testid': 'moderation-panel-toggle' }, ...sheetLabel('mod.panel.heading', 'mod.panel.short'), ' ', this.#count),
      h(
        'div',
        { class: 'mod-panel-body' },
        this.#feedback.element,
        this.#attention,
        this.#floor,
        this.#ready,
        this.#reports,
        this.#members,
        this.#settings,
        this.#notes,
      ),
    );
    this.append(this.#details);
  }

  /** The reports, flags and members the panel follows; null until attached. */
  queue: ReviewQueue | null = null;

  /** Follows the room until the signal aborts; `admin`: the person administers the service. */
  attach(chat: RoomChat, admin: boolean, signal: AbortSignal): void {
    const queue = new ReviewQueue(api, chat);
    this.queue = queue;
    const context = { chat, queue, feedback: this.#feedback, admin, host: this };
    this.#attention.attach(context, signal);
    this.#ready.attach(context, signal);
    this.#floor.attach(context, signal);
    this.#notes.attach(context, signal);
    this.#reports.attach(context, signal);
    this.#members.attach(context, signal);
    this.#settings.attach(context, signal);
    let before = 0;
    const update = (): void => {
      this.hidden = !hasPanel(chat.moderation);
      const count = queue.attention;
      // New reports and flags announce themselves: the count here, in the tab title, and a chime if wanted.
      documentTitle.attention = this.hidden ? 0 : count;
      if (count > before && !this.hidden) attentionSound.play();
      before = count;
      this.#count.hidden = count === 0;
      setText(locale, this.#count, count === 0 ? null : ref('mod.panel.attention', { count }));
    };
    chat.on('moderation-changed', update, { signal });
    queue.on('review-changed', update, { signal });
    queue.start(signal);
    signal.addEventListener('abort', () => {
      documentTitle.attention = 0;
    });
    update();
  }
}

define('tp-moderation-panel', ModerationPanel);

declare global {
  interface HTMLElementTagNameMap {
    'tp-moderation-panel': ModerationPanel;
  }
}
