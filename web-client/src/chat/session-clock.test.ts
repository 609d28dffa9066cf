import { describe, expect, it } from 'vitest';
import { sessionClockText } from './session-clock.ts';

const session = { position: 2, state: 'LOBBY' as const, startsAt: '2026-11-30T16:00:00Z', endsAt: '2026-11-30T17:30:00Z' };
const at = (iso: string) => Date.parse(iso);

describe('the session clock', () => {
  it('counts down to the start in the lobby, then the minutes left, then says it ended', () => {
    expect(sessionClockText(session, at('2026-11-30T15:48:30Z'))).toEqual({ keys: ['chat.clock.startsIn'], params: { minutes: 12 } });
    expect(sessionClockText({ ...session, state: 'LIVE' }, at('2026-11-30T16:55:00Z'))).toEqual({
      keys: ['chat.clock.left'],
      params: { minutes: 35 },
    });
    expect(sessionClockText({ ...session, state: 'LIVE' }, at('2026-11-30T17:29:59Z'))).toEqual({
      keys: ['chat.clock.left'],
      params: { minutes: 1 },
    });
    expect(sessionClockText({ ...session, state: 'LIVE' }, at('2026-11-30T17:30:00Z'))).toEqual({ keys: ['chat.clock.ended'] });
    expect(sessionClockText({ ...session, state: 'ENDED' }, at('2026-11-30T16:10:00Z'))).toEqual({ keys: ['chat.clock.ended'] });
    expect(sessionClockText({ ...session, state: 'CANCELLED' }, at('2026-11-30T16:10:00Z'))).toEqual({ keys: ['chat.clock.cancelled'] });
    expect(sessionClockText({ ...session, startsAt: 'x' }, at('2026-11-30T16:10:00Z'))).toBeNull();
  });
});
