package fi.tukipiiri.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * One STOMP 1.2 connection over a bare WebSocket, light enough to hold thousands of in
 * one test, that keeps every frame it receives with the moment it came and how the
 * connection closed: to see exactly what a node tells its clients as it leaves.
 */
public final class RawStompConnection {

	/**
	 * A frame received: its command, headers and body, and when it came
	 * ({@link System#nanoTime()}).
	 */
	public record Frame(String command, Map<String, String> headers, String body, long receivedAt) {

		public String header(String name) {
			return this.headers.get(name);
		}

		static Frame parse(String text, long receivedAt) {
			int end = text.indexOf("\n\n");
			String head = end < 0 ? text : text.substring(0, end);
			String body = end < 0 ? "" : text.substring(end + 2).replace("\u0000", "");
			String[] lines = head.split("\n");
			Map<String, String> headers = new LinkedHashMap<>();
			for (int i = 1; i < lines.length; i++) {
				int colon = lines[i].indexOf(':');
				if (colon > 0) {
					headers.putIfAbsent(lines[i].substring(0, colon), lines[i].substring(colon + 1));
				}
			}
			return new Frame(lines[0], headers, body, receivedAt);
		}
	}

	/** How the connection closed: the WebSocket close code and when. */
	public record Closed(int status, long at) {
	}

	private final WebSocket socket;

	private final BlockingQueue<Frame> frames;

	private final CompletableFuture<Closed> closed;

	private RawStompConnection(WebSocket socket, BlockingQueue<Frame> frames, CompletableFuture<Closed> closed) {
		this.socket = socket;
		this.frames = frames;
		this.closed = closed;
	}

	/**
	 * Opens the WebSocket at {@code baseUrl}'s {@code /ws} and sends CONNECT with the
	 * token; completes with the connection once CONNECTED has come (fails otherwise).
	 */
	public static CompletableFuture<RawStompConnection> connect(HttpClient http, String baseUrl, String token) {
		BlockingQueue<Frame> frames = new LinkedBlockingQueue<>();
		CompletableFuture<Closed> closed = new CompletableFuture<>();
		CompletableFuture<Void> connected = new CompletableFuture<>();
		return http.newWebSocketBuilder()
			.connectTimeout(Duration.ofSeconds(10))
			.buildAsync(URI.create(baseUrl.replace("http", "ws") + "/ws"), new WebSocket.Listener() {

				private final StringBuilder partial = new StringBuilder();

				@Override
				public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
					this.partial.append(data);
					if (last) {
						String text = this.partial.toString();
						this.partial.setLength(0);
						if (!text.isBlank()) {
							Frame frame = Frame.parse(text, System.nanoTime());
							if ("CONNECTED".equals(frame.command()) && !connected.isDone()) {
								connected.complete(null);
							}
							else {
								frames.add(frame);
							}
						}
					}
					ws.request(1);
					return null;
				}

				@Override
				public CompletionStage<?> onClose(WebSocket ws, int status, String reason) {
					closed.complete(new Closed(status, System.nanoTime()));
					connected
						.completeExceptionally(new IllegalStateException("closed " + status + " before CONNECTED"));
					return null;
				}

				@Override
				public void onError(WebSocket ws, Throwable error) {
					closed.complete(new Closed(1006, System.nanoTime()));
					connected.completeExceptionally(error);
				}
			})
			.thenCompose(socket -> {
				socket.sendText("CONNECT\naccept-version:1.2\nhost:localhost\nAuthorization:Bearer " + token
						+ "\nheart-beat:0,0\n\n\u0000", true);
				return connected.orTimeout(30, TimeUnit.SECONDS)
					.thenApply(done -> new RawStompConnection(socket, frames, closed));
			});
	}

	/** Sends a whole STOMP frame ({@code NUL} included). */
	public void send(String frame) {
		this.socket.sendText(frame, true).join();
	}

	/** Subscribes {@code destination} under subscription id {@code id}. */
	public void subscribe(String id, String destination) {
		send("SUBSCRIBE\nid:" + id + "\ndestination:" + destination + "\n\n\u0000");
	}

	/** The next frame received, waiting at most {@code within}; null if none came. */
	public Frame next(Duration within) throws InterruptedException {
		return this.frames.poll(within.toMillis(), TimeUnit.MILLISECONDS);
	}

	/** Frames received and not yet taken, in order. */
	public BlockingQueue<Frame> frames() {
		return this.frames;
	}

	/** Completes when the connection has closed. */
	public CompletableFuture<Closed> closed() {
		return this.closed;
	}

	/** Drops the connection without a goodbye. */
	public void abort() {
		this.socket.abort();
	}

}
