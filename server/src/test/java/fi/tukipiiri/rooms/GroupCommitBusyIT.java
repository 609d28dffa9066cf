package fi.tukipiiri.rooms;

import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import tools.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import fi.tukipiiri.support.ApiClient;
import fi.tukipiiri.support.ApiClient.Session;
import fi.tukipiiri.support.IntegrationTest;
import fi.tukipiiri.support.RoomRowLock;
import fi.tukipiiri.support.StompTestClient;

import static fi.tukipiiri.support.StompTestClient.next;
import static fi.tukipiiri.support.StompTestClient.nothing;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The queue of messages waiting to be stored is bounded: with one message being stored
 * (held on the room's lock) and one waiting, the node here takes no more, and the next is
 * answered {@code server.busy} with its client id and a retry hint, and never stored.
 */
@IntegrationTest
@TestPropertySource(properties = "tukipiiri.chat.max-sends-in-flight=1")
class GroupCommitBusyIT {

	@Autowired
	ApiClient api;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DataSource dataSource;

	@Test
	void aMessageBeyondTheStoringQueueIsAnsweredBusyAndNotStored() throws Exception {
		UUID room = this.api.createRoom("Jono täynnä", "OPEN");
		Session anna = this.api.registerParent("Anna");
		this.api.post("/api/rooms/" + room + "/join", Map.of(), anna.accessToken());
		try (var a = StompTestClient.connect(this.api.baseUrl(), anna.accessToken())) {
			var acks = a.subscribe("/user/queue/acks");
			var errors = a.subscribe("/user/queue/errors");
			try (RoomRowLock lock = RoomRowLock.hold(this.dataSource, room)) {
				a.sendMessage(room, "stored-1", "ensimmäinen");
				RoomRowLock.awaitStoringThreadWaiting(this.jdbc);
				a.sendMessage(room, "stored-2", "toinen");
				a.sendMessage(room, "too-many", "kolmas");
				JsonNode busy = next(errors, "the busy answer");
				assertThat(busy.path("code").asString()).isEqualTo("server.busy");
				assertThat(busy.path("clientId").asString()).isEqualTo("too-many");
				assertThat(busy.path("roomId").asString()).isEqualTo(room.toString());
				assertThat(busy.path("retryAfterSeconds").asLong()).isEqualTo(1);
				lock.release();
			}
			assertThat(next(acks, "first ack").path("clientId").asString()).isEqualTo("stored-1");
			assertThat(next(acks, "second ack").path("clientId").asString()).isEqualTo("stored-2");
			nothing(acks, 300);
			a.sendMessage(room, "too-many", "kolmas");
			assertThat(next(acks, "the resent message's ack").path("seq").asLong()).isEqualTo(3);
		}
	}

}
