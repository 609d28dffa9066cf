package fi.tukipiiri.loadtest;

import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.ExtensionConfig;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.client.ClientUpgradeRequest;
import org.eclipse.jetty.websocket.client.WebSocketClient;

/**
 * Jetty's WebSocket client. With {@code deflate} every handshake offers
 * {@code permessage-deflate;
 * client_max_window_bits}, as browsers do; the server decides whether to accept it.
 */
final class JettyTransport implements Transport {

	private final WebSocketClient client;

	private final boolean deflate;

	JettyTransport(boolean deflate) {
		this.deflate = deflate;
		QueuedThreadPool threads = new QueuedThreadPool(16, 4);
		threads.setName("jetty-ws");
		HttpClient http = new HttpClient();
		http.setExecutor(threads);
		http.setMaxConnectionsPerDestination(100_000);
		http.setMaxRequestsQueuedPerDestination(100_000);
		client = new WebSocketClient(http);
		client.setIdleTimeout(Duration.ofHours(2));
		client.setMaxTextMessageSize(1 << 20);
		try {
			client.start();
		}
		catch (Exception ex) {
			throw new IllegalStateException("Could not start Jetty's WebSocket client", ex);
		}
	}

	@Override
	public CompletableFuture<Socket> open(URI uri, Map<String, String> headers, Inbound inbound) {
		ClientUpgradeRequest request = new ClientUpgradeRequest();
		if (deflate) {
			request.addExtensions("permessage-deflate; client_max_window_bits");
		}
		headers.forEach(request::setHeader);
		Endpoint endpoint = new Endpoint(inbound);
		try {
			return client.connect(endpoint, uri, request).thenApply(session -> endpoint);
		}
		catch (Exception ex) {
			return CompletableFuture.failedFuture(ex);
		}
	}

	@Override
	public void close() {
		try {
			client.stop();
		}
		catch (Exception ignored) {
			// the run is over
		}
	}

	/**
	 * Public because Jetty finds the listener's methods through a public method-handle
	 * lookup.
	 */
	public static final class Endpoint implements Session.Listener.AutoDemanding, Socket {

		private final Inbound inbound;

		private volatile Session session;

		Endpoint(Inbound inbound) {
			this.inbound = inbound;
		}

		@Override
		public void onWebSocketOpen(Session session) {
			this.session = session;
		}

		@Override
		public void onWebSocketText(String message) {
			inbound.text(this, message);
		}

		/**
		 * A frame sent as binary (Tukipiiri writes room messages so) is read as UTF-8
		 * text, as a browser would.
		 */
		@Override
		public void onWebSocketBinary(ByteBuffer payload, Callback callback) {
			inbound.text(this, StandardCharsets.UTF_8.decode(payload).toString());
			callback.succeed();
		}

		@Override
		public void onWebSocketClose(int statusCode, String reason) {
			inbound.closed(this, null);
		}

		@Override
		public void onWebSocketError(Throwable cause) {
			inbound.closed(this, cause);
		}

		@Override
		public synchronized void send(String text) {
			session.sendText(text, Callback.NOOP);
		}

		@Override
		public void close() {
			session.close();
		}

		@Override
		public String extensions() {
			return session.getUpgradeResponse()
				.getExtensions()
				.stream()
				.map(ExtensionConfig::getParameterizedName)
				.collect(Collectors.joining(", "));
		}

	}

}
