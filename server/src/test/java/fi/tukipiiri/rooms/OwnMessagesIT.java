package fi.tukipiiri.rooms;

import static fi.tukipiiri.support.StompTestClient.next;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import fi.tukipiiri.support.ApiClient;
import fi.tukipiiri.support.ApiClient.Response;
import fi.tukipiiri.support.ApiClient.Session;
import fi.tukipiiri.support.IntegrationTest;
import fi.tukipiiri.support.StompTestClient;

/**
 * A member's own messages: editing within the window and removing at any time, heard live
 * by the room, kept for the facilitators and the audit log, read again for risk; and
 * every refusal, against the real PostgreSQL and Redis.
 */
@IntegrationTest
class OwnMessagesIT {

	@Autowired
	ApiClient api;

	@Autowired
	JdbcClient jdbc;

	UUID room;

	Session writer;

	Session reader;

	Session facilitator;

	@BeforeEach
	void aRoomWithTwoParentsAndAFacilitator() {
		room = api.createRoom("Omat viestit " + UUID.randomUUID().toString().substring(0, 6), "OPEN");
		writer = api.registerParent("Kirsi");
		reader = api.registerParent("Lauri");
		facilitator = api.staffMember("Ohjaaja Olli", "FACILITATOR");
		assertThat(api.addMember(room, facilitator.id(), "FACILITATOR").status()).isEqualTo(200);
		join(writer);
		join(reader);
	}

	@Test
	void anEditReachesTheRoomAndKeepsTheEarlierTextForFacilitatorsAndTheAuditLog() {
		try (StompTestClient listening = StompTestClient.connect(api.baseUrl(), reader.accessToken())) {
			BlockingQueue<JsonNode> heard = listening.subscribe("/topic/rooms/" + room);
			UUID id = send(writer, "Meillä on vuoroviikot");
			next(heard, "the message itself");

			Response edited = api.put(message(id), Map.of("body", "  Meillä on vuoroviikot ja joulu vuorotellen "),
					writer.accessToken());
			assertThat(edited.status()).isEqualTo(200);
			assertThat(edited.body().path("body").asString()).isEqualTo("Meillä on vuoroviikot ja joulu vuorotellen");
			assertThat(edited.body().path("editedAt").isNull()).isFalse();

			JsonNode live = next(heard, "the edit, live");
			assertThat(live.path("type").asString()).isEqualTo("message-edited");
			assertThat(live.path("id").asString()).isEqualTo(id.toString());
			assertThat(live.path("body").asString()).isEqualTo("Meillä on vuoroviikot ja joulu vuorotellen");
			assertThat(live.path("editedAt").asString()).isEqualTo(edited.body().path("editedAt").asString());

			JsonNode stored = latest(reader);
			assertThat(stored.path("body").asString()).isEqualTo("Meillä on vuoroviikot ja joulu vuorotellen");
			assertThat(stored.path("editedAt").isNull()).isFalse();
			assertThat(stored.path("removed").asBoolean()).isFalse();
		}
		UUID id = UUID.fromString(latest(reader).path("id").asString());
		JsonNode history = api.get(edits(id), facilitator.accessToken()).body();
		assertThat(history.size()).isEqualTo(1);
		assertThat(history.get(0).path("previousBody").asString()).isEqualTo("Meillä on vuoroviikot");
		assertThat(api.get(edits(id), reader.accessToken()).code()).isEqualTo("moderation.forbidden");
		assertThat(api.get(edits(id), writer.accessToken()).code()).isEqualTo("moderation.forbidden");
		Awaitility.await()
			.atMost(10, TimeUnit.SECONDS)
			.untilAsserted(() -> assertThat(jdbc
				.sql("""
						select details::json ->> 'text' from moderation_audit where action = 'EDIT_OWN_MESSAGE' and message_id = :id
						""")
				.param("id", id)
				.query(String.class)
				.list()).containsExactly("Meillä on vuoroviikot"));

		// The same text again changes nothing and keeps no second version.
		assertThat(
				api.put(message(id), Map.of("body", "Meillä on vuoroviikot ja joulu vuorotellen"), writer.accessToken())
					.status())
			.isEqualTo(200);
		assertThat(api.get(edits(id), facilitator.accessToken()).body().size()).isEqualTo(1);
	}

