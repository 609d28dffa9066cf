package fi.tukipiiri.delivery;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.MessageHandler;
import org.springframework.messaging.handler.invocation.AbstractMethodMessageHandler;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.messaging.simp.SimpMessageType;
import org.springframework.messaging.support.ExecutorChannelInterceptor;
import org.springframework.stereotype.Component;

import fi.tukipiiri.delivery.StompErrors.StompError;
import fi.tukipiiri.platform.RefusalLog;

/**
 * Sheds load instead of queueing without limit: at most
 * {@code tukipiiri.chat.max-sends-in-flight} chat messages are being taken in on this
 * node at once (received, not yet handed to the store, whose own queue has the same
 * bound), and none while its readers hear messages more than
 * {@code tukipiiri.chat.max-delivery-lag} late ({@link RelayLag}); a message beyond that
 * is answered at once on the sender's {@code /user/queue/errors} with {@code server.busy}
 * and {@code
 * retryAfterSeconds}, with its {@code clientId}, and nothing is stored, so the client
 * sends it again a moment later. Typing notices are shed the same way, silently.
 * Moderation actions and token renewals are never shed. While the node drains
 * ({@link Drain}) every chat message is answered {@code server.restarting} instead, for
 * the client to send again on its next connection.
 */
@Component
class InboundAdmission implements ExecutorChannelInterceptor {

	private static final Pattern SHED = Pattern
		.compile(Pattern.quote(Destinations.APP) + "/rooms/([0-9a-fA-F-]{36})/(messages|typing)");

	private final AtomicInteger inFlight = new AtomicInteger();

	private final int limit;

	private final long maxLagMillis;

	private final RelayLag lag;

	private final StompErrors errors;

	private final JsonMapper json;

	private final DrainState drain;

	InboundAdmission(DeliverySettings settings, StompErrors errors, JsonMapper json, RelayLag lag, DrainState drain) {
		this.drain = drain;
		this.limit = settings.maxSendsInFlight();
		this.maxLagMillis = settings.maxDeliveryLag().toMillis();
		this.lag = lag;
		this.errors = errors;
		this.json = json;
	}

	@Override
	public Message<?> preSend(Message<?> message, MessageChannel channel) {
		Matcher shed = shed(message);
		if (shed == null) {
			return message;
		}
		if (this.drain.draining()) {
			if ("messages".equals(shed.group(2))) {
				refuse(message, shed.group(1), StompError::restarting);
			}
			return null;
		}
		if (this.inFlight.incrementAndGet() <= this.limit && this.lag.millis() <= this.maxLagMillis) {
			return message;
		}
		this.inFlight.decrementAndGet();
		if ("messages".equals(shed.group(2))) {
			refuse(message, shed.group(1), StompError::busy);
		}
		return null;
	}

	/**
	 * A frame that was counted but will not be handled (refused further on, or failed).
	 */
	@Override
	public void afterSendCompletion(Message<?> message, MessageChannel channel, boolean sent, Exception ex) {
		if ((!sent || ex != null) && shed(message) != null) {
			this.inFlight.decrementAndGet();
		}
	}

	/**
	 * Every handler of the inbound channel (the application's, the user destinations',
	 * the broker's) is told of every frame; the one that handles {@code /app}
	 * destinations ends the count.
	 */
	@Override
	public void afterMessageHandled(Message<?> message, MessageChannel channel, MessageHandler handler, Exception ex) {
		if (handler instanceof AbstractMethodMessageHandler<?> && shed(message) != null) {
			this.inFlight.decrementAndGet();
		}
	}

	/** Chat messages and typing notices being handled on this node now. */
	int inFlight() {
		return this.inFlight.get();
	}

	private static Matcher shed(Message<?> message) {
		if (SimpMessageHeaderAccessor.getMessageType(message.getHeaders()) != SimpMessageType.MESSAGE) {
			return null;
		}
		String destination = SimpMessageHeaderAccessor.getDestination(message.getHeaders());
		if (destination == null) {
			return null;
		}
		Matcher matcher = SHED.matcher(destination);
		return matcher.matches() ? matcher : null;
	}

	private void refuse(Message<?> message, String room, BiFunction<String, UUID, StompError> answer) {
		UUID roomId = null;
		try {
			roomId = UUID.fromString(room);
		}
		catch (IllegalArgumentException notAUuid) {
			// the error goes out without a room
		}
		StompError error = answer.apply(clientId(message), roomId);
		RefusalLog.of("stomp-frame")
			.refused("SEND " + RefusalLog.shape(SimpMessageHeaderAccessor.getDestination(message.getHeaders())),
					error.code());
		this.errors.send(SimpMessageHeaderAccessor.getUser(message.getHeaders()),
				SimpMessageHeaderAccessor.getSessionId(message.getHeaders()), error);
	}

	/** The refused message's client id, so the client knows which one to send again. */
	private String clientId(Message<?> message) {
		if (!(message.getPayload() instanceof byte[] payload)) {
			return null;
		}
		try {
			JsonNode clientId = this.json.readTree(payload).path("clientId");
			return clientId.isString() ? clientId.asString() : null;
		}
		catch (RuntimeException unreadable) {
			return null;
		}
	}

}
