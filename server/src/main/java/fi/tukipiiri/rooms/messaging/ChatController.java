package fi.tukipiiri.rooms.messaging;

import java.security.Principal;
import java.time.Instant;
import java.util.UUID;

import org.springframework.messaging.handler.annotation.DestinationVariable;
import org.springframework.messaging.handler.annotation.MessageMapping;
import org.springframework.messaging.handler.annotation.Payload;
import org.springframework.messaging.simp.annotation.SendToUser;
import org.springframework.stereotype.Controller;

import fi.tukipiiri.rooms.ChatMessage;
import fi.tukipiiri.rooms.ClusterRelay;
import fi.tukipiiri.rooms.MessageService;
import fi.tukipiiri.rooms.RoomRole;

/** {@code SEND /app/rooms/{roomId}/messages}: store, acknowledge to the sender after commit, deliver to the room. */
@Controller
class ChatController {

	private final MessageService messages;
	private final ClusterRelay relay;

	ChatController(MessageService messages, ClusterRelay relay) {
		this.messages = messages;
		this.relay = relay;
	}

	record SendMessage(String clientId, String body) {
	}

	record Ack(String clientId, UUID roomId, long seq, UUID messageId, Instant sentAt) {
	}

	/**
	 * What every subscriber of {@code /topic/rooms/{roomId}} receives for a new message. The sender's client id
	 * lets the sender's other tabs, and the sender itself if the broadcast overtakes the ack, settle a pending message.
	 */
	record MessageEvent(String type, UUID roomId, long seq, UUID id, UUID authorId, String authorDisplayName,
			RoomRole authorRole, String body, Instant sentAt, String clientId) {

		static MessageEvent of(ChatMessage message, String clientId) {
			return new MessageEvent("message", message.roomId(), message.seq(), message.id(), message.authorId(),
					message.authorDisplayName(), message.authorRole(), message.body(), message.sentAt(), clientId);
		}
	}

	@MessageMapping("/rooms/{roomId}/messages")
	@SendToUser(destinations = "/queue/acks", broadcast = false)
	Ack send(@DestinationVariable UUID roomId, @Payload SendMessage request, Principal sender) {
		MessageService.Sent sent = messages.send(roomId, UUID.fromString(sender.getName()), request.clientId(), request.body());
		ChatMessage message = sent.message();
		if (!sent.duplicate()) {
			relay.publish("/topic/rooms/" + roomId, MessageEvent.of(message, request.clientId()));
		}
		return new Ack(request.clientId(), roomId, message.seq(), message.id(), message.sentAt());
	}
}
