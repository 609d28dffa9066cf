package fi.tukipiiri.loadtest;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

/**
 * A lean STOMP 1.2 client over the JDK's WebSocket, enough for thousands of connections in one process:
 * CONNECT with a bearer token, SUBSCRIBE, SEND, and a callback per MESSAGE body.
 */
final class StompConnection implements WebSocket.Listener {

	private final CompletableFuture<StompConnection> connected = new CompletableFuture<>();
	private final Consumer<String> onMessage;
	private final StringBuilder partial = new StringBuilder();
	private WebSocket socket;

	private StompConnection(Consumer<String> onMessage) {
		this.onMessage = onMessage;
	}

	static CompletableFuture<StompConnection> open(HttpClient http, String url, String token, Consumer<String> onMessage) {
		StompConnection connection = new StompConnection(onMessage);
		http.newWebSocketBuilder().buildAsync(URI.create(url.replaceFirst("^http", "ws") + "/ws"), connection)
				.thenAccept(socket -> {
					connection.socket = socket;
					connection.frame("CONNECT\naccept-version:1.2\nhost:tukipiiri\nheart-beat:0,0\nAuthorization:Bearer " + token + "\n\n");
				})
				.exceptionally(failure -> {
					connection.connected.completeExceptionally(failure);
					return null;
				});
		return connection.connected;
	}

	void subscribe(String id, String destination) {
		frame("SUBSCRIBE\nid:" + id + "\ndestination:" + destination + "\n\n");
	}

	void send(String destination, String json) {
		frame("SEND\ndestination:" + destination + "\ncontent-type:application/json\n\n" + json);
	}

	void close() {
		if (socket != null) {
			socket.sendClose(WebSocket.NORMAL_CLOSURE, "done");
		}
	}

	private synchronized void frame(String frame) {
		socket.sendText(frame + "\u0000", true).join();
	}

	@Override
	public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
		partial.append(data);
		if (last) {
			String frame = partial.toString();
			partial.setLength(0);
			if (frame.startsWith("MESSAGE")) {
				onMessage.accept(frame.substring(frame.indexOf("\n\n") + 2));
			}
			else if (frame.startsWith("CONNECTED")) {
				connected.complete(this);
			}
			else if (frame.startsWith("ERROR")) {
				connected.completeExceptionally(new IllegalStateException(frame));
			}
		}
		webSocket.request(1);
		return null;
	}

	@Override
	public void onError(WebSocket webSocket, Throwable error) {
		connected.completeExceptionally(error);
	}
}