	@Test
	void aRemovalByItsWriterKeepsThePlaceAndTellsTheRoom() {
		UUID byFacilitator = send(reader, "Tämän poistaa ohjaaja");
		assertThat(api.delete("/api/moderation/rooms/" + room + "/messages/" + byFacilitator, facilitator.accessToken())
			.status()).isEqualTo(204);
		try (StompTestClient listening = StompTestClient.connect(api.baseUrl(), reader.accessToken())) {
			BlockingQueue<JsonNode> heard = listening.subscribe("/topic/rooms/" + room);
			UUID id = send(writer, "Kirjoitin liikaa itsestäni");
			next(heard, "the message itself");

			assertThat(api.delete(message(id), writer.accessToken()).status()).isEqualTo(204);
			JsonNode live = next(heard, "the removal, live");
			assertThat(live.path("type").asString()).isEqualTo("message-deleted");
			assertThat(live.path("id").asString()).isEqualTo(id.toString());
			assertThat(live.has("body")).isFalse();
			// Again: nothing more happens.
			assertThat(api.delete(message(id), writer.accessToken()).status()).isEqualTo(204);
			StompTestClient.nothing(heard, 1000);

			JsonNode page = api.get("/api/rooms/" + room + "/messages", reader.accessToken()).body().path("messages");
			JsonNode own = find(page, id);
			assertThat(own.path("removed").asBoolean()).isTrue();
			assertThat(own.path("removedByWriter").asBoolean()).isTrue();
			assertThat(own.path("body").isNull()).isTrue();
			JsonNode moderated = find(page, byFacilitator);
			assertThat(moderated.path("removed").asBoolean()).isTrue();
			assertThat(moderated.path("removedByWriter").asBoolean()).isFalse();

			Awaitility.await()
				.atMost(10, TimeUnit.SECONDS)
				.untilAsserted(() -> assertThat(jdbc
					.sql("""
							select details::json ->> 'text' from moderation_audit where action = 'DELETE_OWN_MESSAGE' and message_id = :id
							""")
					.param("id", id)
					.query(String.class)
					.list()).containsExactly("Kirjoitin liikaa itsestäni"));
			// A removed message is not edited back to life.
			Response revived = api.put(message(id), Map.of("body", "Takaisin"), writer.accessToken());
			assertThat(revived.status()).isEqualTo(409);
			assertThat(revived.code()).isEqualTo("message.not_editable");
		}
	}

	@Test
	void anEditIsReadForRiskLikeANewMessage() {
		UUID id = send(writer, "Tänään on raskas päivä");
		assertThat(riskFlags()).isZero();
		assertThat(
				api.put(message(id), Map.of("body", "Tänään on raskas päivä, en jaksa enää elää"), writer.accessToken())
					.status())
			.isEqualTo(200);
		Awaitility.await().atMost(10, TimeUnit.SECONDS).until(() -> riskFlags() == 1);
	}

