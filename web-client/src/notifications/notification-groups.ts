import type { AppNotification } from '../api/notifications.ts';

/** Notices of one kind about one series this close to each other are one burst. */
export const BURST_GAP_MS = 10 * 60 * 1000;

/** One row of the bell: the newest notice of a burst and the others like it, newest first. */
export type NoticeGroup = {
  readonly lead: AppNotification;
  readonly others: readonly AppNotification[];
  /** Whether any notice of the group is unread. */
  readonly unread: boolean;
};

function time(notification: AppNotification): number {
  return new Date(notification.createdAt).getTime();
}

/**
 * Whether two notices, the first newer, belong to one burst: the same kind about the same series
 * (`params.seriesId`), created within ten minutes of each other. Planning or moving a series'
 * meetings makes such bursts; notices without a series are never grouped.
 */
export function sameBurst(newer: AppNotification, older: AppNotification): boolean {
  const series = newer.params['seriesId'];
  if (series === undefined || series === '' || older.params['seriesId'] !== series || newer.kind !== older.kind) return false;
  const gap = time(newer) - time(older);
  return gap >= 0 && gap <= BURST_GAP_MS;
}

/** Groups consecutive notices (newest first, as the store keeps them) into bursts. */
export function groupNotices(items: readonly AppNotification[]): NoticeGroup[] {
  const groups: { lead: AppNotification; others: AppNotification[] }[] = [];
  for (const item of items) {
    const current = groups[groups.length - 1];
    const last = current === undefined ? undefined : (current.others[current.others.length - 1] ?? current.lead);
    if (current !== undefined && last !== undefined && sameBurst(last, item)) current.others.push(item);
    else groups.push({ lead: item, others: [] });
  }
  return groups.map(({ lead, others }) => ({
    lead,
    others,
    unread: lead.readAt === null || others.some((other) => other.readAt === null),
  }));
}

/**
 * Whether a notice that just arrived joins a burst already in the bell (then it is not announced
 * again): the newest notice held is of the same burst.
 */
export function joinsBurst(arrived: AppNotification, held: readonly AppNotification[]): boolean {
  const newest = held.find((item) => item.id !== arrived.id);
  return newest !== undefined && sameBurst(arrived, newest);
}
