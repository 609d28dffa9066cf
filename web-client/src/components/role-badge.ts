import { locale } from '../context.ts';
import { translated } from '../i18n/dom.ts';
import type { MessageKey } from '../i18n/languages.ts';

const badgeText: Partial<Record<string, MessageKey>> = {
  FACILITATOR: 'chat.badge.FACILITATOR',
  PEER_SUPPORTER: 'chat.badge.PEER_SUPPORTER',
};

/** "Ohjaaja" or "Vertaistoimija" beside a name; nothing for participants. */
export function roleBadge(role: string | null): HTMLSpanElement | null {
  const key = role === null ? undefined : badgeText[role];
  if (key === undefined) return null;
  return translated(locale, 'span', key, {
    class: `role-badge role-badge-${role === 'FACILITATOR' ? 'facilitator' : 'peer'}`,
    'data-testid': 'role-badge',
  });
}
