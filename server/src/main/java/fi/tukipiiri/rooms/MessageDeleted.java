package fi.tukipiiri.rooms;

import java.util.UUID;

import fi.tukipiiri.delivery.Audience;
import fi.tukipiiri.delivery.LiveEvent;
import fi.tukipiiri.delivery.RoomTopic;

/**
 * A member removed their own message; it keeps its place as "removed by its writer"
 * (published inside the removing transaction; heard after commit). Subscribers of the
 * room's messages hear it as a {@link Broadcast}; moderation keeps the text in the audit
 * log.
 *
 * @param message the message as it was written, before its removal
 */
public record MessageDeleted(ChatMessage message) implements LiveEvent {

	public UUID roomId() {
		return message.roomId();
	}

	@Override
	public Audience audience() {
		return Audience.room(message.roomId(), RoomTopic.MESSAGES);
	}

	@Override
	public Broadcast payload() {
		return new Broadcast("message-deleted", message.roomId(), message.seq(), message.id());
	}

	/** What readers receive: which message its writer removed. */
	public record Broadcast(String type, UUID roomId, long seq, UUID id) {
	}

}
