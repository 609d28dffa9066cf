package fi.tukipiiri.rooms;

import java.util.UUID;

/**
 * A new message was stored in a room, sent with {@code clientId} (published inside the storing transaction; listeners
 * run after commit, so nothing is told of a message that was not stored).
 */
public record MessagePosted(ChatMessage message, String clientId) {

	public UUID roomId() {
		return message.roomId();
	}

	public UUID messageId() {
		return message.id();
	}

	public UUID authorId() {
		return message.authorId();
	}
}
