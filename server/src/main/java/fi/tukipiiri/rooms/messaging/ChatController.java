package fi.tukipiiri.rooms.messaging;

import java.security.Principal;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.springframework.messaging.handler.annotation.DestinationVariable;
import org.springframework.messaging.handler.annotation.Header;
import org.springframework.messaging.handler.annotation.MessageMapping;
import org.springframework.messaging.handler.annotation.Payload;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.stereotype.Controller;

import fi.tukipiiri.delivery.Destinations;
import fi.tukipiiri.delivery.SessionReplies;
import fi.tukipiiri.rooms.ChatMessage;
import fi.tukipiiri.rooms.MessageService;

/**
 * {@code SEND /app/rooms/{roomId}/messages}: store, and acknowledge to the sending
 * connection on {@code /user/queue/acks} after commit; delivery tells the room
 * ({@code MessagePosted}).
 */
@Controller
class ChatController {

	private final MessageService messages;

	private final SessionReplies replies;

	ChatController(MessageService messages, SessionReplies replies) {
		this.messages = messages;
		this.replies = replies;
	}

	/**
	 * @param sensitive {@code true} marks the message as sensitive (a content note);
	 * {@code false}, null or left out: not marked. Only a JSON boolean is taken.
	 */
	record SendMessage(String clientId, String body, Boolean sensitive) {
	}

	record Ack(String clientId, UUID roomId, long seq, UUID messageId, Instant sentAt) {
	}

	/**
	 * Answers once the message is committed: the future fails with the refusal itself
	 * (not wrapped), so {@link StompErrorAdvice} answers it as if thrown here.
	 */
	@MessageMapping(Destinations.SEND_MESSAGE)
	CompletableFuture<Void> send(@DestinationVariable UUID roomId, @Payload SendMessage request, Principal sender,
			@Header(SimpMessageHeaderAccessor.SESSION_ID_HEADER) String sessionId) {
		CompletableFuture<Void> answered = new CompletableFuture<>();
		this.messages
			.send(roomId, UUID.fromString(sender.getName()), request.clientId(), request.body(),
					Boolean.TRUE.equals(request.sensitive()))
			.whenComplete((sent, failure) -> {
				if (failure != null) {
					answered.completeExceptionally(failure);
					return;
				}
				ChatMessage message = sent.message();
				this.replies.toSession(sessionId, Destinations.ACKS,
						new Ack(request.clientId(), roomId, message.seq(), message.id(), message.sentAt()));
				answered.complete(null);
			});
		return answered;
	}

}
