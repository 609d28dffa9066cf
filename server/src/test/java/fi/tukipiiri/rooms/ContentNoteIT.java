package fi.tukipiiri.rooms;

import static fi.tukipiiri.support.StompTestClient.next;
import static fi.tukipiiri.support.StompTestClient.nothing;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import javax.sql.DataSource;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import fi.tukipiiri.support.ApiClient;
import fi.tukipiiri.support.ApiClient.Response;
import fi.tukipiiri.support.ApiClient.Session;
import fi.tukipiiri.support.CommitRefusal;
import fi.tukipiiri.support.IntegrationTest;
import fi.tukipiiri.support.RoomRowLock;
import fi.tukipiiri.support.StompTestClient;

/**
 * A message marked as sensitive when sent (a content note) keeps its mark everywhere it
 * goes: live to the other members, in history, through a batch of the group commit that
 * fails and is stored again message by message, through its writer's edit, in the
 * reviewers' report context, risk flags and escalations, and in the writer's own data.
 * Only a JSON boolean marks a message, and a repeated client id keeps the first mark.
 * Real PostgreSQL, Redis and STOMP over WebSocket.
 */
@IntegrationTest
class ContentNoteIT {

	@Autowired
	ApiClient api;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DataSource dataSource;

	UUID room;

	Session writer;

	Session reader;

	Session facilitator;

	@BeforeEach
	void aRoomWithTwoParentsAndAFacilitator() {
		room = api.createRoom("Sisältövaroitus " + UUID.randomUUID().toString().substring(0, 6), "OPEN");
		writer = api.registerParent("Hanna");
		reader = api.registerParent("Ilkka");
		facilitator = api.staffMember("Ohjaaja Saara", "FACILITATOR");
		assertThat(api.addMember(room, facilitator.id(), "FACILITATOR").status()).isEqualTo(200);
		for (Session member : List.of(writer, reader)) {
			assertThat(api.post("/api/rooms/" + room + "/join", Map.of(), member.accessToken()).status())
				.isEqualTo(200);
		}
	}

	@Test
	void aMarkedMessageReachesTheOtherMemberLiveAndComesBackFromHistoryMarked() {
		try (var w = StompTestClient.connect(api.baseUrl(), writer.accessToken());
				var r = StompTestClient.connect(api.baseUrl(), reader.accessToken())) {
			BlockingQueue<JsonNode> acks = w.subscribe("/user/queue/acks");
			BlockingQueue<JsonNode> heard = r.subscribe("/topic/rooms/" + room);
			api.awaitPresence(room, reader, 1);

			w.send(destination(), Map.of("clientId", "note-1", "body", "Isä uhkasi eilen lapsia", "sensitive", true));
			w.send(destination(), Map.of("clientId", "plain-1", "body", "Hyvää iltaa kaikille", "sensitive", false));
			w.sendMessage(room, "plain-2", "Ilman merkintää");
			for (String clientId : List.of("note-1", "plain-1", "plain-2")) {
				assertThat(next(acks, "ack of " + clientId).path("clientId").asString()).isEqualTo(clientId);
			}

			JsonNode marked = next(heard, "the marked message, live");
			assertThat(marked.path("type").asString()).isEqualTo("message");
			assertThat(marked.path("body").asString()).isEqualTo("Isä uhkasi eilen lapsia");
			assertThat(marked.path("sensitive").isBoolean()).isTrue();
			assertThat(marked.path("sensitive").asBoolean()).isTrue();
			assertThat(next(heard, "the unmarked one").path("sensitive").asBoolean()).isFalse();
			JsonNode leftOut = next(heard, "the one sent without the field");
			assertThat(leftOut.path("sensitive").isBoolean()).as("always present").isTrue();
			assertThat(leftOut.path("sensitive").asBoolean()).isFalse();
		}

		JsonNode page = api.get("/api/rooms/" + room + "/messages", reader.accessToken()).body().path("messages");
		assertThat(page.size()).isEqualTo(3);
		assertThat(IntStream.range(0, 3).mapToObj(i -> page.get(i).path("sensitive").asBoolean())).containsExactly(true,
				false, false);
		assertThat(page.get(0).path("body").asString()).as("the text is there; readers reveal it")
			.isEqualTo("Isä uhkasi eilen lapsia");
		// the earlier-page query too
		JsonNode before = api.get("/api/rooms/" + room + "/messages?beforeSeq=2", writer.accessToken()).body();
		assertThat(before.path("messages").get(0).path("sensitive").asBoolean()).isTrue();
		JsonNode after = api.get("/api/rooms/" + room + "/messages?afterSeq=0&limit=1", writer.accessToken()).body();
		assertThat(after.path("messages").get(0).path("sensitive").asBoolean()).isTrue();

		JsonNode exported = api.get("/api/me/export", writer.accessToken()).body().path("rooms").path("messages");
		assertThat(IntStream.range(0, exported.size()).mapToObj(i -> exported.get(i).path("sensitive").asBoolean()))
			.containsExactly(true, false, false);
	}

