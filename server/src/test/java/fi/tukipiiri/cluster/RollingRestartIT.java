package fi.tukipiiri.cluster;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

import fi.tukipiiri.support.ApiClient;
import fi.tukipiiri.support.ApiClient.Session;
import fi.tukipiiri.support.IntegrationTest;
import fi.tukipiiri.support.Nginx;
import fi.tukipiiri.support.NodeProcess;
import fi.tukipiiri.support.RawStompConnection;
import fi.tukipiiri.support.RawStompConnection.Frame;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A rolling restart as an operator does one: three nodes behind Debian's nginx (with the
 * shipped site configuration), on one PostgreSQL and one Redis, 60 clients chatting in
 * three rooms through the proxy, and each node in turn stopped with SIGTERM and started
 * again. Clients behave as the web client does: told to reconnect, they wait the hint,
 * connect through the proxy again, subscribe with a receipt, read what they missed from
 * history, and send their unacknowledged messages again with the same client ids.
 * <p>
 * Nothing acknowledged is lost, nothing is stored twice, no client misses a message,
 * every client is back within 5 s, every node leaves within 10 s with no ERROR in its
 * log, and afterwards the connections even out across the nodes (maximum connection age).
 */
@IntegrationTest
class RollingRestartIT {

	private static final int NODES = 3;

	private static final int ROOMS = 3;

	private static final int CLIENTS = 60;

	private static final Duration SEND_EVERY = Duration.ofMillis(600);

	private static final String[] SETTINGS = { "--tukipiiri.drain.unready-for=500ms",
			"--tukipiiri.drain.reconnect-spread=1500ms", "--tukipiiri.drain.max-connection-age=20s" };

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	/**
	 * Refusals that store nothing and name a pause: the message goes again after it (a
	 * busy node, one that is leaving, Redis or PostgreSQL out of reach).
	 */
	private static final Set<String> WAIT_CODES = Set.of("server.busy", "server.restarting", "server.unavailable");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Autowired
	ApiClient api;

