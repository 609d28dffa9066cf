package fi.tukipiiri.moderation;

import java.time.Clock;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.event.EventListener;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.messaging.support.ChannelInterceptor;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.messaging.support.MessageHeaderAccessor;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.web.socket.messaging.SessionDisconnectEvent;

import fi.tukipiiri.platform.OutageLog;

/**
 * Caps how many live connections one person holds across all nodes. Each connection is a
 * member of the person's sorted set in Redis, scored by when it stops counting; its node
 * renews it while it lives, so the connections of a node that dies stop counting on their
 * own. A CONNECT over the cap is answered with an ERROR frame and closed. The same sets
 * tell who is reachable live right now (has the app open somewhere), which duty relies
 * on.
 */
class ConnectionLimit implements ChannelInterceptor {

	private static final String KEY = "tukipiiri:connections:";

	private final StringRedisTemplate redis;

	private final ModerationSettings settings;

	private final MessageChannel clientOutbound;

	private final Clock clock;

	/** This node's counted connections: session id → account id. */
	private final Map<String, UUID> local = new ConcurrentHashMap<>();

	/**
	 * Looked up when first needed: this interceptor is made with the broker's
	 * configuration.
	 */
	private final ObjectProvider<RateLimitMetrics> metrics;

	ConnectionLimit(StringRedisTemplate redis, ModerationSettings settings, MessageChannel clientOutbound, Clock clock,
			ObjectProvider<RateLimitMetrics> metrics) {
		this.metrics = metrics;
		this.redis = redis;
		this.settings = settings;
		this.clientOutbound = clientOutbound;
		this.clock = clock;
	}

	@Override
	public Message<?> preSend(Message<?> message, MessageChannel channel) {
		StompHeaderAccessor accessor = MessageHeaderAccessor.getAccessor(message, StompHeaderAccessor.class);
		if (accessor == null
				|| accessor.getCommand() != StompCommand.CONNECT && accessor.getCommand() != StompCommand.STOMP
				|| accessor.getUser() == null) {
			return message;
		}
		UUID accountId = UUID.fromString(accessor.getUser().getName());
		String key = KEY + accountId;
		long now = clock.millis();
		redis.opsForZSet().removeRangeByScore(key, Double.NEGATIVE_INFINITY, now);
		Long held = redis.opsForZSet().zCard(key);
		if (held != null && held >= settings.maxConnectionsPerUser()) {
			metrics.getObject().connection();
			refuse(accessor.getSessionId());
			return null;
		}
		redis.opsForZSet().add(key, accessor.getSessionId(), now + settings.connectionTtl().toMillis());
		redis.expire(key, settings.connectionTtl());
		local.put(accessor.getSessionId(), accountId);
		return message;
	}

	/**
	 * Those of the given people who hold at least one live connection on any node now; a
	 * node that died stops counting for its connections within the connection TTL.
	 */
	Set<UUID> connected(Collection<UUID> accountIds) {
		long now = clock.millis();
		Set<UUID> connected = new LinkedHashSet<>();
		for (UUID accountId : accountIds) {
			Long live = redis.opsForZSet().count(KEY + accountId, now, Double.POSITIVE_INFINITY);
			if (live != null && live > 0) {
				connected.add(accountId);
			}
		}
		return connected;
	}

	/**
	 * The Spring STOMP handler sends an ERROR frame to the client and closes the
	 * connection.
	 */
	private void refuse(String sessionId) {
		StompHeaderAccessor error = StompHeaderAccessor.create(StompCommand.ERROR);
		error.setMessage("connections.too_many");
		error.setSessionId(sessionId);
		clientOutbound.send(MessageBuilder.createMessage(new byte[0], error.getMessageHeaders()));
	}

	@EventListener
	void on(SessionDisconnectEvent disconnected) {
		UUID accountId = local.remove(disconnected.getSessionId());
		if (accountId == null) {
			return;
		}
		try {
			redis.opsForZSet().remove(KEY + accountId, disconnected.getSessionId());
		}
		catch (RuntimeException ex) {
			// no longer renewed, it stops counting after the connection TTL
			OutageLog.of("Connection limit").unavailable("a closed connection counts until it expires", ex);
		}
	}

	@Scheduled(fixedDelayString = "${tukipiiri.moderation.connection-renewal:30s}")
	void renew() {
		long until = clock.millis() + settings.connectionTtl().toMillis();
		local.forEach((sessionId, accountId) -> {
			redis.opsForZSet().add(KEY + accountId, sessionId, until);
			redis.expire(KEY + accountId, settings.connectionTtl());
		});
	}

}
