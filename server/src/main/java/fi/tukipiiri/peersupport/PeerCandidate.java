package fi.tukipiiri.peersupport;

import java.util.UUID;

/**
 * A participant of a completed series, as the coordinator deciding whom to invite sees
 * them.
 *
 * @param displayName their display name (nickname); never a username
 * @param sessionsAttended how many of the series' sessions they attended as a participant
 * @param sessionsHeld how many of its sessions were held (ended)
 * @param standing whether they can be invited now
 * @param invitation their latest invitation, from this or any other series; null when
 * they have never been invited
 */
public record PeerCandidate(UUID accountId, String displayName, int sessionsAttended, int sessionsHeld,
		Standing standing, PeerInvitation invitation) {

	/** Whether a participant can be invited now. */
	public enum Standing {

		/** a parent without an open invitation */
		INVITABLE,
		/** an invitation (of this or another series) is open */
		INVITED,
		/** already a peer supporter, or staff in another role */
		HAS_ROLE

	}

}
