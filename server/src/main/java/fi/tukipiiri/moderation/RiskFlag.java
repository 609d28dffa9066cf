package fi.tukipiiri.moderation;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A message that touched risk words, shown privately to the room's facilitators; the
 * message itself is untouched.
 */
public record RiskFlag(UUID id, UUID roomId, UUID messageId, long seq, UUID authorId, String authorName, String excerpt,
		List<String> categories, Instant createdAt, boolean seen) {
}
