package fi.tukipiiri.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Type;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.awaitility.Awaitility;

import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompFrameHandler;
import org.springframework.messaging.simp.stomp.StompHeaders;
import org.springframework.messaging.simp.stomp.StompSession;
import org.springframework.messaging.simp.stomp.StompSessionHandlerAdapter;
import org.springframework.messaging.simp.user.SimpUserRegistry;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.util.MimeTypeUtils;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.WebSocketHttpHeaders;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.client.WebSocketClient;
import org.springframework.web.socket.client.standard.StandardWebSocketClient;
import org.springframework.web.socket.handler.WebSocketHandlerDecorator;
import org.springframework.web.socket.messaging.WebSocketStompClient;

/**
 * A real STOMP-over-WebSocket client for tests: what it receives lands in queues the test
 * reads from.
 */
public final class StompTestClient implements AutoCloseable {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final WebSocketStompClient client;

	private final StompSession session;

	private final AtomicReference<WebSocketSession> transport;

	/** ERROR frames and transport failures; a refused CONNECT ends up here. */
	public final BlockingQueue<String> failures;

	private StompTestClient(WebSocketStompClient client, StompSession session, BlockingQueue<String> failures,
			AtomicReference<WebSocketSession> transport) {
		this.client = client;
		this.session = session;
		this.failures = failures;
		this.transport = transport;
	}

	/**
	 * Connects with the token in the CONNECT frame, and subscribes to the personal ack
	 * and error queues.
	 */
	public static StompTestClient connect(String baseUrl, String accessToken) {
		return connect(baseUrl, accessToken, new WebSocketHttpHeaders());
	}

	public static StompTestClient connect(String baseUrl, String accessToken, WebSocketHttpHeaders handshakeHeaders) {
		AtomicReference<WebSocketSession> transport = new AtomicReference<>();
		WebSocketStompClient client = new WebSocketStompClient(new RecordingClient(transport));
		ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
		scheduler.initialize();
		client.setTaskScheduler(scheduler);
		client.setDefaultHeartbeat(new long[] { 10_000, 10_000 });
		BlockingQueue<String> failures = new LinkedBlockingQueue<>();
		StompHeaders connectHeaders = new StompHeaders();
		if (accessToken != null) {
			connectHeaders.add("Authorization", "Bearer " + accessToken);
		}
		CompletableFuture<StompSession> future = client.connectAsync(baseUrl.replace("http", "ws") + "/ws",
				handshakeHeaders, connectHeaders, new StompSessionHandlerAdapter() {
					@Override
					public void handleFrame(StompHeaders headers, Object payload) {
						failures.add("ERROR " + headers.getFirst("message"));
					}

					@Override
					public void handleException(StompSession s, StompCommand command, StompHeaders headers,
							byte[] payload, Throwable ex) {
						failures.add("EXCEPTION " + ex);
					}

					@Override
					public void handleTransportError(StompSession s, Throwable ex) {
						failures.add("TRANSPORT " + ex);
					}
				});
		try {
			StompSession session = future.get(5, TimeUnit.SECONDS);
			return new StompTestClient(client, session, failures, transport);
		}
		catch (Exception ex) {
			client.stop();
			throw new IllegalStateException("STOMP connection failed: " + ex + " " + failures, ex);
		}
	}

	/**
	 * Subscribes; to a room topic with a {@code receipt}, and returns once the server's
	 * {@code RECEIPT} says the subscription is registered (or refused, on the errors
	 * queue), so whatever is published next reaches it, or once the server ended the
	 * connection instead.
	 */
	public BlockingQueue<JsonNode> subscribe(String destination) {
		BlockingQueue<JsonNode> received = new LinkedBlockingQueue<>();
		StompHeaders headers = new StompHeaders();
		headers.setDestination(destination);
		boolean confirmed = destination.startsWith("/topic/rooms/");
		if (confirmed) {
			headers.setReceipt(UUID.randomUUID().toString());
		}
		CompletableFuture<Void> receipt = new CompletableFuture<>();
		StompSession.Subscription subscription = session.subscribe(headers, new StompFrameHandler() {
			@Override
			public Type getPayloadType(StompHeaders headers) {
				return byte[].class;
			}

			@Override
			public void handleFrame(StompHeaders headers, Object payload) {
				received.add(JSON.readTree((byte[]) payload));
			}
		});
		if (confirmed) {
			subscription.addReceiptTask(() -> receipt.complete(null));
			// a connection the server ends instead (an ERROR frame) answers with its
			// failure,
			// which the test reads
			Awaitility.await()
				.atMost(10, TimeUnit.SECONDS)
				.pollInterval(Duration.ofMillis(10))
				.alias("a RECEIPT for the SUBSCRIBE to " + destination)
				.until(() -> receipt.isDone() || !failures.isEmpty() || !session.isConnected());
		}
		return received;
	}