	@Test
	void aRepeatedClientIdIsAnsweredWithTheFirstMessageAndItsMark() {
		try (var w = StompTestClient.connect(api.baseUrl(), writer.accessToken());
				var r = StompTestClient.connect(api.baseUrl(), reader.accessToken())) {
			BlockingQueue<JsonNode> acks = w.subscribe("/user/queue/acks");
			BlockingQueue<JsonNode> heard = r.subscribe("/topic/rooms/" + room);
			api.awaitPresence(room, reader, 1);

			w.send(destination(), Map.of("clientId", "again", "body", "Vain kerran", "sensitive", true));
			JsonNode first = next(acks, "the first ack");
			w.send(destination(), Map.of("clientId", "again", "body", "Vain kerran", "sensitive", false));
			w.sendMessage(room, "again", "Vain kerran");
			for (int i = 0; i < 2; i++) {
				JsonNode repeat = next(acks, "a repeat's ack");
				assertThat(repeat.path("seq").asLong()).isEqualTo(first.path("seq").asLong());
				assertThat(repeat.path("messageId").asString()).isEqualTo(first.path("messageId").asString());
			}
			assertThat(next(heard, "the one delivery").path("sensitive").asBoolean()).isTrue();
			nothing(heard, 500);
		}
		assertThat(jdbc.sql("select sensitive from messages where room_id = :room")
			.param("room", room)
			.query(Boolean.class)
			.list()).containsExactly(true);
	}

