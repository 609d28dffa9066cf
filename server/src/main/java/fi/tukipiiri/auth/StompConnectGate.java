package fi.tukipiiri.auth;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.springframework.messaging.Message;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompDecoder;
import org.springframework.messaging.simp.stomp.StompEncoder;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.messaging.support.MessageHeaderAccessor;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.WebSocketMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.WebSocketHandlerDecorator;

import fi.tukipiiri.platform.RefusalLog;

/**
 * Answers a CONNECT without a valid token with a STOMP ERROR frame and closes the connection, before the frame
 * reaches the message channels. Spring does not deliver errors raised inside its ordered inbound channel to
 * the client (spring-framework issue 33937), and a client must learn at once that it should refresh its token.
 * {@link StompAuthenticationInterceptor} still authenticates every CONNECT that passes.
 */
class StompConnectGate extends WebSocketHandlerDecorator {

	private static final String PASSED = StompConnectGate.class.getName() + ".passed";

	private final BearerTokens tokens;

	StompConnectGate(WebSocketHandler delegate, BearerTokens tokens) {
		super(delegate);
		this.tokens = tokens;
	}

	@Override
	public void handleMessage(WebSocketSession session, WebSocketMessage<?> message) throws Exception {
		if (session.getAttributes().containsKey(PASSED) || !(message instanceof TextMessage text)) {
			super.handleMessage(session, message);
			return;
		}
		String refusal = refusal(text.getPayload());
		if (refusal == null) {
			session.getAttributes().put(PASSED, Boolean.TRUE);
			super.handleMessage(session, message);
			return;
		}
		RefusalLog.of("stomp-connect").refused("CONNECT", refusal);
		StompHeaderAccessor error = StompHeaderAccessor.create(StompCommand.ERROR);
		error.setMessage(refusal);
		byte[] frame = new StompEncoder().encode(error.getMessageHeaders(), new byte[0]);
		session.sendMessage(new TextMessage(frame));
		session.close(CloseStatus.POLICY_VIOLATION);
	}

	/** The error code for a CONNECT frame that must be refused; null for anything that may pass. */
	private String refusal(String payload) {
		List<Message<byte[]>> frames;
		try {
			frames = new StompDecoder().decode(ByteBuffer.wrap(payload.getBytes(StandardCharsets.UTF_8)));
		}
		catch (RuntimeException notStomp) {
			return null;
		}
		for (Message<byte[]> frame : frames) {
			StompHeaderAccessor accessor = MessageHeaderAccessor.getAccessor(frame, StompHeaderAccessor.class);
			if (accessor == null || (accessor.getCommand() != StompCommand.CONNECT && accessor.getCommand() != StompCommand.STOMP)) {
				continue;
			}
			String header = accessor.getFirstNativeHeader("Authorization");
			if (!BearerTokens.isBearer(header)) {
				return "auth.unauthenticated";
			}
			return tokens.verify(header).isPresent() ? null : "auth.invalid_token";
		}
		return null;
	}
}
