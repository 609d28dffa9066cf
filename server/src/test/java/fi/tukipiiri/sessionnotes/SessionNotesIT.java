package fi.tukipiiri.sessionnotes;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import fi.tukipiiri.platform.RetentionRule;
import fi.tukipiiri.support.ApiClient;
import fi.tukipiiri.support.ApiClient.Response;
import fi.tukipiiri.support.ApiClient.Session;
import fi.tukipiiri.support.ClockedSeries;
import fi.tukipiiri.support.ClockedSeries.Person;
import fi.tukipiiri.support.ClockedSeries.Planned;
import fi.tukipiiri.support.IntegrationTest;
import fi.tukipiiri.support.SharedTestClock;

/**
 * The facilitators' private session notes: the pair read each other's, nobody else reads
 * or writes them whatever their role, a series' notes follow the series from one session
 * room to the next and to facilitators new to it, only the writer changes a note, bodies
 * pass the text policy, and retention keeps a series' notes until a year after it ends.
 */
@IntegrationTest
@Import(SharedTestClock.Config.class)
@TestPropertySource(properties = "tukipiiri.series.lifecycle-tick=1h")
class SessionNotesIT {

	private static final SharedTestClock CLOCK = SharedTestClock.INSTANCE;

	@Autowired
	ApiClient api;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	List<RetentionRule> retentionRules;

	@Autowired
	ClockedSeries series;

	@BeforeEach
	@AfterEach
	void resetClock() {
		CLOCK.reset();
	}

	@Test
	void theCoFacilitatorReadsWhatTheFirstWroteAndNobodyElseReadsOrWrites() {
		Person aino = series.person(api.staffMember("Ohjaaja Aino", "FACILITATOR"));
		Person eero = series.person(api.staffMember("Ohjaaja Eero", "FACILITATOR"));
		Person veera = series.person(api.staffMember("Vertaistoimija Veera", "PEER_SUPPORTER"));
		Person kalle = series.person(api.staffMember("Koordinaattori Kalle", "COORDINATOR"));
		Person pia = series.person(api.registerParent("Vanhempi Pia"));
		Planned planned = series.plan("Muistiinpanot", 8, 0, List.of(aino, eero), List.of(veera));
		series.enrol(planned, pia);
		UUID room = series.open(planned, 0);

		Response written = api.post(notes(room), Map.of("body", "Pia oli hiljaa.\nKysy ensi kerralla."),
				series.token(aino));
		assertThat(written.status()).as(written.body().toString()).isEqualTo(201);
		JsonNode note = written.body();
		assertThat(note.path("roomId").asString()).isEqualTo(room.toString());
		assertThat(note.path("sessionId").asString()).isEqualTo(planned.sessions().get(0).path("id").asString());
		assertThat(note.path("sessionPosition").asInt()).isEqualTo(1);
		assertThat(note.path("authorId").asString()).isEqualTo(aino.id().toString());
		assertThat(note.path("authorName").asString()).isEqualTo(aino.displayName());
		assertThat(note.path("body").asString()).isEqualTo("Pia oli hiljaa.\nKysy ensi kerralla.");
		assertThat(note.path("createdAt").asString()).isNotBlank();
		assertThat(note.has("editedAt") && note.path("editedAt").isNull()).isTrue();

		Response read = api.get(notes(room), series.token(eero));
		assertThat(read.status()).isEqualTo(200);
		assertThat(read.body().size()).isEqualTo(1);
		assertThat(read.body().get(0)).isEqualTo(note);

		assertThat(roomRole(room, pia)).isEqualTo("PARTICIPANT");
		assertThat(roomRole(room, veera)).isEqualTo("PEER_SUPPORTER");
		for (Person member : List.of(pia, veera)) {
			assertRefused(room, member, "notes.forbidden", note.path("id").asString());
		}
		Person admin = series.person(ClockedSeries.ADMIN);
		for (Person outsider : List.of(kalle, admin)) {
			assertRefused(room, outsider, "rooms.not_member", note.path("id").asString());
		}
		// a coordinator and an administrator who are members of the room are refused too
		for (Person overseer : List.of(kalle, admin)) {
			assertThat(api.addMember(room, overseer.id(), "PARTICIPANT").status()).isEqualTo(200);
			assertRefused(room, overseer, "notes.forbidden", note.path("id").asString());
		}
		assertThat(api.get(notes(UUID.randomUUID()), series.token(aino)).code()).as("a room that does not exist")
			.isEqualTo("rooms.not_member");
		assertThat(api.get(notes(room), series.token(aino)).body().size()).as("nothing was written by the refused")
			.isEqualTo(1);
	}

