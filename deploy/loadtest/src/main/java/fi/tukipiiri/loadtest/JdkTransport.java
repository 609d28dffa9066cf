package fi.tukipiiri.loadtest;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The JDK's WebSocket client: thousands of connections on four threads; it cannot
 * negotiate extensions.
 */
final class JdkTransport implements Transport {

	private final ExecutorService threads = Executors.newFixedThreadPool(4);

	private final HttpClient http = HttpClient.newBuilder().executor(threads).build();

	@Override
	public CompletableFuture<Socket> open(URI uri, Map<String, String> headers, Inbound inbound) {
		WebSocket.Builder builder = http.newWebSocketBuilder();
		headers.forEach(builder::header);
		Endpoint endpoint = new Endpoint(inbound);
		return builder.buildAsync(uri, endpoint).thenApply(socket -> endpoint);
	}

	@Override
	public void close() {
		threads.shutdown();
		try {
			threads.awaitTermination(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static final class Endpoint implements WebSocket.Listener, Socket {

		private final Inbound inbound;

		private final StringBuilder partial = new StringBuilder();

		private final ByteArrayOutputStream partialBytes = new ByteArrayOutputStream();

		/**
		 * The last send: the JDK allows one outstanding send per socket, so each waits
		 * for the one before.
		 */
		private CompletableFuture<WebSocket> sending;

		Endpoint(Inbound inbound) {
			this.inbound = inbound;
		}

		@Override
		public void onOpen(WebSocket webSocket) {
			synchronized (this) {
				sending = CompletableFuture.completedFuture(webSocket);
			}
			webSocket.request(1);
		}

		@Override
		public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
			partial.append(data);
			if (last) {
				String message = partial.toString();
				partial.setLength(0);
				inbound.text(this, message);
			}
			webSocket.request(1);
			return null;
		}

		/**
		 * A frame sent as binary (Tukipiiri writes room messages so) is read as UTF-8
		 * text, as a browser would.
		 */
		@Override
		public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
			byte[] bytes = new byte[data.remaining()];
			data.get(bytes);
			partialBytes.write(bytes, 0, bytes.length);
			if (last) {
				String message = partialBytes.toString(StandardCharsets.UTF_8);
				partialBytes.reset();
				inbound.text(this, message);
			}
			webSocket.request(1);
			return null;
		}

		@Override
		public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
			inbound.closed(this, null);
			return null;
		}

		@Override
		public void onError(WebSocket webSocket, Throwable error) {
			inbound.closed(this, error);
		}

		@Override
		public synchronized void send(String text) {
			sending = sending.thenCompose(socket -> socket.sendText(text, true));
		}

		@Override
		public synchronized void close() {
			sending = sending.thenCompose(socket -> socket.sendClose(WebSocket.NORMAL_CLOSURE, "done"));
		}

		@Override
		public String extensions() {
			return "";
		}

	}

}
