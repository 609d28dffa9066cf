package fi.tukipiiri.floor;

import java.time.Instant;
import java.util.UUID;

/**
 * A member's raised hand, as the room's queue shows it.
 *
 * @param accountId whose hand
 * @param displayName their display name (never a username)
 * @param raisedAt when they raised it; raising again keeps it
 */
public record RaisedHand(UUID accountId, String displayName, Instant raisedAt) {
}
