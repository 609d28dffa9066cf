package fi.tukipiiri.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

import org.springframework.http.HttpHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompDecoder;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.messaging.support.MessageHeaderAccessor;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketExtension;
import org.springframework.web.socket.WebSocketMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.AbstractWebSocketHandler;

import fi.tukipiiri.accounts.Role;

/**
 * STOMP frames as they arrive on a new WebSocket, under arbitrary input: the gate never
 * throws; a first frame that is not a CONNECT with a valid token is answered with an
 * ERROR frame and the socket closed (1008), and nothing else is both passed on and
 * answered. The corpus in
 * {@code src/test/resources/fi/tukipiiri/auth/StompConnectGateFuzzTestInputs} is replayed
 * in every build.
 */
class StompConnectGateFuzzTest {

	private static final String GOOD = "Bearer the-only-good-token";

	/**
	 * Accepts exactly one token; the real check (signature, revocation) has its own
	 * tests.
	 */
	private static final BearerTokens TOKENS = new BearerTokens(null, null) {
		@Override
		Optional<AccessTokens.Verified> verify(String header) {
			return GOOD.equals(header) ? Optional.of(new AccessTokens.Verified(UUID.randomUUID(),
					EnumSet.of(Role.PARENT), false, "t", 0, UUID.randomUUID(), Instant.MAX)) : Optional.empty();
		}
	};

	@FuzzTest(maxDuration = "30s")
	void aConnectWithoutAValidTokenIsRefusedAndNothingThrows(FuzzedDataProvider data) throws Exception {
		String payload = data.consumeRemainingAsString();
		RecordingHandler next = new RecordingHandler();
		RecordingSession session = new RecordingSession();
		StompConnectGate gate = new StompConnectGate(next, TOKENS);

		gate.handleMessage(session, new TextMessage(payload));

		boolean refused = session.closed != null;
		if (refused) {
			assertThat(session.closed).isEqualTo(CloseStatus.POLICY_VIOLATION);
			assertThat(session.sent).hasSize(1);
			assertThat(session.sent.get(0)).startsWith("ERROR\n").contains("message:auth.");
			assertThat(next.received).as("a refused frame is not passed on").isEmpty();
		}
		else {
			assertThat(next.received).containsExactly(payload);
			assertThat(session.sent).isEmpty();
		}
		firstFrame(payload).ifPresent(first -> assertThat(refused)
			.as("a first %s frame with Authorization %s", first.getCommand(),
					first.getFirstNativeHeader("Authorization"))
			.isEqualTo(!(isConnect(first) && GOOD.equals(first.getFirstNativeHeader("Authorization")))));
	}

	private static boolean isConnect(StompHeaderAccessor frame) {
		return frame.getCommand() == StompCommand.CONNECT || frame.getCommand() == StompCommand.STOMP;
	}

	/**
	 * The first frame that is not a heart-beat, if the payload decodes as whole STOMP
	 * frames.
	 */
	private static Optional<StompHeaderAccessor> firstFrame(String payload) {
		List<Message<byte[]>> frames;
		try {
			frames = new StompDecoder().decode(ByteBuffer.wrap(payload.getBytes(StandardCharsets.UTF_8)));
		}
		catch (RuntimeException notStomp) {
			return Optional.empty();
		}
		return frames.stream()
			.map(frame -> MessageHeaderAccessor.getAccessor(frame, StompHeaderAccessor.class))
			.filter(accessor -> accessor != null && accessor.getCommand() != null)
			.findFirst();
	}

	private static final class RecordingHandler extends AbstractWebSocketHandler {

		final List<String> received = new ArrayList<>();

		@Override
		protected void handleTextMessage(WebSocketSession session, TextMessage message) {
			received.add(message.getPayload());
		}

	}

	/**
	 * Just enough of a WebSocket session for the gate: attributes, what it sends, and how
	 * it closes.
	 */
	private static final class RecordingSession implements WebSocketSession {

		final Map<String, Object> attributes = new HashMap<>();

		final List<String> sent = new ArrayList<>();

		CloseStatus closed;

		@Override
		public String getId() {
			return "fuzz";
		}

		@Override
		public URI getUri() {
			return URI.create("ws://localhost/ws");
		}

		@Override
		public HttpHeaders getHandshakeHeaders() {
			return new HttpHeaders();
		}

		@Override
		public Map<String, Object> getAttributes() {
			return attributes;
		}

		@Override
		public Principal getPrincipal() {
			return null;
		}

		@Override
		public InetSocketAddress getLocalAddress() {
			return null;
		}

		@Override
		public InetSocketAddress getRemoteAddress() {
			return null;
		}

		@Override
		public String getAcceptedProtocol() {
			return "v12.stomp";
		}

		@Override
		public void setTextMessageSizeLimit(int messageSizeLimit) {
		}

		@Override
		public int getTextMessageSizeLimit() {
			return 64 * 1024;
		}

		@Override
		public void setBinaryMessageSizeLimit(int messageSizeLimit) {
		}

		@Override
		public int getBinaryMessageSizeLimit() {
			return 64 * 1024;
		}

		@Override
		public List<WebSocketExtension> getExtensions() {
			return List.of();
		}

		@Override
		public void sendMessage(WebSocketMessage<?> message) {
			sent.add(String.valueOf(message.getPayload()));
		}

		@Override
		public boolean isOpen() {
			return closed == null;
		}

		@Override
		public void close() {
			close(CloseStatus.NORMAL);
		}

		@Override
		public void close(CloseStatus status) {
			closed = status;
		}

	}

}
