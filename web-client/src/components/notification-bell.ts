import { listNotifications, markAllNotificationsRead } from '../api/notifications.ts';
import { formatMessageTime } from '../chat/format.ts';
import { api, chat, locale, notifications, session } from '../context.ts';
import { Component, define } from '../dom/component.ts';
import { h, uniqueId } from '../dom/h.ts';
import { ref, setText, translated } from '../i18n/dom.ts';
import { notificationLink, notificationText } from '../notifications/notification-text.ts';

/**
 * The bell in the header for signed-in users: how many notifications are unread, the list of
 * them, and "mark all read". New ones arrive live over the chat connection.
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
    this.append(this.#details);
    this.#renderList();
  }

  protected override connected(signal: AbortSignal): void {
    notifications.on('notifications-changed', () => this.#renderList(), { signal });
    locale.on('locale-changed', () => this.#renderList(), { signal });
    session.on('session-changed', () => this.#follow(), { signal });
    const stop = chat.watchNotifications((notification) => {
      if (session.status === 'signed-in') notifications.receive(notification);
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

  #renderList(): void {
    const unread = notifications.unreadCount;
    setText(locale, this.#unread, unread === 0 ? null : ref('notifications.unread', { count: unread }));
    this.#count.textContent = String(unread);
    this.#count.hidden = unread === 0;
    this.#markRead.hidden = unread === 0;
    const items = notifications.items;
    this.#empty.hidden = items.length > 0;
    const language = locale.locale;
    this.#list.replaceChildren(
      ...items.map((item) => {
        const link = notificationLink(item);
        const text = translated(locale, link === null ? 'span' : 'a', notificationText(item, language), {
          class: 'notification-text',
          ...(link === null ? {} : { href: link }),
        });
        return h(
          'li',
          { class: `notification${item.readAt === null ? ' is-unread' : ''}`, 'data-testid': 'notification' },
          item.readAt === null ? translated(locale, 'span', 'notifications.new', { class: 'visually-hidden' }) : null,
          text,
          h('span', { class: 'notification-time' }, formatMessageTime(item.createdAt, locale.intlLocale)),
        );
      }),
    );
  }
}

define('tp-notification-bell', NotificationBell);

declare global {
  interface HTMLElementTagNameMap {
    'tp-notification-bell': NotificationBell;
  }
}
