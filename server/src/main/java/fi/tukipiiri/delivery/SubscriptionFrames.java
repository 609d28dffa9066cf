package fi.tukipiiri.delivery;

import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.messaging.support.ChannelInterceptor;
import org.springframework.messaging.support.MessageHeaderAccessor;
import org.springframework.stereotype.Component;

import fi.tukipiiri.delivery.StompErrors.StompError;
import fi.tukipiiri.platform.RefusalLog;

/**
 * Refuses a {@code SUBSCRIBE} without its {@code id} or {@code destination}, and an
 * {@code UNSUBSCRIBE} without its {@code id} (STOMP 1.2 requires them), with
 * {@code request.malformed} on {@code /user/queue/errors}, before any part of the server
 * reads them: a subscription without an id cannot be told apart or ended.
 */
@Component
class SubscriptionFrames implements ChannelInterceptor {

	private static final RefusalLog REFUSALS = RefusalLog.of("stomp-frame");

	private final StompErrors errors;

	SubscriptionFrames(StompErrors errors) {
		this.errors = errors;
	}

	@Override
	public Message<?> preSend(Message<?> message, MessageChannel channel) {
		StompHeaderAccessor frame = MessageHeaderAccessor.getAccessor(message, StompHeaderAccessor.class);
		if (frame == null) {
			return message;
		}
		StompCommand command = frame.getCommand();
		if (command != StompCommand.SUBSCRIBE && command != StompCommand.UNSUBSCRIBE) {
			return message;
		}
		String missing = frame.getSubscriptionId() == null ? "no id"
				: command == StompCommand.SUBSCRIBE && frame.getDestination() == null ? "no destination" : null;
		if (missing == null) {
			return message;
		}
		REFUSALS.refused(command.name(), missing);
		errors.send(frame.getUser(), frame.getSessionId(), new StompError("request.malformed",
				"A SUBSCRIBE needs its id and destination, an UNSUBSCRIBE its id.", null, null));
		return null;
	}

}