	@Autowired
	Environment environment;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aRollingRestartUnderChatLosesNothingAndEveryoneIsBackWithinFiveSeconds() throws Exception {
		List<NodeProcess> nodes = new ArrayList<>();
		List<ChattingClient> clients = new ArrayList<>();
		try {
			for (int i = 0; i < NODES; i++) {
				nodes.add(NodeProcess.startBeside(environment, SETTINGS));
			}
			try (Nginx proxy = Nginx.inFrontOf(nodes.stream().map(NodeProcess::port).toList())) {
				ApiClient throughProxy = ApiClient.at(proxy.baseUrl());
				List<UUID> rooms = new ArrayList<>();
				for (int r = 0; r < ROOMS; r++) {
					rooms.add(api.createRoom("Kierrätys " + r, "OPEN"));
				}
				for (int c = 0; c < CLIENTS; c++) {
					Session person = api.registerParent("Keskustelija " + c);
					UUID room = rooms.get(c % ROOMS);
					assertThat(
							throughProxy.post("/api/rooms/" + room + "/join", Map.of(), person.accessToken()).status())
						.isEqualTo(200);
					ChattingClient client = new ChattingClient(c, room, person.accessToken(), proxy.baseUrl());
					clients.add(client);
					client.start();
				}
				awaitAllOnline(clients, Duration.ofSeconds(60));
				Thread.sleep(3_000);

				List<Long> shutdowns = new ArrayList<>();
				for (int i = 0; i < NODES; i++) {
					NodeProcess leaving = nodes.get(i);
					long sigterm = System.nanoTime();
					leaving.terminate();
					assertThat(leaving.awaitExit(Duration.ofSeconds(10))).as("node %d exited within 10 s", i).isTrue();
					shutdowns.add(Duration.ofNanos(System.nanoTime() - sigterm).toMillis());
					assertThat(leaving.errorLines()).as("node %d's log", i).isEmpty();
					nodes.set(i, NodeProcess.startBeside(environment, leaving.port(), SETTINGS));
					Thread.sleep(2_000);
				}

				Map<Integer, Integer> spread = awaitEvenLoad(nodes, Duration.ofSeconds(60));
				clients.forEach(ChattingClient::stopSending);
				for (ChattingClient client : clients) {
					client.awaitAcknowledged(Duration.ofSeconds(30));
				}
				for (ChattingClient client : clients) {
					client.finish();
				}
				for (ChattingClient client : clients) {
					client.catchUp(proxy.baseUrl());
				}

				int lost = 0;
				int gaps = 0;
				for (ChattingClient client : clients) {
					Set<String> stored = new TreeSet<>(
							this.jdbc.sql("SELECT client_id FROM messages WHERE room_id = ? AND client_id LIKE ?")
								.params(client.room, client.prefix() + "%")
								.query(String.class)
								.list());
					for (String acked : client.acked) {
						if (!stored.contains(acked)) {
							lost++;
						}
					}
					long last = this.jdbc.sql("SELECT max(seq) FROM messages WHERE room_id = ?")
						.param(client.room)
						.query(Long.class)
						.single();
					gaps += (int) LongStream.rangeClosed(1, last).filter(seq -> !client.seen.contains(seq)).count();
					assertThat(client.refusals).as("client %d: refusals other than a restart's", client.index)
						.isEmpty();
					assertThat(client.unacknowledged()).as("client %d: sent, never acknowledged", client.index)
						.isEmpty();
				}
				int duplicates = this.jdbc.sql(
						"SELECT count(*) - count(DISTINCT (room_id, author_id, client_id)) FROM messages WHERE room_id IN (?, ?, ?)")
					.params(rooms.get(0), rooms.get(1), rooms.get(2))
					.query(Integer.class)
					.single();
				long worstOutage = clients.stream()
					.flatMap(client -> client.outages.stream())
					.mapToLong(Long::longValue)
					.max()
					.orElse(0);
				int reconnects = clients.stream().mapToInt(client -> client.outages.size()).sum();
				int acknowledged = clients.stream().mapToInt(client -> client.acked.size()).sum();

				System.out.printf(
						"Rolling restart of %d nodes, %d clients: %d messages acknowledged, %d reconnects, worst time back %d ms,"
								+ " shutdowns %s ms, connections per node afterwards %s%n",
						NODES, CLIENTS, acknowledged, reconnects, worstOutage, shutdowns, spread.values());
				assertThat(lost).as("acknowledged but not stored").isZero();
				assertThat(duplicates).as("stored twice").isZero();
				assertThat(gaps).as("messages a client never saw").isZero();
				assertThat(clients).allSatisfy(client -> assertThat(client.liveDuplicates.get()).isZero());
				assertThat(reconnects).as("every client moved at least once").isGreaterThanOrEqualTo(CLIENTS);
				assertThat(worstOutage).as("longest time from being told to go to being subscribed again")
					.isLessThanOrEqualTo(5_000);
				assertThat(acknowledged).isGreaterThan(CLIENTS * 10);
			}
		}
		finally {
			for (ChattingClient client : clients) {
				client.finish();
			}
			for (NodeProcess node : nodes) {
				node.close();
			}
		}
	}

	private static void awaitAllOnline(List<ChattingClient> clients, Duration within) throws InterruptedException {
		long deadline = System.nanoTime() + within.toNanos();
		while (clients.stream().anyMatch(client -> !client.online)) {
			assertThat(System.nanoTime() < deadline).as("every client online").isTrue();
			Thread.sleep(100);
		}
	}

	/**
	 * Waits until every node holds at least a sixth of the clients' connections (a third
	 * each when even); answers the connections per node's port.
	 */
	private static Map<Integer, Integer> awaitEvenLoad(List<NodeProcess> nodes, Duration within) throws Exception {
		long deadline = System.nanoTime() + within.toNanos();
		Map<Integer, Integer> load = new java.util.TreeMap<>();
		while (System.nanoTime() < deadline) {
			load.clear();
			for (NodeProcess node : nodes) {
				load.put(node.port(), liveConnections(node));
			}
			if (load.values().stream().allMatch(count -> count >= CLIENTS / 6)) {
				return load;
			}
			Thread.sleep(500);
		}
		throw new AssertionError("connections did not even out: " + load);
	}

