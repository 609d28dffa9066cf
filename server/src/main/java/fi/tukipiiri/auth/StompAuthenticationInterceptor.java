package fi.tukipiiri.auth;

import java.time.Clock;
import java.util.Optional;

import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.simp.SimpMessageType;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.messaging.support.ChannelInterceptor;
import org.springframework.messaging.support.MessageHeaderAccessor;
import org.springframework.security.authentication.BadCredentialsException;

import fi.tukipiiri.platform.OutageLog;

/**
 * Authenticates a STOMP connection on CONNECT from its {@code Authorization: Bearer}
 * header (a missing, bad, expired or revoked token is refused: the client gets an ERROR
 * frame and the connection closes), and checks the trust again on every later frame that
 * reads or writes (SUBSCRIBE, SEND): a connection whose token has expired or been revoked
 * meanwhile is ended ({@link LiveConnections}) and the frame dropped, so nothing it sends
 * is stored.
 */
class StompAuthenticationInterceptor implements ChannelInterceptor {

	private final BearerTokens tokens;

	private final LiveConnections connections;

	private final TokenRevocations revocations;

	private final Clock clock;

	StompAuthenticationInterceptor(BearerTokens tokens, LiveConnections connections, TokenRevocations revocations,
			Clock clock) {
		this.tokens = tokens;
		this.connections = connections;
		this.revocations = revocations;
		this.clock = clock;
	}

	@Override
	public Message<?> preSend(Message<?> message, MessageChannel channel) {
		StompHeaderAccessor accessor = MessageHeaderAccessor.getAccessor(message, StompHeaderAccessor.class);
		if (accessor == null) {
			return message;
		}
		SimpMessageType type = accessor.getMessageType();
		if (type == SimpMessageType.CONNECT) {
			String header = accessor.getFirstNativeHeader("Authorization");
			if (!BearerTokens.isBearer(header)) {
				throw new BadCredentialsException("auth.unauthenticated");
			}
			AccessTokens.Verified token = tokens.verify(header)
				.orElseThrow(() -> new BadCredentialsException("auth.invalid_token"));
			accessor.setUser(BearerTokenFilter.authentication(token));
			connections.stand(accessor.getSessionId(), token);
			return message;
		}
		if (type != SimpMessageType.MESSAGE && type != SimpMessageType.SUBSCRIBE) {
			return message;
		}
		Optional<String> ended = endedTrust(accessor.getSessionId());
		if (ended.isPresent()) {
			connections.end(accessor.getSessionId(), ended.get());
			return null;
		}
		return message;
	}

	/** Why the connection may no longer read or write, if it may not. */
	private Optional<String> endedTrust(String sessionId) {
		Optional<AccessTokens.Verified> token = connections.tokenOf(sessionId);
		if (token.isEmpty()) {
			return Optional.of(LiveConnections.SESSION_ENDED);
		}
		if (!clock.instant().isBefore(token.get().expiresAt())) {
			return Optional.of(LiveConnections.TOKEN_EXPIRED);
		}
		try {
			return revocations.isAccepted(token.get()) ? Optional.empty() : Optional.of(LiveConnections.SESSION_ENDED);
		}
		catch (RuntimeException redisUnavailable) {
			// the token was good when last asked; Redis is where revocations live, so
			// none can be recorded meanwhile
			OutageLog.of("Token revocations")
				.unavailable("frames pass on the token checked when the connection was made", redisUnavailable);
			return Optional.empty();
		}
	}

}
