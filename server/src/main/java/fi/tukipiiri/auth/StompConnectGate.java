package fi.tukipiiri.auth;

import java.nio.ByteBuffer;
import java.util.List;

import org.springframework.messaging.Message;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompDecoder;
import org.springframework.messaging.simp.stomp.StompEncoder;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.messaging.support.MessageHeaderAccessor;
import org.springframework.web.socket.BinaryMessage;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.WebSocketMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.WebSocketHandlerDecorator;

import fi.tukipiiri.platform.RefusalLog;
import fi.tukipiiri.platform.ServiceUnavailable;

/**
 * Answers a CONNECT without a valid token, or any other frame sent before CONNECT (STOMP
 * 1.2: a client opens with CONNECT), with a STOMP ERROR frame and closes the connection,
 * before the frame reaches the message channels. Spring does not deliver errors raised
 * inside its ordered inbound channel to the client (spring-framework issue 33937), and a
 * client must learn at once that it should refresh its token. Heart-beats and frames that
 * do not decode pass on (Spring answers the latter with {@code request.malformed}). A
 * CONNECT whose token cannot be checked (Redis does not answer) is refused with
 * {@code server.unavailable}. {@link StompAuthenticationInterceptor} still authenticates
 * every CONNECT that passes.
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
		ByteBuffer payload = message instanceof TextMessage text ? ByteBuffer.wrap(text.asBytes())
				: message instanceof BinaryMessage binary ? binary.getPayload().asReadOnlyBuffer() : null;
		if (session.getAttributes().containsKey(PASSED) || payload == null) {
			super.handleMessage(session, message);
			return;
		}
		Verdict verdict = verdict(payload);
		if (verdict.refusal() == null) {
			if (verdict.connected()) {
				session.getAttributes().put(PASSED, Boolean.TRUE);
			}
			super.handleMessage(session, message);
			return;
		}
		String refusal = verdict.refusal();
		if (verdict.frame() != null) {
			RefusalLog.of("stomp-connect").refused(verdict.frame(), refusal);
		}
		StompHeaderAccessor error = StompHeaderAccessor.create(StompCommand.ERROR);
		error.setMessage(refusal);
		byte[] frame = new StompEncoder().encode(error.getMessageHeaders(), new byte[0]);
		session.sendMessage(new TextMessage(frame));
		session.close(CloseStatus.POLICY_VIOLATION);
	}

	/**
	 * What to do with the frames of a connection that has not connected yet.
	 *
	 * @param refusal the error code when they are refused; null when they pass on
	 * @param connected whether they held a CONNECT that passes, after which the gate lets
	 * everything through
	 * @param frame what was refused, for the log; null for a refusal that is no fault of
	 * the client's ({@code server.unavailable}), which is not logged as one
	 */
	record Verdict(String refusal, boolean connected, String frame) {

		static final Verdict PASS = new Verdict(null, false, null);

	}

	/** Decides by the first frame that is not a heart-beat. */
	Verdict verdict(ByteBuffer payload) {
		List<Message<byte[]>> frames;
		try {
			frames = new StompDecoder().decode(payload);
		}
		catch (RuntimeException notStomp) {
			return Verdict.PASS;
		}
		for (Message<byte[]> frame : frames) {
			StompHeaderAccessor accessor = MessageHeaderAccessor.getAccessor(frame, StompHeaderAccessor.class);
			if (accessor == null || accessor.getCommand() == null) {
				continue;
			}
			if (accessor.getCommand() != StompCommand.CONNECT && accessor.getCommand() != StompCommand.STOMP) {
				return new Verdict("auth.unauthenticated", false, accessor.getCommand() + " before CONNECT");
			}
			String header = accessor.getFirstNativeHeader("Authorization");
			if (!BearerTokens.isBearer(header)) {
				return new Verdict("auth.unauthenticated", false, "CONNECT");
			}
			try {
				return tokens.verify(header).isPresent() ? new Verdict(null, true, null)
						: new Verdict("auth.invalid_token", false, "CONNECT");
			}
			catch (ServiceUnavailable unavailable) {
				// the revocations cannot be read; the client connects again later
				return new Verdict(unavailable.code(), false, null);
			}
		}
		return Verdict.PASS;
	}

}
