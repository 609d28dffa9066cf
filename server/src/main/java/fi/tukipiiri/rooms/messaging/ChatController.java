package fi.tukipiiri.rooms.messaging;

import java.security.Principal;
import java.time.Instant;
import java.util.UUID;

import org.springframework.messaging.handler.annotation.DestinationVariable;
import org.springframework.messaging.handler.annotation.MessageMapping;
import org.springframework.messaging.handler.annotation.Payload;
import org.springframework.messaging.simp.annotation.SendToUser;
import org.springframework.stereotype.Controller;

import fi.tukipiiri.delivery.Destinations;
import fi.tukipiiri.rooms.ChatMessage;
import fi.tukipiiri.rooms.MessageService;

/**
 * {@code SEND /app/rooms/{roomId}/messages}: store, and acknowledge to the sender after
 * commit; {@link MessageBroadcast} delivers it to the room.
 */
@Controller
class ChatController {

	private final MessageService messages;

	ChatController(MessageService messages) {
		this.messages = messages;
	}

	record SendMessage(String clientId, String body) {
	}

	record Ack(String clientId, UUID roomId, long seq, UUID messageId, Instant sentAt) {
	}

	@MessageMapping(Destinations.SEND_MESSAGE)
	@SendToUser(destinations = Destinations.ACKS, broadcast = false)
	Ack send(@DestinationVariable UUID roomId, @Payload SendMessage request, Principal sender) {
		MessageService.Sent sent = messages.send(roomId, UUID.fromString(sender.getName()), request.clientId(),
				request.body());
		ChatMessage message = sent.message();
		return new Ack(request.clientId(), roomId, message.seq(), message.id(), message.sentAt());
	}

}
