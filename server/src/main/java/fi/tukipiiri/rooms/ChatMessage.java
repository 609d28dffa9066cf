package fi.tukipiiri.rooms;

import java.time.Instant;
import java.util.UUID;

/** A stored message; a removed one keeps its place in the sequence but carries no text for readers. */
public record ChatMessage(UUID roomId, long seq, UUID id, UUID authorId, String authorDisplayName, RoomRole authorRole,
		String body, Instant sentAt, boolean removed) {

	ChatMessage(UUID roomId, long seq, UUID id, UUID authorId, String authorDisplayName, RoomRole authorRole, String body,
			Instant sentAt) {
		this(roomId, seq, id, authorId, authorDisplayName, authorRole, body, sentAt, false);
	}
}
