import type { Room } from '../api/rooms.ts';
import { locale } from '../context.ts';
import { h } from '../dom/h.ts';
import { translated } from '../i18n/dom.ts';
import type { MessageKey } from '../i18n/languages.ts';

const stateText: Partial<Record<Room['state'], MessageKey>> = {
  READ_ONLY: 'rooms.state.READ_ONLY',
  ARCHIVED: 'rooms.state.ARCHIVED',
};

const kindText: Record<Room['kind'], MessageKey> = {
  OPEN: 'rooms.kind.OPEN',
  CLOSED: 'rooms.kind.CLOSED',
  PRIVATE: 'rooms.kind.PRIVATE',
};

const ownRoleText: Partial<Record<string, MessageKey>> = {
  FACILITATOR: 'rooms.yourRole.FACILITATOR',
  PEER_SUPPORTER: 'rooms.yourRole.PEER_SUPPORTER',
};

/**
 * The small facts about a room: its kind, an information session's format, its state when not
 * open, and your part in it.
 */
export function roomTags(room: Room): HTMLUListElement {
  const state = stateText[room.state];
  const role = room.myRole === null ? undefined : ownRoleText[room.myRole];
  return h(
    'ul',
    { class: 'room-tags' },
    translated(locale, 'li', kindText[room.kind], {
      class: `tag tag-${room.kind === 'OPEN' ? 'open' : 'closed'}`,
    }),
    room.format === 'INFO_SESSION'
      ? translated(locale, 'li', 'rooms.format.INFO_SESSION', { class: 'tag tag-format', 'data-testid': 'room-format' })
      : null,
    state ? translated(locale, 'li', state, { class: 'tag tag-state', 'data-testid': 'room-state' }) : null,
    role ? translated(locale, 'li', role, { class: 'tag tag-role' }) : null,
    !role && room.kind !== 'OPEN' && room.member ? translated(locale, 'li', 'rooms.member', { class: 'tag tag-role' }) : null,
  );
}