	@Test
	void aSeriesNotesAreReadFromItsNextSessionsRoomAlsoByAFacilitatorNewToTheSeries() {
		Person aino = series.person(api.staffMember("Ohjaaja Aino", "FACILITATOR"));
		Person eero = series.person(api.staffMember("Ohjaaja Eero", "FACILITATOR"));
		Person uusi = series.person(api.staffMember("Ohjaaja Uuno", "FACILITATOR"));
		Planned planned = series.plan("Muistiinpanot", 8, 0, List.of(aino, eero), List.of());
		UUID first = series.open(planned, 0);
		assertThat(
				api.post(notes(first), Map.of("body", "Ensimmäisen kerran muistiinpano"), series.token(aino)).status())
			.isEqualTo(201);
		series.end(planned, 0);
		assertThat(jdbc.sql("select state from rooms where id = :id").param("id", first).query(String.class).single())
			.isEqualTo("READ_ONLY");
		assertThat(api.post(notes(first), Map.of("body", "Kirjoitettu istunnon jälkeen"), series.token(eero)).status())
			.as("written after the session, in its read-only room")
			.isEqualTo(201);

		// Aino leaves the series; Uuno is new to it
		assertThat(api
			.put("/api/series/" + planned.id() + "/staff",
					Map.of("facilitatorIds", List.of(eero.id().toString(), uusi.id().toString())), series.adminToken())
			.status()).isEqualTo(200);
		UUID second = series.open(planned, 1);
		assertThat(roomRole(second, uusi)).isEqualTo("FACILITATOR");

		JsonNode read = api.get(notes(second), series.token(uusi)).body();
		assertThat(bodies(read)).as("newest first, from the first session's room")
			.containsExactly("Kirjoitettu istunnon jälkeen", "Ensimmäisen kerran muistiinpano");
		assertThat(read.get(0).path("roomId").asString()).isEqualTo(first.toString());
		assertThat(read.get(0).path("sessionPosition").asInt()).isEqualTo(1);

		assertThat(api.post(notes(second), Map.of("body", "Toisen kerran muistiinpano"), series.token(uusi)).status())
			.isEqualTo(201);
		JsonNode fromFirst = api.get(notes(first), series.token(uusi)).body();
		assertThat(bodies(fromFirst)).as("a series facilitator reads them from a room they were never in")
			.containsExactly("Toisen kerran muistiinpano", "Kirjoitettu istunnon jälkeen",
					"Ensimmäisen kerran muistiinpano");
		assertThat(fromFirst.get(0).path("sessionPosition").asInt()).isEqualTo(2);
		assertThat(fromFirst.get(0).path("roomId").asString()).isEqualTo(second.toString());
		assertThat(api.get(notes(second), series.token(aino)).code())
			.as("taken off the series, and not in the second session's room")
			.isEqualTo("rooms.not_member");
		assertThat(roomRole(first, aino)).as("she keeps her place in the first session's room")
			.isEqualTo("FACILITATOR");
		assertThat(api.get(notes(first), series.token(aino)).code())
			.as("but no longer reads the series' notes through its ended session")
			.isEqualTo("notes.forbidden");

		// a room outside any series keeps its own notes
		UUID standalone = api.createRoom("Oma ryhmä", "CLOSED");
		assertThat(api.addMember(standalone, eero.id(), "FACILITATOR").status()).isEqualTo(200);
		Response own = api.post(notes(standalone), Map.of("body", "Erillisen ryhmän muistiinpano"), series.token(eero));
		assertThat(own.status()).isEqualTo(201);
		assertThat(own.body().path("sessionId").isNull()).isTrue();
		assertThat(own.body().path("sessionPosition").isNull()).isTrue();
		assertThat(bodies(api.get(notes(standalone), series.token(eero)).body()))
			.containsExactly("Erillisen ryhmän muistiinpano");
		assertThat(bodies(api.get(notes(second), series.token(eero)).body()))
			.doesNotContain("Erillisen ryhmän muistiinpano");
		assertThat(api.get(notes(standalone), series.token(uusi)).code()).isEqualTo("rooms.not_member");
	}

