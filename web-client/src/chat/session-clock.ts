import type { TextRef } from '../i18n/dom.ts';
import { ref } from '../i18n/dom.ts';

/** A session room's session, as the room's guide tells it. */
export type SessionClock = {
  position: number;
  /** The session's theme; older servers may leave it out. */
  theme?: { fi: string; en: string };
  state: 'SCHEDULED' | 'LOBBY' | 'LIVE' | 'ENDED' | 'CANCELLED';
  startsAt: string;
  endsAt: string;
};

const MINUTE_MS = 60_000;

/**
 * What the room says of its session at `now` (ms): the lobby and how soon it starts, live and how
 * many minutes are left, or ended; `null` when the times cannot be read. Minutes are rounded up,
 * so "1 min" is shown until the very end.
 */
export function sessionClockText(session: SessionClock, now: number): TextRef | null {
  const starts = Date.parse(session.startsAt);
  const ends = Date.parse(session.endsAt);
  if (!Number.isFinite(starts) || !Number.isFinite(ends)) return null;
  if (session.state === 'CANCELLED') return ref('chat.clock.cancelled');
  if (session.state === 'ENDED' || now >= ends) return ref('chat.clock.ended');
  if (now < starts) return ref('chat.clock.startsIn', { minutes: Math.ceil((starts - now) / MINUTE_MS) });
  return ref('chat.clock.left', { minutes: Math.ceil((ends - now) / MINUTE_MS) });
}
