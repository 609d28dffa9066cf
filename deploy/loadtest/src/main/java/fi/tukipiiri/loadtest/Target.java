package fi.tukipiiri.loadtest;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import fi.tukipiiri.loadtest.ChatConnection.Receiver;

/**
 * One kind of server under load: who its clients are, which rooms they join, how they
 * connect.
 */
interface Target {

	/** Makes the rooms and the clients' credentials, before anything is timed. */
	void prepare() throws Exception;

	CompletableFuture<ChatConnection> connect(Transport transport, int index, Receiver receiver);

	/**
	 * Whether a message also reaches its sender as a room message (Tukipiiri's room
	 * topic), not only the others.
	 */
	boolean echoesToSender();

	static Target of(Options options, Api api, String adminToken) {
		return switch (options.protocol()) {
			case STOMP -> new Stomp(options, api, adminToken);
			case RAW -> new Raw(options);
			case SOCKETIO -> new SocketIo(options);
		};
	}

	/**
	 * Tukipiiri: open rooms made by the administrator, one guest identity per connection.
	 */
	final class Stomp implements Target {

		private final Options options;

		private final Api api;

		private final String adminToken;

		private final List<String> rooms = new ArrayList<>();

		private final List<String> tokens = new ArrayList<>();

		Stomp(Options options, Api api, String adminToken) {
			this.options = options;
			this.api = api;
			this.adminToken = adminToken;
		}

		@Override
		public void prepare() throws Exception {
			for (int r = 0; r < options.rooms(); r++) {
				rooms.add(api.createOpenRoom(adminToken, "Kuormitus " + r));
			}
			ExecutorService pool = Executors.newFixedThreadPool(16);
			List<CompletableFuture<String>> futures = new ArrayList<>();
			for (int i = 0; i < options.connections(); i++) {
				String nickname = "Kuorma " + i;
				futures.add(CompletableFuture.supplyAsync(() -> api.guestToken(nickname), pool));
			}
			for (CompletableFuture<String> future : futures) {
				tokens.add(future.get());
			}
			pool.shutdown();
		}

		@Override
		public CompletableFuture<ChatConnection> connect(Transport transport, int index, Receiver receiver) {
			return StompConnection.open(transport, options.urlOf(index), tokens.get(index),
					rooms.get(index / options.roomSize()), receiver);
		}

		@Override
		public boolean echoesToSender() {
			return true;
		}

	}

	/** The bare WebSocket baseline: rooms are names, nobody signs in. */
	final class Raw implements Target {

		private final Options options;

		Raw(Options options) {
			this.options = options;
		}

		@Override
		public void prepare() {
			// nothing to make
		}

		@Override
		public CompletableFuture<ChatConnection> connect(Transport transport, int index, Receiver receiver) {
			return RawConnection.open(transport, options.url(), "room-" + index / options.roomSize(), receiver);
		}

		@Override
		public boolean echoesToSender() {
			return false;
		}

	}

	/**
	 * The Socket.IO baseline: a signed token per client; joining a room makes the client
	 * a member.
	 */
	final class SocketIo implements Target {

		private final Options options;

		private final List<String> tokens = new ArrayList<>();

		SocketIo(Options options) {
			this.options = options;
		}

		@Override
		public void prepare() {
			for (int i = 0; i < options.connections(); i++) {
				tokens.add(Jwt.sign("parent-" + i, options.jwtSecret()));
			}
		}

		@Override
		public CompletableFuture<ChatConnection> connect(Transport transport, int index, Receiver receiver) {
			return SocketIoConnection.open(transport, options.url(), tokens.get(index),
					"room-" + index / options.roomSize(), receiver);
		}

		@Override
		public boolean echoesToSender() {
			return false;
		}

	}

}
