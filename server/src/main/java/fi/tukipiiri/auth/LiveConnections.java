package fi.tukipiiri.auth;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Lazy;
import org.springframework.context.event.EventListener;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.messaging.SessionDisconnectEvent;

import fi.tukipiiri.delivery.NodeSignal;
import fi.tukipiiri.platform.OutageLog;

/**
 * This node's live STOMP connections and the access token each was opened (or last
 * renewed) with. A connection ends, with a STOMP {@code ERROR} frame naming why and then
 * a close, as soon as the trust behind it ends:
 * <ul>
 * <li>{@code auth.session_ended} when its token, its sign-in or its account's tokens are
 * revoked (sign-out, a copied refresh token, a role change, erasure): told by
 * {@link TokenRevocations} to every node and acted on by every node within moments; a
 * node that missed an announcement finds the revocation in its periodic re-check;</li>
 * <li>{@code auth.token_expired} when its access token expires before the client renews
 * it ({@code SEND /app/auth/renew}).</li>
 * </ul>
 * Frames that read or write are checked as they arrive as well
 * ({@link StompAuthenticationInterceptor}).
 */
@Component
class LiveConnections {

	static final String SESSION_ENDED = "auth.session_ended";
	static final String TOKEN_EXPIRED = "auth.token_expired";

	/** Tokens asked about in one Redis round trip (three keys each). */
	private static final int RECHECK_BATCH = 500;

	/** STOMP session id → the token it currently stands on. */
	private final Map<String, AccessTokens.Verified> tokens = new ConcurrentHashMap<>();

	private final TokenRevocations revocations;

	private final MessageChannel clientOutbound;

	private final Clock clock;

	LiveConnections(TokenRevocations revocations,
			@Lazy @Qualifier("clientOutboundChannel") MessageChannel clientOutbound, Clock clock) {
		this.revocations = revocations;
		this.clientOutbound = clientOutbound;
		this.clock = clock;
	}

	/** A connection authenticated by {@code token} (on CONNECT), or renewed with it. */
	void stand(String sessionId, AccessTokens.Verified token) {
		tokens.put(sessionId, token);
	}

	/** The token the connection stands on; empty before CONNECT and after it ended. */
	Optional<AccessTokens.Verified> tokenOf(String sessionId) {
		return Optional.ofNullable(tokens.get(sessionId));
	}

	/** How many connections this node holds. */
	int size() {
		return tokens.size();
	}

	/**
	 * Ends the connection: the client gets an {@code ERROR} frame whose {@code message}
	 * header is {@code code}, and Spring's STOMP handler closes the socket after sending
	 * it.
	 */
	void end(String sessionId, String code) {
		if (tokens.remove(sessionId) == null) {
			return;
		}
		StompHeaderAccessor error = StompHeaderAccessor.create(StompCommand.ERROR);
		error.setMessage(code);
		error.setSessionId(sessionId);
		clientOutbound.send(MessageBuilder.createMessage(new byte[0], error.getMessageHeaders()));
	}

	@EventListener
	void on(SessionDisconnectEvent disconnected) {
		tokens.remove(disconnected.getSessionId());
	}

	/** A revocation told by any node (this one included). */
	@EventListener
	void on(NodeSignal.Heard<TokenRevocations.Revocation> heard) {
		TokenRevocations.Revocation revocation = heard.signal();
		tokens.forEach((sessionId, token) -> {
			if (revocation.ends(token)) {
				end(sessionId, SESSION_ENDED);
			}
		});
	}

	/**
	 * Connections whose token has expired end now; the client renews before that, or
	 * connects again with a new one.
	 */
	@Scheduled(fixedDelay = 250)
	void endExpired() {
		Instant now = clock.instant();
		tokens.forEach((sessionId, token) -> {
			if (!now.isBefore(token.expiresAt())) {
				end(sessionId, TOKEN_EXPIRED);
			}
		});
	}

	/**
	 * Asks Redis about every connection's token now and then, so a revocation whose
	 * announcement this node missed (pub/sub is at-most-once; a node briefly cut off from
	 * Redis misses what was said meanwhile) still ends them.
	 */
	@Scheduled(fixedDelayString = "${tukipiiri.auth.connection-recheck:30s}")
	void recheck() {
		List<Map.Entry<String, AccessTokens.Verified>> held = List.copyOf(tokens.entrySet());
		try {
			for (int from = 0; from < held.size(); from += RECHECK_BATCH) {
				List<Map.Entry<String, AccessTokens.Verified>> batch = held.subList(from,
						Math.min(held.size(), from + RECHECK_BATCH));
				List<Boolean> accepted = revocations.accepted(batch.stream().map(Map.Entry::getValue).toList());
				for (int i = 0; i < batch.size(); i++) {
					if (!accepted.get(i)) {
						end(batch.get(i).getKey(), SESSION_ENDED);
					}
				}
			}
		}
		catch (RuntimeException redisUnavailable) {
			OutageLog.of("Token revocations")
				.unavailable("live connections not re-checked this time", redisUnavailable);
		}
	}

}
