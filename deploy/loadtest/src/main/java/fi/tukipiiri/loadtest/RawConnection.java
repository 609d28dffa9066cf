package fi.tukipiiri.loadtest;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * A client of the bare WebSocket baseline: joins its room in the URL; every text it sends
 * reaches the room's others.
 */
final class RawConnection implements ChatConnection, Transport.Inbound {

	private final Receiver receiver;

	private volatile Transport.Socket socket;

	private volatile boolean open;

	private RawConnection(Receiver receiver) {
		this.receiver = receiver;
	}

	static CompletableFuture<ChatConnection> open(Transport transport, String url, String room, Receiver receiver) {
		RawConnection connection = new RawConnection(receiver);
		URI uri = URI
			.create(url.replaceFirst("^http", "ws") + "/?room=" + URLEncoder.encode(room, StandardCharsets.UTF_8));
		return transport.open(uri, Map.of(), connection).thenApply(socket -> {
			connection.socket = socket;
			connection.open = true;
			return connection;
		});
	}

	@Override
	public void send(String clientId, String body) {
		socket.send("{\"clientId\":\"" + clientId + "\",\"body\":\"" + body + "\"}");
	}

	@Override
	public void close() {
		socket.close();
	}

	@Override
	public String extensions() {
		return socket.extensions();
	}

	@Override
	public void text(Transport.Socket from, String message) {
		receiver.message(message);
	}

	@Override
	public void closed(Transport.Socket from, Throwable failure) {
		if (open) {
			receiver.dropped();
		}
	}

}
