package fi.tukipiiri.rooms.messaging;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

import fi.tukipiiri.rooms.ChatMessage;
import fi.tukipiiri.rooms.ClusterRelay;
import fi.tukipiiri.rooms.MessageKind;
import fi.tukipiiri.rooms.MessagePosted;
import fi.tukipiiri.rooms.RoomRole;

/** Every stored message reaches the room's subscribers on every node, once it is committed (never if it rolls back). */
@Component
class MessageBroadcast {

	private final ClusterRelay relay;

	MessageBroadcast(ClusterRelay relay) {
		this.relay = relay;
	}

	/**
	 * What every subscriber of {@code /topic/rooms/{roomId}} receives for a new message. The sender's client id lets the
	 * sender's other tabs, and the sender itself if the broadcast overtakes the ack, settle a pending message. A crisis
	 * message carries its {@code translations}, so each reader shows it in their own language.
	 */
	record MessageEvent(String type, UUID roomId, long seq, UUID id, UUID authorId, String authorDisplayName,
			RoomRole authorRole, String body, Instant sentAt, String clientId, MessageKind kind, Map<String, String> translations) {

		static MessageEvent of(ChatMessage message, String clientId) {
			return new MessageEvent("message", message.roomId(), message.seq(), message.id(), message.authorId(),
					message.authorDisplayName(), message.authorRole(), message.body(), message.sentAt(), clientId, message.kind(),
					message.translations());
		}
	}

	@TransactionalEventListener
	void on(MessagePosted posted) {
		relay.publish("/topic/rooms/" + posted.roomId(), MessageEvent.of(posted.message(), posted.clientId()));
	}
}
