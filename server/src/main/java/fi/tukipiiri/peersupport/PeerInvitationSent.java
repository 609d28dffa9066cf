package fi.tukipiiri.peersupport;

import java.time.Instant;
import java.util.UUID;

/**
 * A coordinator invited a participant of a completed series to go on as a peer supporter.
 */
public record PeerInvitationSent(UUID invitationId, UUID accountId, UUID seriesId, String seriesTitle, UUID invitedBy,
		Instant invitedAt, Instant expiresAt) {
}
