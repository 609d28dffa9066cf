package fi.tukipiiri.peersupport;

import java.time.Instant;
import java.util.UUID;

/** A coordinator or administrator withdrew an open invitation before it was answered. */
public record PeerInvitationWithdrawn(UUID invitationId, UUID accountId, UUID seriesId, String seriesTitle,
		UUID withdrawnBy, Instant withdrawnAt) {
}
