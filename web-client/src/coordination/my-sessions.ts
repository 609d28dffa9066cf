import type { MySession } from '../api/series.ts';
import type { TextRef } from '../i18n/dom.ts';
import { roomRoute, hashOf } from '../routes.ts';
import { joinable } from '../series/calendar.ts';
import { dateTimeFormat } from '../i18n/formats.ts';

/** How often the list asks the server again, so a lobby that opened shows without a reload. */
export const MY_SESSIONS_REFRESH_MS = 30_000;

/** Rooms open this long before a session starts (the server's default). */
export const LOBBY_OPENS_MINUTES_BEFORE = 15;

/** The room's address once the session's lobby is open; null before. */
export function joinHref(mine: MySession): string | null {
  const { session } = mine;
  return joinable(session) && session.roomId !== null ? hashOf(roomRoute(session.roomId)) : null;
}

/** When the room is expected to open. */
export function lobbyOpensAt(startsAt: string): Date {
  return new Date(new Date(startsAt).getTime() - LOBBY_OPENS_MINUTES_BEFORE * 60_000);
}

/** What the join button's note says: open now, or from what time (Helsinki). */
export function joinNote(mine: MySession, intlLocale: string): TextRef {
  if (joinHref(mine) !== null) {
    return { keys: [mine.session.state === 'LIVE' ? 'mySessions.liveNow' : 'mySessions.lobbyOpen'] };
  }
  const opens = lobbyOpensAt(mine.session.startsAt);
  if (Number.isNaN(opens.getTime())) return { keys: ['mySessions.opensLater'] };
  const time = dateTimeFormat(intlLocale, { hour: '2-digit', minute: '2-digit' }).format(opens);
  return { keys: ['mySessions.opensAt'], params: { time, minutes: LOBBY_OPENS_MINUTES_BEFORE } };
}

/** Soonest first. */
export function orderedSessions(list: readonly MySession[]): MySession[] {
  return [...list].sort((a, b) => a.session.startsAt.localeCompare(b.session.startsAt) || a.session.position - b.session.position);
}