	private static int liveConnections(NodeProcess node) throws Exception {
		String metrics = HTTP
			.send(HttpRequest.newBuilder(URI.create(node.baseUrl() + "/actuator/prometheus")).build(),
					HttpResponse.BodyHandlers.ofString())
			.body();
		return metrics.lines()
			.filter(line -> line.startsWith("tukipiiri_connections_live"))
			.mapToInt(line -> (int) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
			.findFirst()
			.orElse(0);
	}

	/**
	 * One person in one room, on the web client's rules: a message every
	 * {@link #SEND_EVERY}, each with its own client id, kept until acknowledged and sent
	 * again on every new connection; a gap filled from history once the room's
	 * subscription is confirmed.
	 */
	static final class ChattingClient extends Thread {

		final int index;

		final UUID room;

		private final String token;

		private final String proxy;

		final Set<Long> seen = ConcurrentHashMap.newKeySet();

		final Set<String> acked = ConcurrentHashMap.newKeySet();

		private final Map<String, String> pending = new ConcurrentHashMap<>();

		/** Messages a node did not take now, by client id: when to send them again. */
		private final Map<String, Long> resendAt = new ConcurrentHashMap<>();

		final List<String> refusals = Collections.synchronizedList(new ArrayList<>());

		/** Milliseconds from losing a connection to being subscribed again, each time. */
		final List<Long> outages = Collections.synchronizedList(new ArrayList<>());

		/** The same message delivered live twice on one connection. */
		final AtomicInteger liveDuplicates = new AtomicInteger();

		private final Set<Long> liveOnThisConnection = ConcurrentHashMap.newKeySet();

		private volatile boolean sending = true;

		private volatile boolean running = true;

		volatile boolean online;

		private int written;

		ChattingClient(int index, UUID room, String token, String proxy) {
			super("chatting-client-" + index);
			this.index = index;
			this.room = room;
			this.token = token;
			this.proxy = proxy;
			setDaemon(true);
		}

		String prefix() {
			return "k" + this.index + "-";
		}

		Set<String> unacknowledged() {
			return this.pending.keySet();
		}

		void stopSending() {
			this.sending = false;
		}

		void awaitAcknowledged(Duration within) throws InterruptedException {
			long deadline = System.nanoTime() + within.toNanos();
			while (!this.pending.isEmpty() && System.nanoTime() < deadline) {
				Thread.sleep(50);
			}
		}

		@Override
		public void run() {
			long lostAt = 0;
			while (this.running) {
				RawStompConnection connection = connectAndCatchUp();
				if (connection == null) {
					continue;
				}
				if (lostAt != 0) {
					this.outages.add(Duration.ofNanos(System.nanoTime() - lostAt).toMillis());
				}
				this.online = true;
				this.pending.forEach((clientId, body) -> send(connection, clientId, body));
				long pause = converse(connection);
				this.online = false;
				lostAt = System.nanoTime();
				connection.abort();
				pause(pause);
			}
		}

		/**
		 * Chats on the connection until it ends; answers how long to wait before the next
		 * one.
		 */
		private long converse(RawStompConnection connection) {
			long nextSend = System.nanoTime();
			while (this.running) {
				if (this.sending && System.nanoTime() - nextSend >= 0) {
					String clientId = prefix() + this.written++;
					String body = "viesti " + clientId;
					this.pending.put(clientId, body);
					send(connection, clientId, body);
					nextSend = System.nanoTime() + SEND_EVERY.toNanos();
				}
				long now = System.nanoTime();
				this.resendAt.forEach((clientId, at) -> {
					if (now - at >= 0 && this.resendAt.remove(clientId, at) && this.pending.containsKey(clientId)) {
						send(connection, clientId, this.pending.get(clientId));
					}
				});
				Frame frame = next(connection, 50);
				if (frame == null) {
					if (connection.closed().isDone()) {
						return 100 + ThreadLocalRandom.current().nextLong(200);
					}
					continue;
				}
				if ("ERROR".equals(frame.command())) {
					String code = frame.header("message");
					if ("server.restarting".equals(code) || "server.rebalancing".equals(code)) {
						return Long.parseLong(frame.header("reconnect-after-ms"));
					}
					this.refusals.add("ERROR " + code);
					return 500;
				}
				handle(frame);
			}
			return 0;
		}

		private void handle(Frame frame) {
			if (!"MESSAGE".equals(frame.command())) {
				return;
			}
			JsonNode body = JSON.readTree(frame.body());
			String destination = frame.header("destination");
			if (destination.endsWith("/queue/acks")) {
				String clientId = body.path("clientId").asString();
				this.acked.add(clientId);
				this.pending.remove(clientId);
			}
			else if (destination.endsWith("/queue/errors")) {
				String code = body.path("code").asString();
				if (WAIT_CODES.contains(code)) {
					// nothing stored: sent again after the pause, as the web client does
					this.resendAt.put(body.path("clientId").asString(),
							System.nanoTime() + TimeUnit.SECONDS.toNanos(body.path("retryAfterSeconds").asLong(1)));
				}
				else {
					this.refusals.add(code);
				}
			}
			else if (destination.equals("/topic/rooms/" + this.room) && body.has("seq")) {
				long seq = body.path("seq").asLong();
				this.seen.add(seq);
				if (!this.liveOnThisConnection.add(seq)) {
					this.liveDuplicates.incrementAndGet();
				}
			}
		}

		private RawStompConnection connectAndCatchUp() {
			RawStompConnection connection;
			try {
				connection = RawStompConnection.connect(HTTP, this.proxy, this.token).get(10, TimeUnit.SECONDS);
			}
			catch (Exception refused) {
				pause(100 + ThreadLocalRandom.current().nextLong(200));
				return null;
			}
			this.liveOnThisConnection.clear();
			connection.subscribe("acks", "/user/queue/acks");
			connection.subscribe("errors", "/user/queue/errors");
			connection.send("SUBSCRIBE\nid:room\ndestination:/topic/rooms/" + this.room + "\nreceipt:room\n\n\u0000");
			long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
			while (System.nanoTime() < deadline) {
				Frame frame = next(connection, 50);
				if (frame == null) {
					if (connection.closed().isDone()) {
						return null;
					}
					continue;
				}
				if ("RECEIPT".equals(frame.command())) {
					catchUp(this.proxy);
					return connection;
				}
				if ("ERROR".equals(frame.command())) {
					connection.abort();
					pause(Long.parseLong(frame.headers().getOrDefault("reconnect-after-ms", "200")));
					return null;
				}
				handle(frame);
			}
			connection.abort();
			return null;
		}

		/** Reads from history every message after the last one seen without a gap. */
		void catchUp(String baseUrl) {
			try {
				while (!Thread.currentThread().isInterrupted()) {
					long after = 0;
					while (this.seen.contains(after + 1)) {
						after++;
					}
					HttpResponse<String> response;
					try {
						response = HTTP.send(HttpRequest
							.newBuilder(URI.create(
									baseUrl + "/api/rooms/" + this.room + "/messages?afterSeq=" + after + "&limit=200"))
							.header("Authorization", "Bearer " + this.token)
							.timeout(Duration.ofSeconds(10))
							.build(), HttpResponse.BodyHandlers.ofString());
					}
					catch (java.io.IOException unreachable) {
						pause(200);
						continue;
					}
					if (response.statusCode() != 200) {
						pause(200);
						continue;
					}
					JsonNode messages = JSON.readTree(response.body()).path("messages");
					messages.forEach(message -> this.seen.add(message.path("seq").asLong()));
					if (messages.size() < 200) {
						return;
					}
				}
			}
			catch (InterruptedException interrupted) {
				Thread.currentThread().interrupt();
			}
		}

		private void send(RawStompConnection connection, String clientId, String body) {
			try {
				connection.send("SEND\ndestination:/app/rooms/" + this.room
						+ "/messages\ncontent-type:application/json\n\n{\"clientId\":\"" + clientId + "\",\"body\":\""
						+ body + "\"}\u0000");
			}
			catch (RuntimeException closedMeanwhile) {
				// sent again on the next connection
			}
		}

		private static Frame next(RawStompConnection connection, long millis) {
			try {
				return connection.next(Duration.ofMillis(millis));
			}
			catch (InterruptedException interrupted) {
				Thread.currentThread().interrupt();
				return null;
			}
		}

		private static void pause(long millis) {
			try {
				Thread.sleep(millis);
			}
			catch (InterruptedException interrupted) {
				Thread.currentThread().interrupt();
			}
		}

		@Override
		public void interrupt() {
			this.running = false;
			super.interrupt();
		}

		void finish() throws InterruptedException {
			this.running = false;
			join(5_000);
		}

	}

}
