import type { PeerCandidate, PeerInvitation } from '../api/peer-invitations.ts';
import type { TextRef } from '../i18n/dom.ts';
import { dateTimeFormat } from '../i18n/formats.ts';

/** A day as people read it, in Helsinki time ("12.3.2027"). */
export function helsinkiDay(iso: string, intlLocale: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  return dateTimeFormat(intlLocale, { day: 'numeric', month: 'numeric', year: 'numeric' }).format(date);
}

/** Who invited one and after which group; the inviter's name is left out once their account is gone. */
export function invitationWhat(invitation: PeerInvitation): TextRef {
  return invitation.invitedByName === null
    ? { keys: ['peerInvite.own.whatNameless'], params: { series: invitation.seriesTitle } }
    : { keys: ['peerInvite.own.what'], params: { series: invitation.seriesTitle, name: invitation.invitedByName } };
}

/** Where an invitation stands: open until a day, or when it was accepted, declined, withdrawn or expired. */
export function invitationStatus(invitation: PeerInvitation, intlLocale: string): TextRef {
  if (invitation.status === 'OPEN') {
    return { keys: ['peerInvite.status.OPEN'], params: { date: helsinkiDay(invitation.expiresAt, intlLocale) } };
  }
  const when = invitation.closedAt ?? invitation.expiresAt;
  return { keys: [`peerInvite.status.${invitation.status}`], params: { date: helsinkiDay(when, intlLocale) } };
}

/** How often a participant came: "2/9 tapaamista". */
export function attendanceText(candidate: PeerCandidate): TextRef {
  return { keys: ['peerInvite.candidates.attended'], params: { attended: candidate.sessionsAttended, held: candidate.sessionsHeld } };
}

/**
 * What the coordinator is told about a participant besides their name: already staff, invited (until
 * when), or how their last invitation ended; null when there is nothing to say.
 */
export function candidateStanding(candidate: PeerCandidate, intlLocale: string): TextRef | null {
  if (candidate.standing === 'HAS_ROLE') return { keys: ['peerInvite.candidates.hasRole'] };
  const invitation = candidate.invitation;
  if (invitation === null) return null;
  const when = invitation.status === 'OPEN' ? invitation.expiresAt : (invitation.closedAt ?? invitation.expiresAt);
  return { keys: [`peerInvite.candidate.${invitation.status}`], params: { date: helsinkiDay(when, intlLocale) } };
}

/** Whether an open invitation can be withdrawn from this list. */
export function withdrawable(candidate: PeerCandidate): boolean {
  return candidate.standing === 'INVITED' && candidate.invitation?.status === 'OPEN';
}

/** Open invitations first, then the rest, each newest first (the server's order). */
export function openFirst(invitations: readonly PeerInvitation[]): PeerInvitation[] {
  return [...invitations.filter((item) => item.status === 'OPEN'), ...invitations.filter((item) => item.status !== 'OPEN')];
}