	/**
	 * The drafts of one batch are stored again one by one when the batch fails at commit:
	 * each comes back with its own mark.
	 */
	@Test
	void theMarkSurvivesABatchStoredAgainMessageByMessage() throws Exception {
		try (var refusal = CommitRefusal.of(jdbc, "refused at commit");
				var w = StompTestClient.connect(api.baseUrl(), writer.accessToken());
				var r = StompTestClient.connect(api.baseUrl(), reader.accessToken())) {
			BlockingQueue<JsonNode> acks = w.subscribe("/user/queue/acks");
			BlockingQueue<JsonNode> errors = w.subscribe("/user/queue/errors");
			BlockingQueue<JsonNode> heard = r.subscribe("/topic/rooms/" + room);
			api.awaitPresence(room, reader, 1);

			try (RoomRowLock lock = RoomRowLock.hold(dataSource, room)) {
				w.send(destination(), marked("b-0", "ensimmäinen, merkitty"));
				RoomRowLock.awaitStoringThreadWaiting(jdbc);
				w.send(destination(), Map.of("clientId", "b-1", "body", "toinen", "sensitive", false));
				w.send(destination(), marked("doomed", "refused at commit"));
				w.send(destination(), marked("b-2", "kolmas, merkitty"));
				w.send(destination(), marked("b-2", "kolmas, merkitty"));
				w.sendMessage(room, "b-3", "neljäs");
				nothing(acks, 300);
				lock.release();
			}

			assertThat(IntStream.range(0, 5).mapToObj(i -> next(acks, "ack " + i).path("clientId").asString()))
				.containsExactly("b-0", "b-1", "b-2", "b-2", "b-3");
			assertThat(next(errors, "the refused commit").path("clientId").asString()).isEqualTo("doomed");
			List<JsonNode> delivered = IntStream.range(0, 4).mapToObj(i -> next(heard, "delivery " + i)).toList();
			assertThat(delivered).extracting(event -> event.path("seq").asLong()).containsExactly(1L, 2L, 3L, 4L);
			assertThat(delivered).extracting(event -> event.path("sensitive").asBoolean())
				.containsExactly(true, false, true, false);
			nothing(heard, 300);
		}
		assertThat(jdbc.sql("select client_id || ':' || sensitive from messages where room_id = :room order by seq")
			.param("room", room)
			.query(String.class)
			.list()).containsExactly("b-0:true", "b-1:false", "b-2:true", "b-3:false");
		JsonNode page = api.get("/api/rooms/" + room + "/messages", reader.accessToken()).body().path("messages");
		assertThat(IntStream.range(0, page.size()).mapToObj(i -> page.get(i).path("sensitive").asBoolean()))
			.containsExactly(true, false, true, false);
	}

	@Test
	void anEditOfTheWritersOwnMessageKeepsTheMark() {
		UUID id = send(marked("edit-1", "Kirjoitin tästä liian suoraan"));
		Response edited = api.put("/api/rooms/" + room + "/messages/" + id, Map.of("body", "Kirjoitin tästä suoraan"),
				writer.accessToken());
		assertThat(edited.status()).isEqualTo(200);
		assertThat(edited.body().path("sensitive").asBoolean()).isTrue();
		JsonNode stored = latest();
		assertThat(stored.path("body").asString()).isEqualTo("Kirjoitin tästä suoraan");
		assertThat(stored.path("editedAt").isNull()).isFalse();
		assertThat(stored.path("sensitive").asBoolean()).isTrue();
		// an edit carries no mark of its own: a mark in its body is ignored like any
		// unknown key
		assertThat(api
			.put("/api/rooms/" + room + "/messages/" + id, Map.of("body", "Toinen muokkaus", "sensitive", false),
					writer.accessToken())
			.body()
			.path("sensitive")
			.asBoolean()).isTrue();
	}

	@Test
	void reviewersSeeTheMarkInReportsRiskFlagsAndEscalations() {
		UUID flagged = send(marked("risk-1", "En jaksa enää elää"));
		Response filed = api.post("/api/moderation/rooms/" + room + "/reports",
				Map.of("messageId", flagged, "reason", "WORRY"), reader.accessToken());
		assertThat(filed.status()).isEqualTo(201);

		JsonNode report = api.get("/api/moderation/reports?roomId=" + room, facilitator.accessToken()).body().get(0);
		JsonNode context = report.path("context");
		assertThat(context.size()).isEqualTo(1);
		assertThat(context.get(0).path("sensitive").asBoolean()).isTrue();
		assertThat(context.get(0).path("body").asString()).isEqualTo("En jaksa enää elää");

		Awaitility.await().atMost(10, TimeUnit.SECONDS).untilAsserted(() -> {
			JsonNode flags = api.get("/api/moderation/rooms/" + room + "/risk-flags", facilitator.accessToken()).body();
			assertThat(flags.size()).isEqualTo(1);
			assertThat(flags.get(0).path("sensitive").asBoolean()).isTrue();
		});

		// the facilitator has no connection open: the signals were escalated
		Session admin = api.login("root-admin", "test-admin-password");
		JsonNode escalations = api.get("/api/moderation/escalations", admin.accessToken()).body();
		List<JsonNode> ours = IntStream.range(0, escalations.size())
			.mapToObj(escalations::get)
			.filter(escalation -> escalation.path("roomId").asString().equals(room.toString()))
			.toList();
		assertThat(ours).isNotEmpty()
			.allSatisfy(escalation -> assertThat(escalation.path("excerptSensitive").asBoolean()).isTrue());

		// once removed, nothing is quoted, so nothing is marked
		assertThat(api.delete("/api/rooms/" + room + "/messages/" + flagged, writer.accessToken()).status())
			.isEqualTo(204);
		assertThat(api.get("/api/moderation/rooms/" + room + "/risk-flags", facilitator.accessToken())
			.body()
			.get(0)
			.path("sensitive")
			.asBoolean()).isFalse();
	}