	@Test
	void onlyTheWriterChangesOrDeletesANote() {
		Session aino = api.staffMember("Ohjaaja Aino", "FACILITATOR");
		Session eero = api.staffMember("Ohjaaja Eero", "FACILITATOR");
		UUID room = pair(aino, eero);
		UUID other = pair(aino, eero);
		String id = api.post(notes(room), Map.of("body", "Ainon muistiinpano"), aino.accessToken()).text("id");
		String elsewhere = api.post(notes(other), Map.of("body", "Toisen huoneen"), aino.accessToken()).text("id");

		Response byEero = api.put(notes(room) + "/" + id, Map.of("body", "Eeron muutos"), eero.accessToken());
		assertThat(byEero.status()).isEqualTo(403);
		assertThat(byEero.code()).isEqualTo("notes.not_author");
		Response removedByEero = api.delete(notes(room) + "/" + id, eero.accessToken());
		assertThat(removedByEero.status()).isEqualTo(403);
		assertThat(removedByEero.code()).isEqualTo("notes.not_author");
		assertThat(bodies(api.get(notes(room), aino.accessToken()).body())).containsExactly("Ainon muistiinpano");

		Response edited = api.put(notes(room) + "/" + id, Map.of("body", "Ainon\u00A0korjattu\u200B muistiinpano"),
				aino.accessToken());
		assertThat(edited.status()).isEqualTo(200);
		assertThat(edited.text("body")).as("folded by the text policy").isEqualTo("Ainon korjattu muistiinpano");
		assertThat(edited.text("editedAt")).isNotBlank();
		assertThat(api.get(notes(room), eero.accessToken()).body().get(0)).isEqualTo(edited.body());

		for (String unknown : List.of(UUID.randomUUID().toString(), elsewhere)) {
			Response missing = api.put(notes(room) + "/" + unknown, Map.of("body", "x"), aino.accessToken());
			assertThat(missing.status()).isEqualTo(404);
			assertThat(missing.code()).isEqualTo("notes.not_found");
			assertThat(api.delete(notes(room) + "/" + unknown, aino.accessToken()).code()).isEqualTo("notes.not_found");
		}

		JsonNode export = api.get("/api/me/export", aino.accessToken()).body().path("sessionNotes");
		assertThat(bodies(export)).containsExactlyInAnyOrder("Ainon korjattu muistiinpano", "Toisen huoneen");
		assertThat(api.get("/api/me/export", eero.accessToken()).body().path("sessionNotes").size()).isZero();

		assertThat(api.delete(notes(room) + "/" + id, aino.accessToken()).status()).isEqualTo(204);
		assertThat(api.get(notes(room), eero.accessToken()).body().size()).isZero();
		assertThat(api.delete(notes(room) + "/" + id, aino.accessToken()).code()).isEqualTo("notes.not_found");
		assertThat(bodies(api.get(notes(other), eero.accessToken()).body())).containsExactly("Toisen huoneen");
	}

	@Test
	void badBodiesAreRefusedByTheTextPolicy() {
		Session aino = api.staffMember("Ohjaaja Aino", "FACILITATOR");
		UUID room = pair(aino, api.staffMember("Ohjaaja Eero", "FACILITATOR"));
		String grinning = "\uD83D\uDE00";
		Map<String, String> refused = new HashMap<>();
		refused.put(" \n\u200B ", "not_blank");
		refused.put("x".repeat(4001), "size");
		refused.put(grinning.repeat(4001), "size");
		refused.put("kello\u0007", "control_character");
		refused.put("e" + "\u0301".repeat(9), "combining_marks");
		for (var body : refused.entrySet()) {
			assertInvalid(api.post(notes(room), Map.of("body", body.getKey()), aino.accessToken()), body.getValue());
		}
		Map<String, Object> withoutBody = new HashMap<>();
		withoutBody.put("body", null);
		assertInvalid(api.post(notes(room), withoutBody, aino.accessToken()), "not_null");
		assertInvalid(api.post(notes(room), Map.of(), aino.accessToken()), "not_null");
		assertInvalid(api.post(notes(room), Map.of("body", 12), aino.accessToken()), "invalid_value");
		assertThat(api.get(notes(room), aino.accessToken()).body().size()).isZero();

		Response longest = api.post(notes(room), Map.of("body", grinning.repeat(4000)), aino.accessToken());
		assertThat(longest.status()).as("4,000 code points, 8,000 UTF-16 units").isEqualTo(201);
		String id = longest.text("id");
		assertInvalid(api.put(notes(room) + "/" + id, Map.of("body", "  "), aino.accessToken()), "not_blank");
		assertThat(api.get(notes(room), aino.accessToken()).body().get(0).path("body").asString())
			.isEqualTo(grinning.repeat(4000));

		JsonNode limit = api.get("/api/limits", null).body().path("fields").path("sessionNote");
		assertThat(limit.path("kind").asString()).isEqualTo("MULTI_LINE");
		assertThat(limit.path("min").asInt()).isEqualTo(1);
		assertThat(limit.path("max").asInt()).isEqualTo(4000);
	}

