import type { Power } from '../api/moderation.ts';
import type { ChatMessage } from '../api/rooms.ts';

/**
 * What a message's menu offers: `report` it to the facilitators, tell them one is `worry`-ing
 * about its writer (without quoting the message), `hide` its author's messages from oneself, or
 * `remove` it for everyone (facilitators).
 */
export type MessageAction = 'report' | 'worry' | 'hide' | 'remove';

/** Who looks at the message: their powers in the room, and whether they administer the service. */
export type MessageViewer = {
  powers: ReadonlySet<Power>;
  admin: boolean;
};

/**
 * The actions a viewer has on one stored message, in menu order. A removed message offers
 * nothing. One's own messages cannot be reported or hidden, nor their writer worried about (nor a
 * facilitator, who is there to help). A facilitator's messages are never
 * hidden (they may carry the group's instructions or a crisis message) and are removed only by
 * an administrator or the facilitator who wrote them, as the server allows.
 */
export function messageActions(message: Pick<ChatMessage, 'removed' | 'authorRole'>, own: boolean, viewer: MessageViewer): MessageAction[] {
  if (message.removed) return [];
  const facilitator = message.authorRole === 'FACILITATOR';
  const actions: MessageAction[] = [];
  if (!own && viewer.powers.has('REPORT')) actions.push(...(facilitator ? ['report' as const] : ['report' as const, 'worry' as const]));
  if (!own && !facilitator) actions.push('hide');
  if (viewer.powers.has('REMOVE_MESSAGE') && (own || viewer.admin || !facilitator)) actions.push('remove');
  return actions;
}