	@Test
	void onlyAJsonBooleanMarksAMessage() {
		try (var w = StompTestClient.connect(api.baseUrl(), writer.accessToken())) {
			BlockingQueue<JsonNode> acks = w.subscribe("/user/queue/acks");
			BlockingQueue<JsonNode> errors = w.subscribe("/user/queue/errors");
			List<Object> notBooleans = List.of("yes", "true", 1, 0, List.of(true), Map.of());
			for (int i = 0; i < notBooleans.size(); i++) {
				Object notABoolean = notBooleans.get(i);
				String clientId = "typed-" + i;
				Map<String, Object> payload = new HashMap<>(Map.of("clientId", clientId, "body", "Tyyppi"));
				payload.put("sensitive", notABoolean);
				w.send(destination(), payload);
				JsonNode error = next(errors, "sensitive as " + notABoolean);
				assertThat(error.path("code").asString()).as(error.toString()).isEqualTo("validation.failed");
				assertThat(error.path("field").asString()).isEqualTo("sensitive");
				assertThat(error.path("errors").get(0).path("code").asString()).isEqualTo("invalid_value");
				assertThat(error.path("clientId").asString()).isEqualTo(clientId);
				assertThat(error.path("roomId").asString()).isEqualTo(room.toString());
			}
			w.sendRaw(destination(),
					"{\"clientId\": \"twice\", \"body\": \"Hei\", \"sensitive\": false, \"sensitive\": true}");
			JsonNode twice = next(errors, "sensitive given twice");
			assertThat(twice.path("field").asString()).isEqualTo("sensitive");
			assertThat(twice.path("errors").get(0).path("code").asString()).isEqualTo("duplicate_key");
			nothing(acks, 300);
			assertThat(count()).as("nothing refused is stored").isZero();

			// null is "not given"
			w.sendRaw(destination(),
					"{\"clientId\": \"nothing-said\", \"body\": \"Ei merkintää\", \"sensitive\": null}");
			assertThat(next(acks, "a null mark").path("clientId").asString()).isEqualTo("nothing-said");
		}
		assertThat(latest().path("sensitive").asBoolean()).isFalse();
	}

	private static Map<String, Object> marked(String clientId, String body) {
		return Map.of("clientId", clientId, "body", body, "sensitive", true);
	}

	private String destination() {
		return "/app/rooms/" + room + "/messages";
	}

	private UUID send(Map<String, Object> payload) {
		try (StompTestClient client = StompTestClient.connect(api.baseUrl(), writer.accessToken())) {
			BlockingQueue<JsonNode> acks = client.subscribe("/user/queue/acks");
			client.send(destination(), payload);
			return UUID.fromString(next(acks, "the ack of " + payload).path("messageId").asString());
		}
	}

	private JsonNode latest() {
		JsonNode messages = api.get("/api/rooms/" + room + "/messages", reader.accessToken()).body().path("messages");
		return messages.get(messages.size() - 1);
	}

	private long count() {
		return jdbc.sql("select count(*) from messages where room_id = :room")
			.param("room", room)
			.query(Long.class)
			.single();
	}

}