	@Test
	void onlyTheWriterChangesAMessageAndOnlyWithinTheWindow() {
		UUID id = send(writer, "Alkuperäinen");
		expect(api.put(message(id), Map.of("body", "Toisen muokkaus"), reader.accessToken()), 403,
				"message.not_writer");
		expect(api.delete(message(id), reader.accessToken()), 403, "message.not_writer");
		expect(api.put(message(id), Map.of("body", "Ohjaajan muokkaus"), facilitator.accessToken()), 403,
				"message.not_writer");
		Session outsider = api.registerParent("Ulla");
		expect(api.put(message(id), Map.of("body", "Ulkopuolinen"), outsider.accessToken()), 403, "rooms.not_member");
		expect(api.delete(message(id), outsider.accessToken()), 403, "rooms.not_member");
		expect(api.put("/api/rooms/" + room + "/messages/" + UUID.randomUUID(), Map.of("body", "Ei ole"),
				writer.accessToken()), 404, "message.not_found");
		expect(api.put(message(id), Map.of("body", " \u200b "), writer.accessToken()), 400, "message.empty");
		expect(api.put(message(id), Map.of("body", "x".repeat(4001)), writer.accessToken()), 400, "message.too_long");
		Response missing = api.put(message(id), Map.of(), writer.accessToken());
		expect(missing, 400, "validation.failed");
		assertThat(missing.body().path("errors").get(0).path("field").asString()).isEqualTo("body");
		expect(api.put(message(id), Map.of("body", 7), writer.accessToken()), 400, "validation.failed");

		jdbc.sql("update messages set sent_at = sent_at - interval '10 minutes 1 second' where id = :id")
			.param("id", id)
			.update();
		expect(api.put(message(id), Map.of("body", "Liian myöhään"), writer.accessToken()), 409,
				"message.edit_window_closed");
		// Removing has no time limit.
		assertThat(api.delete(message(id), writer.accessToken()).status()).isEqualTo(204);
		assertThat(jdbc.sql("select body from messages where id = :id").param("id", id).query(String.class).single())
			.as("the text stays stored for the facilitators")
			.isEqualTo("Alkuperäinen");
	}

	@Test
	void aMutedWriterOrALockedRoomTakesNoEditsButRemovalsStillGo() {
		UUID first = send(writer, "Ensimmäinen");
		UUID second = send(writer, "Toinen");
		assertThat(api
			.post("/api/moderation/rooms/" + room + "/mutes", Map.of("accountId", writer.id(), "minutes", 5),
					facilitator.accessToken())
			.status()).isEqualTo(201);
		expect(api.put(message(first), Map.of("body", "Mykistettynä"), writer.accessToken()), 403, "moderation.muted");
		assertThat(api.delete(message(first), writer.accessToken()).status()).isEqualTo(204);
		assertThat(api.delete("/api/moderation/rooms/" + room + "/mutes/" + writer.id(), facilitator.accessToken())
			.status()).isEqualTo(204);

		assertThat(api.put("/api/moderation/rooms/" + room + "/lock", Map.of("locked", true), facilitator.accessToken())
			.status()).isEqualTo(200);
		expect(api.put(message(second), Map.of("body", "Lukittuna"), writer.accessToken()), 409, "rooms.read_only");
		assertThat(api.delete(message(second), writer.accessToken()).status()).isEqualTo(204);
	}

	private static void expect(Response response, int status, String code) {
		assertThat(response.status()).as(code).isEqualTo(status);
		assertThat(response.code()).isEqualTo(code);
	}

	private long riskFlags() {
		return api.get("/api/moderation/rooms/" + room + "/risk-flags", facilitator.accessToken()).body().size();
	}

	private String message(UUID id) {
		return "/api/rooms/" + room + "/messages/" + id;
	}

	private String edits(UUID id) {
		return "/api/moderation/rooms/" + room + "/messages/" + id + "/edits";
	}

	private JsonNode latest(Session who) {
		JsonNode messages = api.get("/api/rooms/" + room + "/messages", who.accessToken()).body().path("messages");
		return messages.get(messages.size() - 1);
	}

	private static JsonNode find(JsonNode messages, UUID id) {
		for (JsonNode message : messages) {
			if (message.path("id").asString().equals(id.toString())) {
				return message;
			}
		}
		throw new AssertionError("no message " + id);
	}

	private void join(Session person) {
		assertThat(api.post("/api/rooms/" + room + "/join", Map.of(), person.accessToken()).status()).isEqualTo(200);
	}

	private UUID send(Session author, String body) {
		try (StompTestClient client = StompTestClient.connect(api.baseUrl(), author.accessToken())) {
			BlockingQueue<JsonNode> acks = client.subscribe("/user/queue/acks");
			client.sendMessage(room, "c" + UUID.randomUUID().toString().substring(0, 8), body);
			return UUID.fromString(next(acks, "the ack of " + body).path("messageId").asString());
		}
	}

}
