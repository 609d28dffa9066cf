package fi.tukipiiri.presence.messaging;

import java.security.Principal;
import java.util.UUID;

import org.springframework.messaging.handler.annotation.DestinationVariable;
import org.springframework.messaging.handler.annotation.MessageMapping;
import org.springframework.stereotype.Controller;

import fi.tukipiiri.delivery.Destinations;
import fi.tukipiiri.presence.PresenceService;

/**
 * {@code SEND /app/rooms/{roomId}/typing}: a throttled "is typing" notice to the room;
 * the body is ignored.
 */
@Controller
class TypingController {

	private final PresenceService presence;

	TypingController(PresenceService presence) {
		this.presence = presence;
	}

	@MessageMapping(Destinations.SEND_TYPING)
	void typing(@DestinationVariable UUID roomId, Principal sender) {
		presence.typing(roomId, UUID.fromString(sender.getName()));
	}

}
