package fi.tukipiiri.rooms;

import java.time.Instant;
import java.util.UUID;

import fi.tukipiiri.delivery.Audience;
import fi.tukipiiri.delivery.LiveEvent;
import fi.tukipiiri.delivery.RoomTopic;

/**
 * A member edited their own message (published inside the editing transaction; heard
 * after commit). Subscribers of the room's messages hear it as a {@link Broadcast};
 * moderation reads the new text for risk and keeps the old one in the audit log.
 *
 * @param message the message as it is now
 * @param previousBody the text it replaced
 */
public record MessageEdited(ChatMessage message, String previousBody) implements LiveEvent {

	public UUID roomId() {
		return message.roomId();
	}

	@Override
	public Audience audience() {
		return Audience.room(message.roomId(), RoomTopic.MESSAGES);
	}

	@Override
	public Broadcast payload() {
		return new Broadcast("message-edited", message.roomId(), message.seq(), message.id(), message.body(),
				message.editedAt());
	}

	/** What readers receive: the message's new text and when it was edited. */
	public record Broadcast(String type, UUID roomId, long seq, UUID id, String body, Instant editedAt) {
	}

}