	@Test
	void retentionKeepsASeriesNotesUntilAYearAfterItsLastSessionAndOthersAYearAfterWriting() {
		RetentionRule rule = retentionRules.stream()
			.filter(r -> r.name().equals("session-notes"))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no retention rule for session notes"));
		Session eero = api.staffMember("Ohjaaja Eero", "FACILITATOR");
		UUID standalone = pair(eero, api.staffMember("Ohjaaja Aino", "FACILITATOR"));
		Instant writtenAlone = Instant
			.parse(api.post(notes(standalone), Map.of("body", "Erillinen"), eero.accessToken()).text("createdAt"));

		Person aino = series.person(api.staffMember("Ohjaaja Aino", "FACILITATOR"));
		Planned planned = series.plan("Muistiinpanot", aino);
		UUID first = series.open(planned, 0);
		String seriesNote = api.post(notes(first), Map.of("body", "Sarjan muistiinpano"), series.token(aino))
			.text("id");
		Instant lastEnd = planned.endsAt(planned.last());

		rule.purge(writtenAlone.plus(Duration.ofDays(364)));
		assertThat(exists(standalone)).as("outside a series, 364 days after writing").isTrue();
		rule.purge(writtenAlone.plus(Duration.ofDays(366)));
		assertThat(exists(standalone)).as("outside a series, 366 days after writing").isFalse();
		assertThat(noteExists(seriesNote)).as("the series still meets: not counted from the note").isTrue();
		rule.purge(lastEnd.plus(Duration.ofDays(364)));
		assertThat(noteExists(seriesNote)).as("364 days after the series' last session").isTrue();
		rule.purge(lastEnd.plus(Duration.ofDays(366)));
		assertThat(noteExists(seriesNote)).as("366 days after the series' last session").isFalse();
	}

	private void assertRefused(UUID room, Person person, String code, String noteId) {
		String token = series.token(person);
		List<Response> answers = List.of(api.get(notes(room), token),
				api.post(notes(room), Map.of("body", "Ei kuulu minulle"), token),
				api.put(notes(room) + "/" + noteId, Map.of("body", "Muutos"), token),
				api.delete(notes(room) + "/" + noteId, token));
		for (Response answer : answers) {
			assertThat(answer.status()).as(person.displayName() + ": " + answer.body()).isEqualTo(403);
			assertThat(answer.code()).as(person.displayName()).isEqualTo(code);
		}
	}

	private static void assertInvalid(Response answer, String fieldCode) {
		assertThat(answer.status()).as(answer.body().toString()).isEqualTo(400);
		assertThat(answer.code()).isEqualTo("validation.failed");
		assertThat(answer.body().path("errors").get(0).path("field").asString()).isEqualTo("body");
		assertThat(answer.body().path("errors").get(0).path("code").asString()).isEqualTo(fieldCode);
	}

	/** A room outside any series led by these two. */
	private UUID pair(Session first, Session second) {
		UUID room = api.createRoom("Työparin ryhmä", "CLOSED");
		assertThat(api.addMember(room, first.id(), "FACILITATOR").status()).isEqualTo(200);
		assertThat(api.addMember(room, second.id(), "FACILITATOR").status()).isEqualTo(200);
		return room;
	}

	private String roomRole(UUID room, Person person) {
		return jdbc.sql("select role from room_members where room_id = :r and account_id = :a")
			.param("r", room)
			.param("a", person.id())
			.query(String.class)
			.single();
	}

	private boolean exists(UUID room) {
		return jdbc.sql("select count(*) from session_notes where room_id = :r")
			.param("r", room)
			.query(Long.class)
			.single() > 0;
	}

	private boolean noteExists(String id) {
		return jdbc.sql("select count(*) from session_notes where id = :id")
			.param("id", UUID.fromString(id))
			.query(Long.class)
			.single() > 0;
	}

	private static List<String> bodies(JsonNode notes) {
		List<String> bodies = new ArrayList<>();
		notes.forEach(note -> bodies.add(note.path("body").asString()));
		return bodies;
	}

	private static String notes(UUID room) {
		return "/api/rooms/" + room + "/notes";
	}

}
