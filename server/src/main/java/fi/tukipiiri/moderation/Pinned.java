package fi.tukipiiri.moderation;

import java.time.Instant;
import java.util.UUID;

/** A room's pinned announcement. */
public record Pinned(String text, UUID pinnedBy, String pinnedByName, Instant pinnedAt) {
}
