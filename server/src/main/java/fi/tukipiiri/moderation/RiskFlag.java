package fi.tukipiiri.moderation;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A message that touched risk words, shown privately to the room's facilitators; the
 * message itself is untouched.
 *
 * @param excerpt the message as it reads now; null once removed
 * @param sensitive its writer marked the message as sensitive (a content note), so a
 * reviewer's screen shows the excerpt on request, as the room does; false once removed
 */
public record RiskFlag(UUID id, UUID roomId, UUID messageId, long seq, UUID authorId, String authorName, String excerpt,
		List<String> categories, Instant createdAt, boolean seen, boolean sensitive) {
}
