package fi.tukipiiri.rooms;

import java.time.Instant;
import java.util.UUID;

/** A stored message. {@code authorDisplayName} is the author's current nickname. */
public record ChatMessage(UUID roomId, long seq, UUID id, UUID authorId, String authorDisplayName, RoomRole authorRole,
		String body, Instant sentAt) {
}
