import { listNotifications, markAllNotificationsRead } from '../api/notifications.ts';
import { formatMessageTime } from '../chat/format.ts';
import { api, chat, locale, notifications, session } from '../context.ts';
import { Component, define } from '../dom/component.ts';
import { h, uniqueId } from '../dom/h.ts';
import { ref, setText, translated } from '../i18n/dom.ts';
import type { AppNotification } from '../api/notifications.ts';
import { type NoticeGroup, groupNotices, joinsBurst } from '../notifications/notification-groups.ts';
import { type WhenContext, notificationLink, notificationText } from '../notifications/notification-text.ts';

/** How a notice's meeting time is said now, in the interface language. */
function whenNow(): WhenContext {
  return { say: (keys, params) => locale.first(keys, params), intlLocale: locale.intlLocale };
}

/**
 * The bell in the header for signed-in users: how many rows are unread, the list of them, and
 * "mark all read". A burst of notices of one kind about one series (a series planned or moved)
 * is one row, "… and 8 more like it". New ones arrive live over the chat connection and are
 * announced politely, unless they only join a burst already shown.
 */
class NotificationBell extends Component {
  readonly #details = h('details', { class: 'help notifications', 'data-testid': 'notifications' });
  readonly #summary = h('summary', { 'data-testid': 'notifications-toggle' });
  readonly #label = translated(locale, 'span', 'notifications.toggle', { class: 'notifications-label' });
  /** The number for the eye; screen readers hear `#unread` instead. */
  readonly #count = h('span', { class: 'notifications-count', 'aria-hidden': 'true', hidden: true });
  readonly #unread = h('span', { class: 'visually-hidden' });
  readonly #list = h('ul', { class: 'notification-list', 'data-testid': 'notification-list' });
  readonly #empty = translated(locale, 'p', 'notifications.empty', { class: 'note' });
  readonly #markRead = translated(locale, 'button', 'notifications.markAllRead', {
    type: 'button',
    class: 'button-quiet button-small',
    'data-testid': 'notifications-mark-read',
  });
  readonly #problem = translated(locale, 'p', 'notifications.loadFailed', { class: 'field-error', role: 'alert', hidden: '' });
  /** Says a new notice aloud to screen readers, wherever the focus is. */
  readonly #announcer = h('p', { class: 'visually-hidden', role: 'status', 'data-testid': 'notification-announcer' });
  #loadedFor: string | null = null;

  protected render(): void {
    const headingId = uniqueId('notifications-heading');
    const close = translated(locale, 'button', 'help.close', { type: 'button', class: 'button-quiet button-small' });
    this.#summary.append(this.#label, this.#unread, this.#count);
    this.#details.append(
      this.#summary,
      h(
        'div',
        { class: 'help-body notifications-body', role: 'region', 'aria-labelledby': headingId },
        translated(locale, 'p', 'notifications.heading', { class: 'help-heading', id: headingId }),
        this.#problem,
        this.#empty,
        this.#list,
        h('div', { class: 'actions' }, this.#markRead, close),
      ),
    );
    close.addEventListener('click', () => this.#close());
    this.#details.addEventListener('keydown', (event) => {
      if (event.key === 'Escape' && this.#details.open) {
        // Used up: the quick exit does not count an Escape that closed something.
        event.preventDefault();
        this.#close();
      }
    });
    this.#markRead.addEventListener('click', () => void this.#markAllRead());
    this.#list.addEventListener('click', (event) => {
      if (event.target instanceof Element && event.target.closest('a')) this.#details.open = false;
    });
    this.append(this.#details, this.#announcer);
    this.#renderList();
  }

  protected override connected(signal: AbortSignal): void {
    notifications.on('notifications-changed', () => this.#renderList(), { signal });
    // after the page's own re-translation, which knows nothing of the times said in the texts
    locale.on('locale-changed', () => queueMicrotask(() => this.#renderList()), { signal });
    session.on('session-changed', () => this.#follow(), { signal });
    const stop = chat.watchNotifications((notification) => {
      if (session.status !== 'signed-in') return;
      const joins = joinsBurst(notification, notifications.items);
      const known = notifications.items.some((item) => item.id === notification.id);
      notifications.receive(notification);
      if (!joins && !known) this.#announce(notification);
    });
    signal.addEventListener('abort', stop);
    this.#follow();
  }

  /** Shows the bell only to signed-in users, loads their list once and keeps the connection up. */
  #follow(): void {
    const user = session.status === 'signed-in' ? session.user : null;
    this.hidden = user === null;
    if (user === null) {
      this.#loadedFor = null;
      this.#details.open = false;
      return;
    }
    chat.start();
    const key = String(user.id);
    if (this.#loadedFor !== key) {
      this.#loadedFor = key;
      void this.#load();
    }
  }

  async #load(): Promise<void> {
    try {
      const items = await listNotifications(api);
      if (session.status !== 'signed-in') return;
      this.#problem.hidden = true;
      notifications.replace(items);
    } catch {
      this.#loadedFor = null;
      this.#problem.hidden = false;
    }
  }

  async #markAllRead(): Promise<void> {
    if (notifications.unreadCount === 0) return;
    try {
      await markAllNotificationsRead(api);
      this.#problem.hidden = true;
      notifications.markAllRead();
    } catch {
      setText(locale, this.#problem, ref('notifications.markFailed'));
      this.#problem.hidden = false;
    }
  }

  #close(): void {
    this.#details.open = false;
    this.#summary.focus();
  }

  #announce(notification: AppNotification): void {
    setText(locale, this.#announcer, notificationText(notification, locale.locale, whenNow()));
  }

  #renderList(): void {
    const groups = groupNotices(notifications.items);
    const unread = groups.filter((group) => group.unread).length;
    setText(locale, this.#unread, unread === 0 ? null : ref('notifications.unread', { count: unread }));
    this.#count.textContent = String(unread);
    this.#count.hidden = unread === 0;
    this.#markRead.hidden = unread === 0;
    this.#empty.hidden = groups.length > 0;
    const language = locale.locale;
    const when = whenNow();
    this.#list.replaceChildren(...groups.map((group) => this.#row(group, language, when)));
  }

  #row({ lead, others, unread }: NoticeGroup, language: string, when: WhenContext): HTMLLIElement {
    const link = notificationLink(lead);
    const text = translated(locale, link === null ? 'span' : 'a', notificationText(lead, language, when), {
      class: 'notification-text',
      ...(link === null ? {} : { href: link }),
    });
    const more =
      others.length === 0
        ? null
        : translated(locale, 'span', ref('notifications.grouped', { count: others.length }), {
            class: 'notification-more',
            'data-testid': 'notification-more',
          });
    return h(
      'li',
      { class: `notification${unread ? ' is-unread' : ''}`, 'data-testid': 'notification' },
      unread ? translated(locale, 'span', 'notifications.new', { class: 'visually-hidden' }) : null,
      text,
      more === null ? null : ' ',
      more,
      h('span', { class: 'notification-time' }, formatMessageTime(lead.createdAt, locale.intlLocale)),
    );
  }
}

define('tp-notification-bell', NotificationBell);

declare global {
  interface HTMLElementTagNameMap {
    'tp-notification-bell': NotificationBell;
  }
}
