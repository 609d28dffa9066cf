package fi.tukipiiri.rooms;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.data.redis.connection.Message;
import org.springframework.data.redis.connection.MessageListener;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.messaging.simp.SimpMessageType;
import org.springframework.messaging.simp.SimpMessagingTemplate;
import org.springframework.messaging.simp.user.SimpSession;
import org.springframework.messaging.simp.user.SimpUser;
import org.springframework.messaging.simp.user.SimpUserRegistry;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.messaging.MessageHeaders;
import org.springframework.stereotype.Component;
import org.springframework.util.MimeTypeUtils;

import fi.tukipiiri.platform.OutageLog;

/**
 * Delivers a broker message to its subscribers on every node: published once to a Redis channel, every node
 * (this one included) hands it to its own in-memory STOMP broker. Redis pub/sub may drop a message; clients
 * notice the gap in sequence numbers and fetch it from PostgreSQL, which remains the truth.
 */
@Component
public class ClusterRelay implements MessageListener {

	private static final String CHANNEL = "tukipiiri:relay";
	private static final String USER_PREFIX = "/user/";

	private final StringRedisTemplate redis;
	private final SimpMessagingTemplate broker;
	private final LocalSubscriptions subscriptions;
	private final SimpUserRegistry users;
	private final JsonMapper json;

	ClusterRelay(StringRedisTemplate redis, SimpMessagingTemplate broker, LocalSubscriptions subscriptions, SimpUserRegistry users,
			JsonMapper json) {
		this.redis = redis;
		this.broker = broker;
		this.subscriptions = subscriptions;
		this.users = users;
		this.json = json;
	}

	public static String channel() {
		return CHANNEL;
	}

	/** Sends {@code payload}, as JSON, to everyone subscribed to {@code destination} on any node. */
	public void publish(String destination, Object payload) {
		send(Map.of("destination", destination, "payload", payload));
	}

	/** Ends the person's live subscriptions to the room on every node, in order with the room's messages. */
	void publishEviction(UUID roomId, UUID accountId) {
		send(Map.of("evictRoom", roomId, "evictAccount", accountId));
	}

	private void send(Map<String, Object> envelope) {
		try {
			redis.convertAndSend(CHANNEL, json.writeValueAsString(envelope));
		}
		catch (RuntimeException ex) {
			// what was sent is already stored; subscribers fill the gap from history
			OutageLog.of("Relay").unavailable("a live event was not relayed; clients fill gaps from history", ex);
		}
	}

	@Override
	public void onMessage(Message message, byte[] pattern) {
		JsonNode envelope = json.readTree(new String(message.getBody(), StandardCharsets.UTF_8));
		if (envelope.has("evictRoom")) {
			subscriptions.end(UUID.fromString(envelope.path("evictRoom").asString()),
					UUID.fromString(envelope.path("evictAccount").asString()));
			return;
		}
		String destination = envelope.path("destination").asString();
		byte[] payload = json.writeValueAsBytes(envelope.path("payload"));
		if (!destination.startsWith(USER_PREFIX)) {
			broker.send(destination, MessageBuilder.withPayload(payload)
					.setHeader(MessageHeaders.CONTENT_TYPE, MimeTypeUtils.APPLICATION_JSON)
					.build());
			return;
		}
		// One message per session of the person: Spring's user destination handler, with publishing order preserved,
		// fails on the second session when one message is resolved to several.
		String user = destination.substring(USER_PREFIX.length(), Math.max(USER_PREFIX.length(), destination.indexOf('/', USER_PREFIX.length())));
		SimpUser person = users.getUser(user);
		if (person == null) {
			return;
		}
		for (SimpSession session : person.getSessions()) {
			SimpMessageHeaderAccessor headers = SimpMessageHeaderAccessor.create(SimpMessageType.MESSAGE);
			headers.setSessionId(session.getId());
			headers.setContentType(MimeTypeUtils.APPLICATION_JSON);
			headers.setLeaveMutable(true);
			broker.send(destination, MessageBuilder.createMessage(payload, headers.getMessageHeaders()));
		}
	}
}
