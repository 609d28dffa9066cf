package fi.tukipiiri.delivery;

import java.util.Map;
import java.util.UUID;

import tools.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import fi.tukipiiri.support.ApiClient;
import fi.tukipiiri.support.ApiClient.Session;
import fi.tukipiiri.support.IntegrationTest;
import fi.tukipiiri.support.StompTestClient;

import static fi.tukipiiri.support.StompTestClient.next;
import static fi.tukipiiri.support.StompTestClient.nothing;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A node that takes no more chat messages answers each at once with {@code server.busy},
 * its client id and a retry hint, and stores nothing: the sender knows to send it again,
 * and nothing waits in a queue. Here the node is set to take none at all.
 */
@IntegrationTest
@TestPropertySource(properties = "tukipiiri.chat.max-sends-in-flight=0")
class LoadSheddingIT {

	@Autowired
	ApiClient api;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aMessageBeyondWhatTheNodeTakesIsAnsweredBusyAndNotStored() {
		UUID room = this.api.createRoom("Kiireinen", "OPEN");
		Session anna = this.api.registerParent("Anna");
		this.api.post("/api/rooms/" + room + "/join", Map.of(), anna.accessToken());
		try (var client = StompTestClient.connect(this.api.baseUrl(), anna.accessToken())) {
			var errors = client.subscribe("/user/queue/errors");
			var acks = client.subscribe("/user/queue/acks");
			var messages = client.subscribe("/topic/rooms/" + room);
			client.sendMessage(room, "busy-1", "Kuuleeko kukaan?");
			JsonNode busy = next(errors, "the busy answer");
			assertThat(busy.path("code").asString()).isEqualTo("server.busy");
			assertThat(busy.path("clientId").asString()).isEqualTo("busy-1");
			assertThat(busy.path("roomId").asString()).isEqualTo(room.toString());
			assertThat(busy.path("retryAfterSeconds").asLong()).isEqualTo(1);
			nothing(acks, 500);
			nothing(messages, 100);
		}
		assertThat(this.jdbc.sql("select count(*) from messages where room_id = :room")
			.param("room", room)
			.query(Long.class)
			.single()).isZero();
	}

}
