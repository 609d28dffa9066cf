import { type RiskFlag, crisisMessageIn, markRiskFlagSeen, openPrivateTalk, sendCrisisMessage } from '../api/moderation.ts';
import { newClientId } from '../chat/client-id.ts';
import type { UserId } from '../api/types.ts';
import { formatFullTime, formatMessageTime } from '../chat/format.ts';
import type { TalkRequest } from '../chat/moderation.ts';
import { api, locale } from '../context.ts';
import { Component, define } from '../dom/component.ts';
import { h, uniqueId } from '../dom/h.ts';
import { type TextRef, ref, setText, translated } from '../i18n/dom.ts';
import { hashOf, roomRoute } from '../routes.ts';
import { type PanelContext, act } from './panel-feedback.ts';
import { quoteBlock } from '../dom/quote.ts';
import { veil } from './content-note.ts';

/** Opens a one-to-one talk with a participant and offers the way there. */
export function startPrivateTalk(
  context: PanelContext,
  button: HTMLButtonElement | null,
  accountId: UserId,
  name: string,
): Promise<boolean> {
  return act(
    context,
    button,
    async () => {
      const room = await openPrivateTalk(api, context.chat.roomId, accountId);
      context.chat.answerTalkRequest(accountId);
      return room;
    },
    (room) => [ref('mod.privateTalk.opened', { name }), { href: hashOf(roomRoute(room.id)), text: ref('mod.privateTalk.go') }],
  );
}

function categoryText(category: string): TextRef {
  return { keys: [`mod.category.${category}`], fallback: category };
}

/**
 * What needs a facilitator now: messages that touched risk words (with the crisis message ready
 * to send, or a private talk to open) and participants asking for a one-to-one talk.
 */
class ModerationAttention extends Component {
  readonly #flags = h('ul', { class: 'mod-list', 'data-testid': 'risk-flags' });
  readonly #seen = h('details', { class: 'mod-seen' });
  readonly #seenSummary = h('summary');
  readonly #seenList = h('ul', { class: 'mod-list' });
  readonly #requests = h('ul', { class: 'mod-list', 'data-testid': 'talk-requests' });
  readonly #empty = translated(locale, 'p', 'mod.attention.empty', { class: 'mod-empty' });
  readonly #failed = translated(locale, 'p', 'mod.attention.loadFailed', { class: 'field-error', hidden: '' });
  readonly #heading = translated(locale, 'h3', 'mod.attention.heading', { tabindex: '-1' });
  /** What the lists were last built from; unchanged, they are left alone (and focus with them). */
  #signature = '';
  #context: PanelContext | null = null;
  /** The client id each flag's crisis message was sent with, so a retry is not a second message. */
  readonly #crisisClientIds = new Map<string, string>();

  protected render(): void {
    const headingId = uniqueId('mod-attention');
    this.#heading.id = headingId;
    this.#seen.append(this.#seenSummary, this.#seenList);
    this.append(
      h(
        'section',
        { class: 'mod-section', 'aria-labelledby': headingId },
        this.#heading,
        this.#failed,
        this.#empty,
        this.#requests,
        this.#flags,
        this.#seen,
      ),
    );
  }

