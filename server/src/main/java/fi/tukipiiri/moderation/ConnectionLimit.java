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
import fi.tukipiiri.platform.RedisGuard;
import fi.tukipiiri.platform.ServiceUnavailable;

/**
 * Caps how many live connections one person holds across all nodes. Each connection is a
 * member of the person's sorted set in Redis, scored by when it stops counting; its node
 * renews it while it lives, so the connections of a node that dies stop counting on their
 * own. A CONNECT over the cap is answered with an ERROR frame and closed. The same sets
 * tell who is reachable live right now (has the app open somewhere), which duty relies
 * on. While Redis cannot be asked (decision 23), a CONNECT is let through uncounted (its
 * token could not have been checked either, so few come through), this node keeps its
 * connections and counts them once Redis answers again, and nobody counts as reachable
 * (so a safety signal reaches every coordinator and administrator).
 */
class ConnectionLimit implements ChannelInterceptor {

	private static final String KEY = "tukipiiri:connections:";

	private static final String WHAT = "connection counts";

	private final StringRedisTemplate redis;

	/** Looked up when first needed, as {@link #metrics}. */
	private final ObjectProvider<RedisGuard> guard;

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
			ObjectProvider<RateLimitMetrics> metrics, ObjectProvider<RedisGuard> guard) {
		this.guard = guard;
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
		Long held;
		try {
			held = guard().call(WHAT, () -> {
				redis.opsForZSet().removeRangeByScore(key, Double.NEGATIVE_INFINITY, now);
				return redis.opsForZSet().zCard(key);
			});
		}
		catch (ServiceUnavailable unavailable) {
			local.put(accessor.getSessionId(), accountId);
			return message;
		}
		if (held != null && held >= settings.maxConnectionsPerUser()) {
			metrics.getObject().connection();
			refuse(accessor.getSessionId());
			return null;
		}
		local.put(accessor.getSessionId(), accountId);
		count(accessor.getSessionId(), accountId, now + settings.connectionTtl().toMillis());
		return message;
	}

	private void count(String sessionId, UUID accountId, long until) {
		try {
			guard().run(WHAT, () -> {
				redis.opsForZSet().add(KEY + accountId, sessionId, until);
				redis.expire(KEY + accountId, settings.connectionTtl());
			});
		}
		catch (ServiceUnavailable unavailable) {
			// counted again at the next renewal
		}
	}

	private RedisGuard guard() {
		return guard.getObject();
	}

	/**
	 * Those of the given people who hold at least one live connection on any node now; a
	 * node that died stops counting for its connections within the connection TTL.
	 */
	Set<UUID> connected(Collection<UUID> accountIds) {
		long now = clock.millis();
		Set<UUID> connected = new LinkedHashSet<>();
		try {
			for (UUID accountId : accountIds) {
				Long live = guard().call(WHAT,
						() -> redis.opsForZSet().count(KEY + accountId, now, Double.POSITIVE_INFINITY));
				if (live != null && live > 0) {
					connected.add(accountId);
				}
			}
		}
		catch (ServiceUnavailable unavailable) {
			return Set.of();
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
			guard().run(WHAT, () -> redis.opsForZSet().remove(KEY + accountId, disconnected.getSessionId()));
		}
		catch (ServiceUnavailable unavailable) {
			// no longer renewed, it stops counting after the connection TTL
		}
		catch (RuntimeException ex) {
			// e.g. interrupted as the node stops: it stops counting after the connection
			// TTL
			OutageLog.of("Connection limit").unavailable("a closed connection counts until it expires", ex);
		}
	}

	@Scheduled(fixedDelayString = "${tukipiiri.moderation.connection-renewal:30s}")
	void renew() {
		long until = clock.millis() + settings.connectionTtl().toMillis();
		local.forEach((sessionId, accountId) -> count(sessionId, accountId, until));
	}

}
