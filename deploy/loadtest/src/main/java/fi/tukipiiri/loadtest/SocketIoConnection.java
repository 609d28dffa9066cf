package fi.tukipiiri.loadtest;

import java.net.URI;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A Socket.IO 4 client over the WebSocket transport only (Engine.IO 4 framing): after the
 * server's open packet {@code 0{…}} it connects to the main namespace with its token
 * ({@code 40{"token":…}}), joins its room with an acknowledged event, then sends
 * {@code 42<id>["send",{…}]} and reads {@code 43<id>[…]} acknowledgements and
 * {@code 42["message",{…}]} broadcasts. Pings ({@code 2}) are answered ({@code 3}).
 */
final class SocketIoConnection implements ChatConnection, Transport.Inbound {

	private static final int JOIN_ACK = 0;

	private final CompletableFuture<ChatConnection> joined = new CompletableFuture<>();

	private final AtomicInteger ackIds = new AtomicInteger(JOIN_ACK + 1);

	private final String token;

	private final String room;

	private final Receiver receiver;

	private volatile Transport.Socket socket;

	private SocketIoConnection(String token, String room, Receiver receiver) {
		this.token = token;
		this.room = room;
		this.receiver = receiver;
	}

	static CompletableFuture<ChatConnection> open(Transport transport, String url, String token, String room,
			Receiver receiver) {
		SocketIoConnection connection = new SocketIoConnection(token, room, receiver);
		URI uri = URI.create(url.replaceFirst("^http", "ws") + "/socket.io/?EIO=4&transport=websocket");
		transport.open(uri, Map.of(), connection).exceptionally(failure -> {
			connection.joined.completeExceptionally(failure);
			return null;
		});
		return connection.joined;
	}

	@Override
	public void send(String clientId, String body) {
		socket.send("42" + ackIds.getAndIncrement() + "[\"send\",{\"room\":\"" + room + "\",\"clientId\":\"" + clientId
				+ "\",\"body\":\"" + body + "\"}]");
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
	public void text(Transport.Socket from, String packet) {
		if (packet.equals("2")) {
			from.send("3");
		}
		else if (packet.startsWith("42[")) {
			receiver.message(packet);
		}
		else if (packet.startsWith("43")) {
			int bracket = packet.indexOf('[');
			int id = Integer.parseInt(packet, 2, bracket, 10);
			if (id != JOIN_ACK) {
				receiver.ack(packet);
			}
			else if (packet.contains("\"ok\":true")) {
				joined.complete(this);
			}
			else {
				joined.completeExceptionally(new IllegalStateException("join refused: " + packet));
			}
		}
		else if (packet.startsWith("40")) {
			from.send("42" + JOIN_ACK + "[\"join\",{\"room\":\"" + room + "\"}]");
		}
		else if (packet.startsWith("0")) {
			socket = from;
			from.send("40{\"token\":\"" + token + "\"}");
		}
		else if (packet.startsWith("44")) {
			joined.completeExceptionally(new IllegalStateException("connect refused: " + packet));
			receiver.error(packet);
		}
	}

	@Override
	public void closed(Transport.Socket from, Throwable failure) {
		if (!joined
			.completeExceptionally(failure != null ? failure : new IllegalStateException("closed before joining"))) {
			receiver.dropped();
		}
	}

}
