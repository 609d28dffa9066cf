package fi.tukipiiri.sessionnotes;

import java.time.Instant;
import java.util.UUID;

/**
 * A note as its readers see it.
 *
 * @param roomId the room it was written in
 * @param sessionId the series session that room was opened for; {@code null} for a room
 * outside any series
 * @param sessionPosition that session's place in the series (1, 2, …), or {@code null}
 * @param authorId who wrote it
 * @param authorName their display name ({@code null} only if their account is no longer
 * active)
 * @param body the text, folded by the text policy
 * @param editedAt when its writer last changed it; {@code null} when never
 */
public record SessionNote(UUID id, UUID roomId, UUID sessionId, Integer sessionPosition, UUID authorId,
		String authorName, String body, Instant createdAt, Instant editedAt) {
}
