package fi.tukipiiri.delivery;

import java.security.Principal;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonIgnore;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.messaging.simp.SimpMessageType;
import org.springframework.messaging.simp.SimpMessagingTemplate;
import org.springframework.stereotype.Component;

import fi.tukipiiri.platform.ProblemMetrics;

/**
 * Tells one STOMP session, on {@code /user/queue/errors}, that something it sent was
 * refused.
 */
@Component
public class StompErrors {

	/**
	 * This node is stopping ({@link Drain}): a chat message's refusal, and the ERROR
	 * frame that tells a client to connect again.
	 */
	static final String RESTARTING = "server.restarting";

	/**
	 * The ERROR frame asking a connection past its maximum age to connect again, so the
	 * nodes' load evens out.
	 */
	static final String REBALANCING = "server.rebalancing";

	/**
	 * Looked up when first needed: the broker is built from the configuration that
	 * installs the interceptors using this.
	 */
	private final ObjectProvider<SimpMessagingTemplate> broker;

	private final ProblemMetrics metrics;

	StompErrors(ObjectProvider<SimpMessagingTemplate> broker, ProblemMetrics metrics) {
		this.broker = broker;
		this.metrics = metrics;
	}

	/**
	 * What a refused client sees; {@code clientId} and {@code roomId} tie it to what was
	 * refused, where known. {@code field} names the payload field a
	 * {@code validation.failed} refusal is about, as REST's {@code errors[].field}.
	 * {@code details} are the refusal's own facts, written beside the others exactly as
	 * the same refusal's RFC 9457 extension members are over REST ({@code until} of a
	 * mute, {@code takenBy}, …).
	 */
	public record StompError(String code, String message, String clientId, UUID roomId, Long retryAfterSeconds,
			String field, @JsonIgnore Map<String, Object> details) {

		public StompError(String code, String message, String clientId, UUID roomId, Long retryAfterSeconds,
				String field) {
			this(code, message, clientId, roomId, retryAfterSeconds, field, Map.of());
		}

		public StompError(String code, String message, String clientId, UUID roomId, Long retryAfterSeconds) {
			this(code, message, clientId, roomId, retryAfterSeconds, null, Map.of());
		}

		public StompError(String code, String message, String clientId, UUID roomId) {
			this(code, message, clientId, roomId, null, null, Map.of());
		}

		/**
		 * {@code server.busy}: the node takes no more chat messages now; nothing was
		 * stored, and the sender sends the same client id again after
		 * {@code retryAfterSeconds} (1).
		 */
		public static StompError busy(String clientId, UUID roomId) {
			return new StompError("server.busy", "The service is busy. The message is sent again in a moment.",
					clientId, roomId, 1L);
		}

		/**
		 * {@code server.restarting}: this node is stopping and took nothing; the client
		 * sends the same client id again once it has reconnected (it is told to, with a
		 * STOMP {@code ERROR} frame of the same code), at the earliest after
		 * {@code retryAfterSeconds} (1).
		 */
		public static StompError restarting(String clientId, UUID roomId) {
			return new StompError(RESTARTING,
					"The service is restarting. The message is sent again once you are connected again.", clientId,
					roomId, 1L);
		}

		/** The details, written as members of the error itself. */
		@JsonAnyGetter
		Map<String, Object> members() {
			return details;
		}
	}

	public void send(Principal user, String sessionId, StompError error) {
		if (user == null) {
			return;
		}
		this.metrics.answered(ProblemMetrics.STOMP, error.code());
		SimpMessageHeaderAccessor headers = SimpMessageHeaderAccessor.create(SimpMessageType.MESSAGE);
		headers.setSessionId(sessionId);
		headers.setLeaveMutable(true);
		broker.getObject()
			.convertAndSendToUser(user.getName(), Destinations.ERRORS, error, headers.getMessageHeaders());
	}

}