  attach(context: PanelContext, signal: AbortSignal): void {
    this.#context = context;
    context.queue.on('review-changed', () => this.#update(), { signal });
    context.chat.on('moderation-changed', () => this.#update(), { signal });
    locale.on('locale-changed', () => this.#update(), { signal });
    this.#update();
  }

  #update(): void {
    const context = this.#context;
    if (context === null) return;
    const review = context.chat.may('REVIEW');
    const talks = context.chat.may('PRIVATE_TALK');
    this.hidden = !review && !talks;
    const requests = talks ? context.chat.moderation.talkRequests : [];
    const flags = review ? context.queue.flags : [];
    const unseen = flags.filter((flag) => !flag.seen);
    const seen = flags.filter((flag) => flag.seen);
    this.#failed.hidden = !context.queue.failed('flags');
    const crisis = context.queue.crisisMessage === null ? '' : 'crisis';
    const signature = JSON.stringify([locale.locale, talks, crisis, requests, flags.map((flag) => [flag.id, flag.seen])]);
    if (signature === this.#signature) return;
    this.#signature = signature;
    const hadFocus = this.contains(document.activeElement);
    this.#requests.replaceChildren(...requests.map((request) => this.#requestItem(context, request)));
    this.#flags.replaceChildren(...unseen.map((flag) => this.#flagItem(context, flag)));
    this.#seen.hidden = seen.length === 0;
    setText(locale, this.#seenSummary, ref('mod.flags.seen', { count: seen.length }));
    this.#seenList.replaceChildren(...seen.map((flag) => this.#flagItem(context, flag)));
    this.#empty.hidden = requests.length > 0 || unseen.length > 0;
    // The item acted on is gone or rebuilt: keep focus in the section rather than lose it.
    if (hadFocus && !this.contains(document.activeElement)) this.#heading.focus();
  }

  #requestItem(context: PanelContext, request: TalkRequest): HTMLLIElement {
    const open = translated(locale, 'button', 'mod.privateTalk.open', { type: 'button', class: 'button-secondary button-small' });
    const skip = translated(locale, 'button', 'mod.request.dismiss', { type: 'button', class: 'button-quiet button-small' });
    open.addEventListener('click', () => void startPrivateTalk(context, open, request.accountId, request.displayName));
    skip.addEventListener('click', () => context.chat.answerTalkRequest(request.accountId));
    const text = h('p', { class: 'mod-item-text' });
    setText(locale, text, ref('mod.request.text', { name: request.displayName }));
    return h('li', { class: 'mod-item mod-request', 'data-testid': 'talk-request' }, text, h('div', { class: 'mod-actions' }, open, skip));
  }

  #flagItem(context: PanelContext, flag: RiskFlag): HTMLLIElement {
    const name = flag.authorName ?? '';
    const item = h('li', { class: flag.seen ? 'mod-item mod-flag is-seen' : 'mod-item mod-flag', 'data-testid': 'risk-flag' });
    const meta = h('p', { class: 'mod-item-meta' }, h('strong', {}, name));
    if (flag.createdAt !== null) {
      const time = h('time', { datetime: flag.createdAt, title: formatFullTime(flag.createdAt, locale.intlLocale) });
      time.textContent = formatMessageTime(flag.createdAt, locale.intlLocale);
      meta.append(' ', time);
    }
    const categories = h(
      'ul',
      { class: 'room-tags' },
      ...flag.categories.map((category) => {
        const tag = h('li', { class: 'tag tag-risk' });
        setText(locale, tag, categoryText(category));
        return tag;
      }),
    );
    const excerpt = quoteBlock(null, { className: 'mod-quote' });
    const quoted = flag.excerpt;
    if (quoted === null) {
      setText(locale, excerpt, ref('chat.removed'));
      item.append(meta, categories, excerpt);
    } else if (flag.sensitive) {
      // Marked with a content note: read on request, as in the room.
      item.append(
        meta,
        categories,
        veil(excerpt, {
          revealed: false,
          fill: (text) => {
            text.textContent = quoted;
          },
        }),
        excerpt,
      );
    } else {
      excerpt.textContent = quoted;
      item.append(meta, categories, excerpt);
    }
    if (flag.seen) return item;

    const crisis = translated(locale, 'button', 'mod.flags.sendCrisis', {
      type: 'button',
      class: 'button-primary button-small',
      'data-testid': 'send-crisis-message',
    });
    const talk = translated(locale, 'button', 'mod.privateTalk.open', { type: 'button', class: 'button-secondary button-small' });
    const done = translated(locale, 'button', 'mod.flags.markSeen', { type: 'button', class: 'button-quiet button-small' });
    crisis.addEventListener('click', () => void this.#sendCrisis(context, flag, crisis));
    talk.hidden = flag.authorId === null || !context.chat.may('PRIVATE_TALK');
    talk.addEventListener('click', () => {
      if (flag.authorId !== null) void startPrivateTalk(context, talk, flag.authorId, name);
    });
    done.addEventListener('click', () => void this.#markSeen(context, flag, done, ref('mod.flags.markedSeen')));
    const preview = h('details', { class: 'mod-crisis-preview' }, translated(locale, 'summary', 'mod.flags.preview'));
    const previewText = h('p');
    previewText.textContent = this.#crisisText(context) ?? '';
    preview.append(previewText);
    preview.hidden = previewText.textContent === '';
    item.append(preview, h('div', { class: 'mod-actions' }, crisis, talk, done));
    return item;
  }

  #crisisText(context: PanelContext): string | null {
    const message = context.queue.crisisMessage;
    return message === null ? null : crisisMessageIn(message, locale.locale);
  }

  /**
   * Sends the crisis message into the room as one's own message: the server stores it in every
   * configured language and each reader sees it in theirs. A retry after a lost answer sends the
   * same client id, so it is never doubled.
   */
  async #sendCrisis(context: PanelContext, flag: RiskFlag, button: HTMLButtonElement): Promise<void> {
    const clientId = this.#crisisClientIds.get(flag.id) ?? newClientId();
    this.#crisisClientIds.set(flag.id, clientId);
    const sent = await act(context, button, () => sendCrisisMessage(api, context.chat.roomId, clientId), ref('mod.flags.crisisSent'));
    if (!sent) return;
    // The flag has been answered; if marking it fails, it simply stays in the list.
    markRiskFlagSeen(api, context.chat.roomId, flag.id).then(
      () => context.queue.markSeen(flag.id),
      () => undefined,
    );
  }

  async #markSeen(context: PanelContext, flag: RiskFlag, button: HTMLButtonElement, done: TextRef): Promise<void> {
    const marked = await act(context, button, () => markRiskFlagSeen(api, context.chat.roomId, flag.id), done);
    if (marked) context.queue.markSeen(flag.id);
  }
}

define('tp-mod-attention', ModerationAttention);

declare global {
  interface HTMLElementTagNameMap {
    'tp-mod-attention': ModerationAttention;
  }
}
