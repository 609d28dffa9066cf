package fi.tukipiiri.peersupport;

import java.time.Instant;
import java.util.UUID;

/**
 * An invitation to go on as a peer supporter, as it stands now.
 *
 * @param seriesId the completed series the person took part in
 * @param seriesTitle its title
 * @param accountId the person invited
 * @param displayName their display name (nickname)
 * @param invitedBy the coordinator or administrator who invited; null once that account
 * is erased
 * @param invitedByName their display name; null likewise
 * @param status {@link Status#EXPIRED} as soon as {@code expiresAt} has passed unanswered
 * @param expiresAt until when it can be accepted or declined
 * @param closedAt when it was accepted, declined or withdrawn, or expired; null while
 * open
 */
public record PeerInvitation(UUID id, UUID seriesId, String seriesTitle, UUID accountId, String displayName,
		UUID invitedBy, String invitedByName, Status status, Instant createdAt, Instant expiresAt, Instant closedAt) {

	/** Where an invitation stands; every state but {@link #OPEN} is final. */
	public enum Status {

		OPEN, ACCEPTED, DECLINED, WITHDRAWN, EXPIRED

	}

}