	public void send(String destination, Object payload) {
		sendRaw(destination, JSON.writeValueAsString(payload));
	}

	public void sendRaw(String destination, String json) {
		StompHeaders headers = new StompHeaders();
		headers.setDestination(destination);
		headers.setContentType(MimeTypeUtils.APPLICATION_JSON);
		session.send(headers, json.getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * A SEND with extra STOMP headers (an {@code Authorization} header, for instance).
	 */
	public void sendWithHeaders(String destination, String json, Map<String, String> extra) {
		StompHeaders headers = new StompHeaders();
		headers.setDestination(destination);
		headers.setContentType(MimeTypeUtils.APPLICATION_JSON);
		extra.forEach(headers::add);
		session.send(headers, json.getBytes(StandardCharsets.UTF_8));
	}

	public void sendMessage(UUID roomId, String clientId, String body) {
		send("/app/rooms/" + roomId + "/messages", Map.of("clientId", clientId, "body", body));
	}

	public boolean isConnected() {
		return session.isConnected();
	}

	/**
	 * Drops the connection without a DISCONNECT frame, as a phone losing its network
	 * would.
	 */
	public void drop() {
		try {
			transport.get().close(CloseStatus.SESSION_NOT_RELIABLE);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Keeps hold of the WebSocket under the STOMP session, so a test can cut it. */
	private static final class RecordingClient implements WebSocketClient {

		private final StandardWebSocketClient delegate = new StandardWebSocketClient();

		private final AtomicReference<WebSocketSession> transport;

		RecordingClient(AtomicReference<WebSocketSession> transport) {
			this.transport = transport;
		}

		@Override
		public CompletableFuture<WebSocketSession> execute(WebSocketHandler handler, String uriTemplate,
				Object... uriVariables) {
			return delegate.execute(recording(handler), uriTemplate, uriVariables);
		}

		@Override
		public CompletableFuture<WebSocketSession> execute(WebSocketHandler handler, WebSocketHttpHeaders headers,
				URI uri) {
			return delegate.execute(recording(handler), headers, uri);
		}

		private WebSocketHandler recording(WebSocketHandler handler) {
			return new WebSocketHandlerDecorator(handler) {
				@Override
				public void afterConnectionEstablished(WebSocketSession session) throws Exception {
					transport.set(session);
					super.afterConnectionEstablished(session);
				}
			};
		}

	}

	/**
	 * Waits until the server ended this connection with an ERROR frame of {@code code}
	 * (within a second) and the connection is closed (within two more).
	 */
	public void awaitEndedWith(String code) {
		Awaitility.await()
			.atMost(1, TimeUnit.SECONDS)
			.pollInterval(Duration.ofMillis(20))
			.until(() -> failures.contains("ERROR " + code));
		Awaitility.await().atMost(2, TimeUnit.SECONDS).until(() -> !isConnected());
	}

	@Override
	public void close() {
		try {
			if (session.isConnected()) {
				session.disconnect();
			}
		}
		finally {
			client.stop();
		}
	}

	/**
	 * Waits until the node's registry holds {@code count} subscriptions of the person to
	 * the destination (as the client named it), so that what is published next reaches
	 * them: a SUBSCRIBE is handled after the client has sent it.
	 */
	public static void awaitSubscribed(SimpUserRegistry registry, UUID accountId, String destination, int count) {
		Awaitility.await()
			.atMost(5, TimeUnit.SECONDS)
			.until(() -> registry
				.findSubscriptions(
						subscription -> subscription.getSession().getUser().getName().equals(accountId.toString())
								&& subscription.getDestination().equals(destination))
				.size() == count);
	}

	/** The next item within a few seconds, or a failure naming what was awaited. */
	public static JsonNode next(BlockingQueue<JsonNode> queue, String what) {
		return next(queue, what, 10);
	}

	public static JsonNode next(BlockingQueue<JsonNode> queue, String what, int seconds) {
		try {
			JsonNode node = queue.poll(seconds, TimeUnit.SECONDS);
			if (node == null) {
				throw new AssertionError("Nothing arrived: " + what);
			}
			return node;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AssertionError(ex);
		}
	}

	/** Asserts nothing arrives for a short while. */
	public static void nothing(BlockingQueue<JsonNode> queue, long millis) {
		try {
			JsonNode node = queue.poll(millis, TimeUnit.MILLISECONDS);
			if (node != null) {
				throw new AssertionError("Expected nothing but got " + node);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AssertionError(ex);
		}
	}

}
