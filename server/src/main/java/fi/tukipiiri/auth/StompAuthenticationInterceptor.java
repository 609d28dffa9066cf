package fi.tukipiiri.auth;

import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.simp.SimpMessageType;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.messaging.support.ChannelInterceptor;
import org.springframework.messaging.support.MessageHeaderAccessor;
import org.springframework.security.authentication.BadCredentialsException;

/**
 * Authenticates a STOMP connection once, on CONNECT, from its {@code Authorization: Bearer} header. A missing,
 * bad, expired or revoked token is refused: the client gets an ERROR frame and the connection closes.
 */
class StompAuthenticationInterceptor implements ChannelInterceptor {

	private final BearerTokens tokens;

	StompAuthenticationInterceptor(BearerTokens tokens) {
		this.tokens = tokens;
	}

	@Override
	public Message<?> preSend(Message<?> message, MessageChannel channel) {
		StompHeaderAccessor accessor = MessageHeaderAccessor.getAccessor(message, StompHeaderAccessor.class);
		if (accessor == null || accessor.getMessageType() != SimpMessageType.CONNECT) {
			return message;
		}
		String header = accessor.getFirstNativeHeader("Authorization");
		if (!BearerTokens.isBearer(header)) {
			throw new BadCredentialsException("auth.unauthenticated");
		}
		AccessTokens.Verified token = tokens.verify(header).orElseThrow(() -> new BadCredentialsException("auth.invalid_token"));
		accessor.setUser(BearerTokenFilter.authentication(token));
		return message;
	}
}
