package fi.tukipiiri.rooms;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A stored message; a removed one keeps its place in the sequence but carries no text for
 * readers.
 *
 * @param removedByWriter the message was removed by the member who wrote it (not by a
 * facilitator); false while it is not removed
 * @param editedAt when its writer last edited it; null when never
 * @param kind what the message is; a {@link MessageKind#CRISIS} message also carries its
 * {@code translations}
 * @param translations language code (fi, sv, en, …) → the text in that language; null for
 * a {@code TEXT} message. {@code body} then holds every translation, so a reader that
 * knows no translations still reads it whole
 * @param sensitive its writer marked it as sensitive when sending it (a content note):
 * readers other than the writer are shown a short note and reveal the text themselves.
 * Chosen once, at sending; an edit keeps it. Always false for a {@code CRISIS} message
 * @param answersSeq for an {@link MessageKind#ANSWER}, the {@code seq} of the published
 * question it answers; null for every other kind
 */
public record ChatMessage(UUID roomId, long seq, UUID id, UUID authorId, String authorDisplayName, RoomRole authorRole,
		String body, Instant sentAt, boolean removed, MessageKind kind, Map<String, String> translations,
		boolean removedByWriter, Instant editedAt, boolean sensitive, Long answersSeq) {

	ChatMessage(UUID roomId, long seq, UUID id, UUID authorId, String authorDisplayName, RoomRole authorRole,
			String body, Instant sentAt) {
		this(roomId, seq, id, authorId, authorDisplayName, authorRole, body, sentAt, false, MessageKind.TEXT, null,
				false, null, false, null);
	}

	/**
	 * The message as its writer edited it: the new body, and when; the content note
	 * stays.
	 */
	ChatMessage edited(String newBody, Instant at) {
		return new ChatMessage(roomId, seq, id, authorId, authorDisplayName, authorRole, newBody, sentAt, removed, kind,
				translations, removedByWriter, at, sensitive, answersSeq);
	}
}
