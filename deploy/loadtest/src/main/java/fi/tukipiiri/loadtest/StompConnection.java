package fi.tukipiiri.loadtest;

import java.net.URI;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * A lean STOMP 1.2 client for Tukipiiri, enough for thousands of connections in one
 * process: CONNECT with a bearer token, SUBSCRIBE to the room, the sender's
 * acknowledgements and errors, SEND to the room.
 */
final class StompConnection implements ChatConnection, Transport.Inbound {

	private final CompletableFuture<ChatConnection> connected = new CompletableFuture<>();

	private final String roomId;

	private final Receiver receiver;

	private volatile Transport.Socket socket;

	private StompConnection(String roomId, Receiver receiver) {
		this.roomId = roomId;
		this.receiver = receiver;
	}

	static CompletableFuture<ChatConnection> open(Transport transport, String url, String token, String roomId,
			Receiver receiver) {
		StompConnection connection = new StompConnection(roomId, receiver);
		transport.open(URI.create(url.replaceFirst("^http", "ws") + "/ws"), Map.of(), connection).thenAccept(socket -> {
			connection.socket = socket;
			socket.send(frame("CONNECT\naccept-version:1.2\nhost:tukipiiri\nheart-beat:0,0\nAuthorization:Bearer "
					+ token + "\n\n"));
		}).exceptionally(failure -> {
			connection.connected.completeExceptionally(failure);
			return null;
		});
		return connection.connected;
	}

	@Override
	public void send(String clientId, String body) {
		socket.send(frame("SEND\ndestination:/app/rooms/" + roomId + "/messages\ncontent-type:application/json\n\n"
				+ "{\"clientId\":\"" + clientId + "\",\"body\":\"" + body + "\"}"));
	}

	@Override
	public void close() {
		if (socket != null) {
			socket.close();
		}
	}

	@Override
	public String extensions() {
		return socket.extensions();
	}

	@Override
	public void text(Transport.Socket from, String frame) {
		if (frame.startsWith("MESSAGE")) {
			int headersEnd = frame.indexOf("\n\n");
			String headers = frame.substring(0, headersEnd + 1);
			String body = frame.substring(headersEnd + 2,
					frame.endsWith("\u0000") ? frame.length() - 1 : frame.length());
			if (headers.contains("\nsubscription:acks\n")) {
				receiver.ack(body);
			}
			else if (headers.contains("\nsubscription:errors\n")) {
				receiver.error(body);
			}
			else {
				receiver.message(body);
			}
		}
		else if (frame.startsWith("CONNECTED")) {
			from.send(frame("SUBSCRIBE\nid:room\ndestination:/topic/rooms/" + roomId + "\n\n"));
			from.send(frame("SUBSCRIBE\nid:acks\ndestination:/user/queue/acks\n\n"));
			from.send(frame("SUBSCRIBE\nid:errors\ndestination:/user/queue/errors\n\n"));
			connected.complete(this);
		}
		else if (frame.startsWith("ERROR")) {
			connected.completeExceptionally(new IllegalStateException(frame));
			receiver.error(frame);
		}
	}

	@Override
	public void closed(Transport.Socket from, Throwable failure) {
		if (!connected
			.completeExceptionally(failure != null ? failure : new IllegalStateException("closed before CONNECTED"))) {
			receiver.dropped();
		}
	}

	private static String frame(String frame) {
		return frame + "\u0000";
	}

}
