package fi.tukipiiri.delivery;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

import fi.tukipiiri.support.ApiClient;
import fi.tukipiiri.support.ApiClient.Session;
import fi.tukipiiri.support.IntegrationTest;
import fi.tukipiiri.support.NodeProcess;
import fi.tukipiiri.support.RawStompConnection;
import fi.tukipiiri.support.RawStompConnection.Frame;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A node leaving on SIGTERM (a rolling restart, a scale-down) with 2,000 connections:
 * readiness goes down first, every client is told to reconnect ({@code server.restarting}
 * with a spread-out hint, close 1012) only after the unready window, every chat message
 * the node stored was acknowledged before that, and the process is gone in under 10 s
 * with no ERROR in its log; on external services and on its own embedded ones alike.
 */
@IntegrationTest
class DrainIT {

	private static final int CONNECTIONS = 2_000;

	private static final int PER_ACCOUNT = 500;

	private static final Duration UNREADY_FOR = Duration.ofSeconds(1);

	private static final Duration SPREAD = Duration.ofSeconds(2);

	private static final String[] SETTINGS = { "--tukipiiri.moderation.max-connections-per-user=" + PER_ACCOUNT,
			"--tukipiiri.drain.unready-for=" + UNREADY_FOR.toMillis() + "ms",
			"--tukipiiri.drain.reconnect-spread=" + SPREAD.toMillis() + "ms" };

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	@Autowired
	ApiClient api;

	@Autowired
	Environment environment;

	@Autowired
	JdbcClient jdbc;

	@Test
	void onExternalServicesEveryClientIsToldAndEveryStoredMessageAcknowledged() throws Exception {
		try (NodeProcess node = NodeProcess.startBeside(environment, SETTINGS)) {
			Drained drained = drainWithChatter(node, ApiClient.at(node.baseUrl()));
			for (String clientId : this.jdbc.sql("SELECT client_id FROM messages WHERE room_id = ?")
				.param(drained.room())
				.query(String.class)
				.list()) {
				assertThat(drained.acked()).as("stored, so acknowledged before the node left: " + clientId)
					.contains(clientId);
			}
			assertThat(drained.acked()).isNotEmpty();
		}
	}

	@Test
	void onItsOwnEmbeddedServicesTheNodeLeavesAsQuickly() throws Exception {
		try (NodeProcess node = NodeProcess.startAlone(SETTINGS)) {
			drainWithChatter(node, ApiClient.at(node.baseUrl()));
		}
	}

	/** What the chatting clients heard: client ids acknowledged, in a room. */
	record Drained(UUID room, Set<String> acked) {
	}

	private Drained drainWithChatter(NodeProcess node, ApiClient onNode) throws Exception {
		UUID room = onNode.createRoom("Lähtevä solmu", "OPEN");
		List<RawStompConnection> idle = new ArrayList<>();
		for (int account = 0; account < CONNECTIONS / PER_ACCOUNT; account++) {
			Session person = onNode.registerParent("Kuuntelija " + account);
			List<CompletableFuture<RawStompConnection>> opening = new ArrayList<>();
			for (int i = 0; i < PER_ACCOUNT; i++) {
				opening.add(RawStompConnection.connect(HTTP, node.baseUrl(), person.accessToken()));
			}
			for (CompletableFuture<RawStompConnection> connection : opening) {
				idle.add(connection.get(60, TimeUnit.SECONDS));
			}
		}
		Session writer = onNode.registerParent("Kirjoittaja");
		assertThat(onNode.post("/api/rooms/" + room + "/join", Map.of(), writer.accessToken()).status()).isEqualTo(200);
		List<RawStompConnection> chatty = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			RawStompConnection connection = RawStompConnection.connect(HTTP, node.baseUrl(), writer.accessToken())
				.get(30, TimeUnit.SECONDS);
			connection.subscribe("acks", "/user/queue/acks");
			connection.subscribe("errors", "/user/queue/errors");
			chatty.add(connection);
		}
		Set<String> acked = ConcurrentHashMap.newKeySet();
		Map<String, String> refused = new ConcurrentHashMap<>();
		List<Thread> senders = new ArrayList<>();
		for (int c = 0; c < chatty.size(); c++) {
			RawStompConnection connection = chatty.get(c);
			int index = c;
			Thread sender = new Thread(() -> chatter(connection, room, "w" + index + "-", acked, refused));
			sender.start();
			senders.add(sender);
		}
		Thread.sleep(500);

