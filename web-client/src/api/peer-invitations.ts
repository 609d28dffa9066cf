import type { ApiClient } from './api-client.ts';

export type PeerInvitationStatus = 'OPEN' | 'ACCEPTED' | 'DECLINED' | 'WITHDRAWN' | 'EXPIRED';

/** An invitation to go on as a peer supporter after a completed series. */
export type PeerInvitation = {
  id: string;
  seriesId: string;
  seriesTitle: string;
  accountId: string;
  displayName: string;
  /** Null once the inviter's account is gone. */
  invitedBy: string | null;
  invitedByName: string | null;
  status: PeerInvitationStatus;
  createdAt: string;
  expiresAt: string;
  /** When it was accepted, declined, withdrawn or expired; null while open. */
  closedAt: string | null;
};

/** A participant of a completed series as the coordinator deciding whom to invite sees them. */
export type PeerCandidate = {
  accountId: string;
  displayName: string;
  sessionsAttended: number;
  sessionsHeld: number;
  standing: 'INVITABLE' | 'INVITED' | 'HAS_ROLE';
  /** Their latest invitation, of this or any other series. */
  invitation: PeerInvitation | null;
};

function own(id: string, action: 'accept' | 'decline'): string {
  return `/api/me/peer-invitations/${encodeURIComponent(id)}/${action}`;
}

/** Rejects with 409 `peer_invitations.series_not_completed` before the series is completed. */
export function fetchPeerCandidates(api: ApiClient, seriesId: string): Promise<PeerCandidate[]> {
  return api.get<PeerCandidate[]>(`/api/series/${encodeURIComponent(seriesId)}/peer-candidates`);
}

export function invitePeer(api: ApiClient, seriesId: string, accountId: string): Promise<PeerInvitation> {
  return api.post<PeerInvitation>('/api/peer-invitations', { seriesId, accountId });
}

export function withdrawPeerInvitation(api: ApiClient, id: string): Promise<PeerInvitation> {
  return api.post<PeerInvitation>(`/api/peer-invitations/${encodeURIComponent(id)}/withdraw`, {});
}

/** One's own invitations, newest first. */
export function fetchOwnPeerInvitations(api: ApiClient): Promise<PeerInvitation[]> {
  return api.get<PeerInvitation[]>('/api/me/peer-invitations');
}

/** Accepting makes one a peer supporter: the server ends the old tokens, so reload the user afterwards. */
export function acceptPeerInvitation(api: ApiClient, id: string): Promise<PeerInvitation> {
  return api.post<PeerInvitation>(own(id, 'accept'), {});
}

export function declinePeerInvitation(api: ApiClient, id: string): Promise<PeerInvitation> {
  return api.post<PeerInvitation>(own(id, 'decline'), {});
}
