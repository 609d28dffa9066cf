package fi.tukipiiri.rooms;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import tools.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

import fi.tukipiiri.support.ApiClient;
import fi.tukipiiri.support.ApiClient.Session;
import fi.tukipiiri.support.IntegrationTest;
import fi.tukipiiri.support.NodeProcess;
import fi.tukipiiri.support.StompTestClient;

import static fi.tukipiiri.support.StompTestClient.next;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two nodes, one PostgreSQL, one Redis: one service. The second node is a separate JVM
 * that is killed at the end.
 */
@IntegrationTest
class TwoNodeChatIT {

	@Autowired
	ApiClient api;

	@Autowired
	Environment environment;

	@Test
	void messagesAndPresenceCrossNodesAndACrashedNodesUsersVanish() throws Exception {
		UUID room = api.createRoom("Kaksi solmua", "OPEN");
		Session anna = api.registerParent("Anna A-solmussa");
		Session matti = api.registerParent("Matti B-solmussa");
		try (NodeProcess nodeB = NodeProcess.startBeside(environment);
				var onA = StompTestClient.connect(api.baseUrl(), anna.accessToken());
				var onB = StompTestClient.connect(nodeB.baseUrl(), matti.accessToken())) {
			var annaInbox = onA.subscribe("/topic/rooms/" + room);
			var annaPresence = onA.subscribe("/topic/rooms/" + room + "/presence");
			var annaAcks = onA.subscribe("/user/queue/acks");
			api.awaitPresence(room, anna, 1);
			var mattiInbox = onB.subscribe("/topic/rooms/" + room);
			var mattiAcks = onB.subscribe("/user/queue/acks");

			JsonNode joined = next(annaPresence, "Matti joining on the other node");
			assertThat(joined.path("type").asString()).isEqualTo("joined");
			assertThat(joined.path("displayName").asString()).isEqualTo("Matti B-solmussa");
			assertThat(joined.toString()).doesNotContain("username");

			onA.sendMessage(room, "a-1", "Terveisiä A:sta");
			assertThat(next(annaAcks, "ack on A").path("seq").asLong()).isEqualTo(1);
			assertThat(next(mattiInbox, "A's message on B").path("body").asString()).isEqualTo("Terveisiä A:sta");
			onB.sendMessage(room, "b-1", "Ja B:stä takaisin");
			assertThat(next(mattiAcks, "ack on B").path("seq").asLong()).isEqualTo(2);
			next(annaInbox, "own message");
			assertThat(next(annaInbox, "B's message on A").path("body").asString()).isEqualTo("Ja B:stä takaisin");

			assertThat(names(api.get("/api/rooms/" + room + "/presence", anna.accessToken()).body()))
				.containsExactlyInAnyOrder("Anna A-solmussa", "Matti B-solmussa");

			nodeB.kill();

			JsonNode left = next(annaPresence, "Matti leaving when node B dies", 15);
			assertThat(left.path("type").asString()).isEqualTo("left");
			assertThat(left.path("accountId").asString()).isEqualTo(matti.id().toString());
			await().atMost(10, TimeUnit.SECONDS)
				.untilAsserted(
						() -> assertThat(names(api.get("/api/rooms/" + room + "/presence", anna.accessToken()).body()))
							.containsExactly("Anna A-solmussa"));
		}
	}

	private static List<String> names(JsonNode people) {
		List<String> names = new ArrayList<>();
		people.forEach(person -> names.add(person.path("displayName").asString()));
		return names;
	}

}