		long sigterm = System.nanoTime();
		node.terminate();
		int readiness = readiness(node);
		long readinessAnswered = System.nanoTime();

		assertThat(node.awaitExit(Duration.ofSeconds(10))).as("exited within 10 s of SIGTERM").isTrue();
		long exited = System.nanoTime();
		for (Thread sender : senders) {
			sender.join(5_000);
		}

		assertThat(readiness).as("readiness right after SIGTERM").isEqualTo(503);
		assertThat(Duration.ofNanos(readinessAnswered - sigterm)).isLessThan(UNREADY_FOR);
		for (RawStompConnection connection : idle) {
			Frame told = connection.next(Duration.ofSeconds(5));
			assertThat(told).as("told before the node left").isNotNull();
			assertThat(told.command()).isEqualTo("ERROR");
			assertThat(told.header("message")).isEqualTo("server.restarting");
			assertThat(Long.parseLong(told.header("reconnect-after-ms"))).isBetween(0L, SPREAD.toMillis());
			assertThat(Duration.ofNanos(told.receivedAt() - sigterm)).as("told only after the unready window")
				.isGreaterThanOrEqualTo(UNREADY_FOR);
			assertThat(connection.closed().get(5, TimeUnit.SECONDS).status()).isEqualTo(1012);
		}
		assertThat(refused.values()).as("chat messages refused while draining").allMatch("server.restarting"::equals);
		assertThat(node.errorLines()).isEmpty();
		System.out.printf("Drain of %d connections: exited %d ms after SIGTERM%n", idle.size() + chatty.size(),
				Duration.ofNanos(exited - sigterm).toMillis());
		return new Drained(room, acked);
	}

	/**
	 * Sends a message every 20 ms until the node says goodbye, noting each answer: an
	 * acknowledgement or a refusal, by client id.
	 */
	private static void chatter(RawStompConnection connection, UUID room, String prefix, Set<String> acked,
			Map<String, String> refused) {
		try {
			for (int n = 0; !connection.closed().isDone(); n++) {
				try {
					connection.send("SEND\ndestination:/app/rooms/" + room
							+ "/messages\ncontent-type:application/json\n\n{\"clientId\":\"" + prefix + n
							+ "\",\"body\":\"viesti " + n + "\"}\u0000");
				}
				catch (RuntimeException closedMeanwhile) {
					break;
				}
				Frame answer;
				while ((answer = connection.next(Duration.ofMillis(20))) != null) {
					note(answer, acked, refused);
				}
			}
			Frame answer;
			while ((answer = connection.next(Duration.ofMillis(100))) != null) {
				note(answer, acked, refused);
			}
		}
		catch (InterruptedException interrupted) {
			Thread.currentThread().interrupt();
		}
	}

	private static void note(Frame frame, Set<String> acked, Map<String, String> refused) {
		if (!"MESSAGE".equals(frame.command())) {
			return;
		}
		String clientId = field(frame.body(), "clientId");
		if (frame.header("destination").endsWith("/acks")) {
			acked.add(clientId);
		}
		else {
			refused.put(clientId == null ? UUID.randomUUID().toString() : clientId, field(frame.body(), "code"));
		}
	}

	private static String field(String json, String name) {
		int at = json.indexOf("\"" + name + "\":\"");
		if (at < 0) {
			return null;
		}
		int start = at + name.length() + 4;
		return json.substring(start, json.indexOf('"', start));
	}

	private static int readiness(NodeProcess node) throws Exception {
		for (int attempt = 0; attempt < 20; attempt++) {
			try {
				HttpResponse<Void> response = HTTP
					.send(HttpRequest.newBuilder(URI.create(node.baseUrl() + "/actuator/health/readiness"))
						.timeout(Duration.ofSeconds(1))
						.build(), HttpResponse.BodyHandlers.discarding());
				if (response.statusCode() != 200) {
					return response.statusCode();
				}
			}
			catch (java.io.IOException notAnswered) {
				return -1;
			}
			Thread.sleep(10);
		}
		return 200;
	}

}
