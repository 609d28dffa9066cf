package fi.tukipiiri.rooms;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import fi.tukipiiri.delivery.Audience;
import fi.tukipiiri.delivery.LiveEvent;
import fi.tukipiiri.delivery.RoomTopic;

/**
 * A new message was stored in a room, sent with {@code clientId} (published inside the
 * storing transaction; listeners run after commit, so nothing is told of a message that
 * was not stored). Every subscriber of the room's messages hears it as a
 * {@link Broadcast}.
 */
public record MessagePosted(ChatMessage message, String clientId) implements LiveEvent {

	public UUID roomId() {
		return message.roomId();
	}

	public UUID messageId() {
		return message.id();
	}

	public UUID authorId() {
		return message.authorId();
	}

	@Override
	public Audience audience() {
		return Audience.room(roomId(), RoomTopic.MESSAGES);
	}

	@Override
	public Broadcast payload() {
		return new Broadcast("message", message.roomId(), message.seq(), message.id(), message.authorId(),
				message.authorDisplayName(), message.authorRole(), message.body(), message.sentAt(), clientId,
				message.kind(), message.translations(), message.sensitive(), message.answersSeq());
	}

	/**
	 * What every subscriber of the room's messages receives. The sender's client id lets
	 * the sender's other tabs, and the sender itself if the broadcast overtakes the ack,
	 * settle a pending message. A crisis message carries its {@code translations}, so
	 * each reader shows it in their own language. {@code sensitive}: its writer marked it
	 * with a content note, so readers other than the writer show a note and reveal the
	 * text on request; an answer names the question it answers by its {@code answersSeq}.
	 */
	public record Broadcast(String type, UUID roomId, long seq, UUID id, UUID authorId, String authorDisplayName,
			RoomRole authorRole, String body, Instant sentAt, String clientId, MessageKind kind,
			Map<String, String> translations, boolean sensitive, Long answersSeq) {
	}
}
