import type { Power } from '../api/moderation.ts';
import type { ChatMessage } from '../api/rooms.ts';

/**
 * What a message's menu offers: `report` it to the facilitators, tell them one is `worry`-ing
 * about its writer (without quoting the message), `hide` its author's messages from oneself,
 * `remove` it for everyone (facilitators), or, on one's own message, `edit` it (for a while after
 * sending) or `delete` it.
 */
export type MessageAction = 'report' | 'worry' | 'hide' | 'remove' | 'edit' | 'delete';

/**
 * Who looks at the message: their powers in the room, whether they administer the service, and
 * for their own messages the time now and how long after sending a message may be edited (both
 * in milliseconds; without them nothing is offered for editing).
 */
export type MessageViewer = {
  powers: ReadonlySet<Power>;
  admin: boolean;
  now?: number;
  editWindowMs?: number;
};

/**
 * The actions a viewer has on one stored message, in menu order. A removed message offers
 * nothing. One's own message can be edited while the edit window lasts (a text message only, not
 * the crisis message) and deleted at any time, but not reported or hidden, nor its writer worried
 * about (nor a facilitator, who is there to help). A facilitator's messages are never hidden
 * (they may carry the group's instructions or a crisis message) and are removed only by an
 * administrator, as the server allows.
 */
export function messageActions(
  message: Pick<ChatMessage, 'removed' | 'authorRole' | 'kind' | 'sentAt'>,
  own: boolean,
  viewer: MessageViewer,
): MessageAction[] {
  if (message.removed) return [];
  // A published question names nobody: there is no one to report, hide or worry about, only
  // the text for those who moderate to remove.
  if (message.kind === 'QUESTION') return viewer.powers.has('REMOVE_MESSAGE') ? ['remove'] : [];
  if (own) return editable(message, viewer) ? ['edit', 'delete'] : ['delete'];
  const facilitator = message.authorRole === 'FACILITATOR';
  const actions: MessageAction[] = [];
  if (viewer.powers.has('REPORT')) actions.push(...(facilitator ? ['report' as const] : ['report' as const, 'worry' as const]));
  if (!facilitator) actions.push('hide');
  if (viewer.powers.has('REMOVE_MESSAGE') && (viewer.admin || !facilitator)) actions.push('remove');
  return actions;
}

function editable(message: Pick<ChatMessage, 'kind' | 'sentAt'>, viewer: MessageViewer): boolean {
  const kind = message.kind ?? 'TEXT';
  if ((kind !== 'TEXT' && kind !== 'ANSWER') || viewer.now === undefined || viewer.editWindowMs === undefined) return false;
  const sent = Date.parse(message.sentAt);
  return Number.isFinite(sent) && viewer.now - sent < viewer.editWindowMs;
}
