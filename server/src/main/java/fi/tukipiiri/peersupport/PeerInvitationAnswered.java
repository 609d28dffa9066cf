package fi.tukipiiri.peersupport;

import java.time.Instant;
import java.util.UUID;

/**
 * The person invited accepted (and is now a peer supporter) or declined.
 *
 * @param displayName the person's display name, for the one who invited
 * @param invitedBy who invited; null once that account is erased
 */
public record PeerInvitationAnswered(UUID invitationId, UUID accountId, String displayName, UUID seriesId,
		String seriesTitle, UUID invitedBy, boolean accepted, Instant answeredAt) {
}
