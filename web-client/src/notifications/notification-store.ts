import type { AppNotification } from '../api/notifications.ts';
import { TypedEventTarget } from '../state/typed-event-target.ts';

/** The list of notifications or what of it is read changed. */
export class NotificationsChangedEvent extends Event {
  static readonly eventName = 'notifications-changed';

  constructor() {
    super(NotificationsChangedEvent.eventName);
  }
}

export type NotificationEventMap = {
  'notifications-changed': NotificationsChangedEvent;
};

/** Keep at most this many, newest first. */
const MAX_KEPT = 50;

function newestFirst(a: AppNotification, b: AppNotification): number {
  return new Date(b.createdAt).getTime() - new Date(a.createdAt).getTime();
}

/** The signed-in person's notifications: loaded ones and those that arrive live. */
export class NotificationStore extends TypedEventTarget<NotificationEventMap> {
  #items: AppNotification[] = [];

  get items(): readonly AppNotification[] {
    return this.#items;
  }

  get unreadCount(): number {
    return this.#items.filter((item) => item.readAt === null).length;
  }

  /** Replaces the list with what the server returned; live ones that arrived meanwhile stay. */
  replace(items: readonly AppNotification[]): void {
    const byId = new Map<string, AppNotification>();
    for (const item of [...this.#items, ...items]) byId.set(item.id, item);
    this.#items = [...byId.values()].sort(newestFirst).slice(0, MAX_KEPT);
    this.emit(new NotificationsChangedEvent());
  }

  /** Adds one that arrived live; the same one twice is kept once. */
  receive(item: AppNotification): void {
    this.#items = [item, ...this.#items.filter((existing) => existing.id !== item.id)].sort(newestFirst).slice(0, MAX_KEPT);
    this.emit(new NotificationsChangedEvent());
  }

  markAllRead(now: Date = new Date()): void {
    if (this.unreadCount === 0) return;
    const readAt = now.toISOString();
    this.#items = this.#items.map((item) => (item.readAt === null ? { ...item, readAt } : item));
    this.emit(new NotificationsChangedEvent());
  }

  clear(): void {
    if (this.#items.length === 0) return;
    this.#items = [];
    this.emit(new NotificationsChangedEvent());
  }
}
