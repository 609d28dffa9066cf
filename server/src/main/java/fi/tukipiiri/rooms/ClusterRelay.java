package fi.tukipiiri.rooms;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.data.redis.connection.Message;
import org.springframework.data.redis.connection.MessageListener;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.messaging.simp.SimpMessagingTemplate;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.messaging.MessageHeaders;
import org.springframework.stereotype.Component;
import org.springframework.util.MimeTypeUtils;

/**
 * Delivers a broker message to its subscribers on every node: published once to a Redis channel, every node
 * (this one included) hands it to its own in-memory STOMP broker. Redis pub/sub may drop a message; clients
 * notice the gap in sequence numbers and fetch it from PostgreSQL, which remains the truth.
 */
@Component
public class ClusterRelay implements MessageListener {

	private static final String CHANNEL = "tukipiiri:relay";
	private static final Logger log = LoggerFactory.getLogger(ClusterRelay.class);

	private final StringRedisTemplate redis;
	private final SimpMessagingTemplate broker;
	private final JsonMapper json;

	ClusterRelay(StringRedisTemplate redis, SimpMessagingTemplate broker, JsonMapper json) {
		this.redis = redis;
		this.broker = broker;
		this.json = json;
	}

	public static String channel() {
		return CHANNEL;
	}

	/** Sends {@code payload}, as JSON, to everyone subscribed to {@code destination} on any node. */
	public void publish(String destination, Object payload) {
		try {
			redis.convertAndSend(CHANNEL, json.writeValueAsString(Map.of("destination", destination, "payload", payload)));
		}
		catch (RuntimeException ex) {
			// the message is already stored; subscribers will fill the gap from history
			log.warn("Could not relay to {}: {}", destination, ex.getMessage());
		}
	}

	@Override
	public void onMessage(Message message, byte[] pattern) {
		JsonNode envelope = json.readTree(new String(message.getBody(), StandardCharsets.UTF_8));
		String destination = envelope.path("destination").asString();
		byte[] payload = json.writeValueAsBytes(envelope.path("payload"));
		broker.send(destination, MessageBuilder.withPayload(payload)
				.setHeader(MessageHeaders.CONTENT_TYPE, MimeTypeUtils.APPLICATION_JSON)
				.build());
	}
}
