package fi.tukipiiri.delivery;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

import tools.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.messaging.simp.user.SimpUserRegistry;
import org.springframework.test.context.TestPropertySource;

import fi.tukipiiri.support.ApiClient;
import fi.tukipiiri.support.ApiClient.Session;
import fi.tukipiiri.support.IntegrationTest;
import fi.tukipiiri.support.StompTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A reader that stops reading is disconnected once more than its share is waiting for it,
 * and the other readers of the room keep receiving everything at once: one slow phone
 * neither slows the room nor fills the node's memory.
 */
@IntegrationTest
@TestPropertySource(
		properties = { "tukipiiri.chat.outbound-per-connection=256KB", "tukipiiri.chat.send-time-limit=3s" })
class SlowReaderIT {

	/**
	 * A test event of {@code text} for the room's message topic, through the real
	 * delivery path.
	 */
	record Bulk(UUID roomId, int n, String text) implements LiveEvent {

		@Override
		public Audience audience() {
			return Audience.room(this.roomId, RoomTopic.MESSAGES);
		}

	}

	@Autowired
	ApiClient api;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	SimpUserRegistry users;

	@Autowired
	SessionWriters writers;

	@Test
	void aReaderThatStopsReadingIsDisconnectedAndTheOthersGetEverything() throws Exception {
		UUID room = this.api.createRoom("Hidas lukija", "OPEN");
		Session slow = this.api.registerParent("Hidas");
		Session fast = this.api.registerParent("Nopea");
		this.api.post("/api/rooms/" + room + "/join", Map.of(), slow.accessToken());
		this.api.post("/api/rooms/" + room + "/join", Map.of(), fast.accessToken());
		String text = "x".repeat(6000);
		int count = 3000;

		try (var reader = StompTestClient.connect(this.api.baseUrl(), fast.accessToken())) {
			var received = reader.subscribe("/topic/rooms/" + room);
			WebSocket stalled = stalledReader(slow.accessToken(), room);
			await().atMost(10, TimeUnit.SECONDS)
				.until(() -> this.users
					.findSubscriptions(subscription -> subscription.getDestination().equals("/topic/rooms/" + room))
					.size() == 2);

			// published at the pace the fast reader reads: it never has more than a few
			// frames waiting, while everything piles up for the stalled one
			for (int n = 1; n <= count; n++) {
				this.events.publishEvent(new Bulk(room, n, text));
				if (n % 20 == 0) {
					for (int m = n - 19; m <= n; m++) {
						JsonNode event = StompTestClient.next(received, "event " + m, 20);
						assertThat(event.path("n").asInt()).isEqualTo(m);
					}
				}
			}
			await().atMost(15, TimeUnit.SECONDS).until(() -> this.users.getUser(slow.id().toString()) == null);
			stalled.abort();
			// what waited for the disconnected reader is given back to the node's budget
			await().atMost(5, TimeUnit.SECONDS).until(() -> this.writers.queuedBytes() == 0);
		}
	}

	/** Connects, subscribes to the room, then reads nothing more. */
	private WebSocket stalledReader(String token, UUID room) throws Exception {
		CompletableFuture<Void> connected = new CompletableFuture<>();
		WebSocket socket = HttpClient.newHttpClient()
			.newWebSocketBuilder()
			.connectTimeout(Duration.ofSeconds(5))
			.buildAsync(URI.create(this.api.baseUrl().replaceFirst("^http", "ws") + "/ws"), new WebSocket.Listener() {

				@Override
				public void onOpen(WebSocket webSocket) {
					webSocket.request(1);
				}

				@Override
				public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
					if (data.toString().startsWith("CONNECTED")) {
						connected.complete(null);
					}
					// no more demand after the first frame: the socket is no longer read
					return null;
				}
			})
			.get(5, TimeUnit.SECONDS);
		socket
			.sendText("CONNECT\naccept-version:1.2\nhost:tukipiiri\nheart-beat:0,0\nAuthorization:Bearer " + token
					+ "\n\n\u0000", true)
			.get(5, TimeUnit.SECONDS);
		connected.get(5, TimeUnit.SECONDS);
		socket.sendText("SUBSCRIBE\nid:room\ndestination:/topic/rooms/" + room + "\n\n\u0000", true)
			.get(5, TimeUnit.SECONDS);
		return socket;
	}

}
