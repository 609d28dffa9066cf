package fi.tukipiiri.rooms;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.stream.IntStream;

import javax.sql.DataSource;

import tools.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import fi.tukipiiri.support.ApiClient;
import fi.tukipiiri.support.ApiClient.Session;
import fi.tukipiiri.support.CommitRefusal;
import fi.tukipiiri.support.IntegrationTest;
import fi.tukipiiri.support.RoomRowLock;
import fi.tukipiiri.support.StompTestClient;

import static fi.tukipiiri.support.StompTestClient.next;
import static fi.tukipiiri.support.StompTestClient.nothing;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Messages that arrive while others are being stored are stored together (group commit),
 * and each is still answered as if it had come alone: numbers stay gap-free and in each
 * sender's order, a repeated client id answers with the first message, a refusal or a
 * failed commit touches only its own message, and no ack leaves before the commit.
 * <p>
 * To make the messages arrive together, the test holds the room's row lock on a
 * connection of its own: the storing thread waits on it with the first message, and the
 * rest queue behind.
 */
@IntegrationTest
class GroupCommitIT {

	@Autowired
	ApiClient api;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DataSource dataSource;

	@Test
	void messagesStoredTogetherAreEachAnsweredAsIfAlone() throws Exception {
		UUID room = this.api.createRoom("Yhdessä tallennetut", "OPEN");
		UUID closed = this.api.createRoom("Suljettu", "CLOSED");
		Session anna = this.api.registerParent("Anna");
		Session matti = this.api.registerParent("Matti");
		for (Session member : List.of(anna, matti)) {
			this.api.post("/api/rooms/" + room + "/join", Map.of(), member.accessToken());
		}
		try (var refusal = CommitRefusal.of(this.jdbc, "refused at commit");
				var a = StompTestClient.connect(this.api.baseUrl(), anna.accessToken());
				var m = StompTestClient.connect(this.api.baseUrl(), matti.accessToken())) {
			BlockingQueue<JsonNode> annaAcks = a.subscribe("/user/queue/acks");
			BlockingQueue<JsonNode> annaErrors = a.subscribe("/user/queue/errors");
			BlockingQueue<JsonNode> mattiAcks = m.subscribe("/user/queue/acks");
			BlockingQueue<JsonNode> delivered = m.subscribe("/topic/rooms/" + room);
			this.api.awaitPresence(room, matti, 1);

			try (RoomRowLock lock = RoomRowLock.hold(this.dataSource, room)) {
				a.sendMessage(room, "a-0", "ensimmäinen");
				RoomRowLock.awaitStoringThreadWaiting(this.jdbc);
				a.sendMessage(room, "a-1", "yksi");
				m.sendMessage(room, "m-1", "Matin yksi");
				a.sendMessage(room, "a-2", "kaksi");
				a.sendMessage(room, "a-2", "kaksi");
				a.sendMessage(room, "doomed", "refused at commit");
				a.sendMessage(closed, "c-1", "suljettuun");
				m.sendMessage(room, "m-2", "Matin kaksi");
				a.sendMessage(room, "a-3", "kolme");
				nothing(annaAcks, 300);
				lock.release();
			}

			assertThat(ackedClientIds(annaAcks, 5)).containsExactly("a-0", "a-1", "a-2", "a-2", "a-3");
			assertThat(ackedClientIds(mattiAcks, 2)).containsExactly("m-1", "m-2");
			List<String> refused = List.of(next(annaErrors, "a refusal").path("code").asString(),
					next(annaErrors, "another refusal").path("code").asString());
			assertThat(refused).containsExactlyInAnyOrder("server.error", "rooms.not_member");
			// only what was committed reaches the room, each message once
			assertThat(IntStream.range(0, 6).mapToObj(i -> next(delivered, "delivery " + i).path("seq").asLong()))
				.containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
			nothing(delivered, 300);
		}
		List<Map<String, Object>> stored = this.jdbc
			.sql("select seq, client_id from messages where room_id = :room order by seq")
			.param("room", room)
			.query()
			.listOfRows();
		assertThat(stored).extracting(row -> ((Number) row.get("seq")).longValue())
			.containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
		List<String> order = stored.stream().map(row -> (String) row.get("client_id")).toList();
		assertThat(order).containsExactlyInAnyOrder("a-0", "a-1", "a-2", "a-3", "m-1", "m-2");
		assertThat(order.stream().filter(id -> id.startsWith("a-"))).containsExactly("a-0", "a-1", "a-2", "a-3");
		assertThat(order.stream().filter(id -> id.startsWith("m-"))).containsExactly("m-1", "m-2");
		assertThat(this.jdbc.sql("select last_seq from rooms where id = :room")
			.param("room", room)
			.query(Long.class)
			.single()).isEqualTo(6);
	}

	private static List<String> ackedClientIds(BlockingQueue<JsonNode> acks, int count) {
		return IntStream.range(0, count).mapToObj(i -> next(acks, "ack " + i).path("clientId").asString()).toList();
	}

}
