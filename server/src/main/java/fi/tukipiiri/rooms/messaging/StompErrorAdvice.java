package fi.tukipiiri.rooms.messaging;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.lettuce.core.RedisException;

import org.springframework.core.convert.ConversionException;
import org.springframework.data.redis.RedisConnectionFailureException;
import org.springframework.data.redis.RedisSystemException;
import org.springframework.messaging.Message;
import org.springframework.messaging.converter.MessageConversionException;
import org.springframework.messaging.handler.annotation.MessageExceptionHandler;
import org.springframework.messaging.handler.invocation.MethodArgumentResolutionException;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.messaging.simp.annotation.SendToUser;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.ControllerAdvice;

import fi.tukipiiri.delivery.Destinations;
import fi.tukipiiri.delivery.StompErrors.StompError;
import fi.tukipiiri.platform.ApiProblem;
import fi.tukipiiri.platform.InvalidFields;
import fi.tukipiiri.platform.JsonRefusal;
import fi.tukipiiri.platform.ProblemMetrics;
import fi.tukipiiri.platform.RefusalLog;
import fi.tukipiiri.platform.ServiceUnavailable;
import fi.tukipiiri.rooms.MessageService;

/**
 * Turns a refused STOMP SEND into an error on the sender's own
 * {@code /user/queue/errors}, with the same codes as REST, and with the client id of the
 * refused message when it could be read.
 */
@ControllerAdvice
class StompErrorAdvice {

	private static final Logger log = LoggerFactory.getLogger(StompErrorAdvice.class);

	private static final RefusalLog REFUSALS = RefusalLog.of("stomp-frame");

	private final JsonMapper json;

	private final ProblemMetrics metrics;

	StompErrorAdvice(JsonMapper json, ProblemMetrics metrics) {
		this.json = json;
		this.metrics = metrics;
	}

	@MessageExceptionHandler
	@SendToUser(destinations = Destinations.ERRORS, broadcast = false)
	StompError refused(Exception ex, Message<?> message) {
		StompError error = answer(ex, message);
		this.metrics.answered(ProblemMetrics.STOMP, error.code());
		return error;
	}

	private StompError answer(Exception ex, Message<?> message) {
		String clientId = clientId(message.getPayload());
		UUID roomId = roomId(SimpMessageHeaderAccessor.getDestination(message.getHeaders()));
		if (ex instanceof ApiProblem problem) {
			return error(problem, clientId, roomId);
		}
		String destination = SimpMessageHeaderAccessor.getDestination(message.getHeaders());
		if (ex instanceof MessageService.Busy) {
			REFUSALS.refused("SEND " + RefusalLog.shape(destination), "server.busy");
			return StompError.busy(clientId, roomId);
		}
		if (ex instanceof MessageConversionException) {
			var refusal = JsonRefusal.of(ex);
			if (refusal.isPresent()) {
				REFUSALS.refused("SEND " + RefusalLog.shape(destination),
						refusal.get().code() + " " + refusal.get().field());
				return error(refusal.get().asProblem(), clientId, roomId);
			}
		}
		// an empty or unreadable payload, or a destination whose room is not an id
		if (ex instanceof MessageConversionException || ex instanceof MethodArgumentResolutionException
				|| ex instanceof ConversionException) {
			REFUSALS.refused("SEND " + RefusalLog.shape(destination), "request.malformed");
			boolean roomNotAnId = roomId == null && destination != null && destination.contains("/rooms/");
			return new StompError("request.malformed", roomNotAnId ? "The destination does not name a room by its id."
					: "The message is not JSON of the expected shape.", clientId, roomId);
		}
		if (ex instanceof RedisConnectionFailureException || ex instanceof RedisSystemException
				|| ex instanceof RedisException) {
			// Redis did not answer a call made outside RedisGuard: the frame can be sent
			// again
			return error(new ServiceUnavailable(), clientId, roomId);
		}
		if (ex instanceof AccessDeniedException) {
			REFUSALS.refused("SEND " + RefusalLog.shape(destination), "auth.forbidden");
			return new StompError("auth.forbidden", "You are not allowed to do this.", clientId, roomId);
		}
		log.error("Unexpected error handling a STOMP message", ex);
		return new StompError("server.error", "Something went wrong on our side. Please try again.", clientId, roomId);
	}

	/**
	 * The refusal with the members its REST problem has ({@code errors}, {@code until},
	 * …) besides the STOMP ones.
	 */
	private static StompError error(ApiProblem problem, String clientId, UUID roomId) {
		Map<String, Object> details = new LinkedHashMap<>(
				problem.getBody().getProperties() == null ? Map.of() : problem.getBody().getProperties());
		details.remove("code");
		Object retryAfter = details.remove("retryAfterSeconds");
		// a field refusal names its (first) field in field too; errors[] lists them all,
		// as over REST
		String field = problem instanceof InvalidFields invalid && !invalid.fields().isEmpty()
				? invalid.fields().get(0).field() : null;
		return new StompError(problem.code(), problem.getBody().getDetail(), clientId, roomId,
				retryAfter instanceof Number seconds ? seconds.longValue() : null, field, details);
	}

	private String clientId(Object payload) {
		if (!(payload instanceof byte[] bytes)) {
			return null;
		}
		try {
			JsonNode clientId = json.readTree(bytes).path("clientId");
			return clientId.isString() && clientId.asString().length() <= 64 ? clientId.asString() : null;
		}
		catch (RuntimeException notJson) {
			return null;
		}
	}

	private static UUID roomId(String destination) {
		if (destination == null) {
			return null;
		}
		String[] parts = destination.split("/");
		for (int i = 0; i + 1 < parts.length; i++) {
			if (parts[i].equals("rooms")) {
				try {
					return UUID.fromString(parts[i + 1]);
				}
				catch (IllegalArgumentException notAUuid) {
					return null;
				}
			}
		}
		return null;
	}

}
