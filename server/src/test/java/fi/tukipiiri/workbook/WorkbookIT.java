package fi.tukipiiri.workbook;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import fi.tukipiiri.support.ApiClient;
import fi.tukipiiri.support.SchemaRows;
import fi.tukipiiri.support.ApiClient.Response;
import fi.tukipiiri.support.ClockedSeries;
import fi.tukipiiri.support.ClockedSeries.Person;
import fi.tukipiiri.support.ClockedSeries.Planned;
import fi.tukipiiri.support.IntegrationTest;
import fi.tukipiiri.support.SeriesPlans;
import fi.tukipiiri.support.SharedTestClock;
import fi.tukipiiri.support.StompTestClient;

/**
 * Session materials and the personal workbook against the real PostgreSQL and Redis:
 * coordinators edit each template session's material and exercise (and nobody else may;
 * Finnish is required, sizes and unknown sessions are refused); the material reaches the
 * session's room when it opens and not before; an answer is its writer's alone; sharing
 * posts it into the room through the message path, where the room's rules apply; it is
 * exported, deleted on request and erased with the account.
 */
@IntegrationTest
@Import(SharedTestClock.Config.class)
@TestPropertySource(properties = { "tukipiiri.series.lifecycle-tick=1h", "tukipiiri.series.house-rules-required=true" })
class WorkbookIT {

	private static final SharedTestClock CLOCK = SharedTestClock.INSTANCE;

	private static final String CLOSED = SeriesPlans.CLOSED_GROUP_TEMPLATE;

	@Autowired
	ApiClient api;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ClockedSeries series;

	@BeforeEach
	@AfterEach
	void resetClock() {
		CLOCK.reset();
	}

	@Test
	void coordinatorsEditEachSessionsMaterialAndExerciseAndOthersAreRefused() {
		Person coordinator = series.person(api.staffMember("Koordinaattori Kerttu", "COORDINATOR"));
		Person facilitator = series.person(api.staffMember("Ohjaaja Olli", "FACILITATOR"));
		Person parent = series.person(api.registerParent("Vanhempi Veikko"));

		Response all = api.get(materials(CLOSED), series.token(coordinator));
		assertThat(all.status()).isEqualTo(200);
		assertThat(all.body().path("sessions").size()).as("the nine meetings").isEqualTo(9);
		JsonNode first = all.body().path("sessions").get(0);
		assertThat(first.path("position").asInt()).isEqualTo(1);
		assertThat(first.path("material").path("fi").asString()).startsWith("Tervetuloa ryhmään");
		assertThat(first.path("material").path("sv").asString()).startsWith("Välkommen till gruppen");
		assertThat(first.path("material").path("en").asString()).startsWith("Welcome to the group");
		for (JsonNode session : all.body().path("sessions")) {
			for (String language : List.of("fi", "sv", "en")) {
				assertThat(session.path("material").path(language).asString()).as("seeded material").isNotBlank();
				assertThat(session.path("exercise").path(language).asString()).as("seeded exercise").isNotBlank();
			}
		}
		assertThat(api.get(materials(SeriesPlans.OPEN_CHATS_TEMPLATE), series.token(coordinator))
			.body()
			.path("sessions")
			.get(7)
			.path("exercise")
			.path("en")
			.asString()).as("the open chats' eighth theme").isNotBlank();

		for (Person refused : List.of(facilitator, parent)) {
			assertThat(api.get(materials(CLOSED), series.token(refused)).code()).isEqualTo("auth.forbidden");
			assertThat(api.get(material(CLOSED, 2), series.token(refused)).status()).isEqualTo(403);
			Response edit = api.put(material(CLOSED, 2), Map.of("material", Map.of("fi", "Ei käy")),
					series.token(refused));
			assertThat(edit.status()).isEqualTo(403);
			assertThat(edit.code()).isEqualTo("auth.forbidden");
		}

		JsonNode original = api.get(material(CLOSED, 2), series.token(coordinator)).body();
		try {
			Response edited = api.put(material(CLOSED, 2),
					Map.of("material", Map.of("en", "  Strengths show in what we do.\n\n\n\n\nEven when tired.  ")),
					series.token(coordinator));
			assertThat(edited.status()).as(edited.body().toString()).isEqualTo(200);
			assertThat(edited.body().path("material").path("en").asString())
				.as("folded by the text policy: trimmed, at most two blank lines")
				.isEqualTo("Strengths show in what we do.\n\n\nEven when tired.");
			assertThat(edited.body().path("material").path("fi").asString()).as("other languages stay")
				.isEqualTo(original.path("material").path("fi").asString());
			assertThat(edited.body().path("exercise")).as("a part left out stays").isEqualTo(original.path("exercise"));

			Response noFinnish = api.put(material(CLOSED, 2), Map.of("material", Map.of("fi", " ")),
					series.token(coordinator));
			assertInvalid(noFinnish, "material.fi", "not_blank");

			Map<String, Object> bad = new HashMap<>();
			bad.put("exercise", Map.of("fi", "x".repeat(1001), "de", "Übung"));
			bad.put("material", Map.of("sv", "y".repeat(3001)));
			Response oversize = api.put(material(CLOSED, 2), bad, series.token(coordinator));
			assertThat(oversize.status()).isEqualTo(400);
			assertThat(oversize.code()).isEqualTo("validation.failed");
			assertThat(fields(oversize)).containsEntry("exercise.fi", "size")
				.containsEntry("exercise.de", "invalid_value")
				.containsEntry("material.sv", "size");

			// An exercise taken away in every language is allowed; given again without
			// Finnish it is not.
			Response cleared = api.put(material(CLOSED, 2), Map.of("exercise", Map.of("fi", "", "sv", "", "en", "")),
					series.token(coordinator));
			assertThat(cleared.status()).isEqualTo(200);
			assertThat(cleared.body().path("exercise").size()).isZero();
			assertInvalid(api.put(material(CLOSED, 2), Map.of("exercise", Map.of("sv", "Bara på svenska")),
					series.token(coordinator)), "exercise.fi", "not_null");
			assertThat(api
				.put(material(CLOSED, 2), Map.of("exercise", Map.of("fi", "Vain suomeksi")), series.token(coordinator))
				.body()
				.path("exercise")
				.path("fi")
				.asString()).isEqualTo("Vain suomeksi");

			for (int unknown : List.of(0, 10, 99)) {
				Response missing = api.put(material(CLOSED, unknown), Map.of("material", Map.of("fi", "Teksti")),
						series.token(coordinator));
				assertThat(missing.status()).as("place " + unknown).isEqualTo(404);
				assertThat(missing.code()).isEqualTo("series.template_session_not_found");
				assertThat(api.get(material(CLOSED, unknown), series.token(coordinator)).code())
					.isEqualTo("series.template_session_not_found");
			}
			assertThat(api.get(materials(UUID.randomUUID().toString()), series.token(coordinator)).code())
				.isEqualTo("series.template_not_found");
			assertThat(api
				.put(material(UUID.randomUUID().toString(), 1), Map.of("material", Map.of("fi", "x")),
						series.token(coordinator))
				.code()).isEqualTo("series.template_not_found");
		}
		finally {
			restore(coordinator, 2, original);
		}
		assertThat(api.get(material(CLOSED, 2), series.token(coordinator)).body()).isEqualTo(original);
	}

	@Test
	void reorderingATemplatesThemesTakesTheirMaterialAlong() {
		Person coordinator = series.person(api.staffMember("Koordinaattori Kalervo", "COORDINATOR"));
		String template = "/api/series/templates/" + SeriesPlans.OPEN_CHATS_TEMPLATE;
		JsonNode before = api.get(template, series.token(coordinator)).body();
		JsonNode firstMaterial = api.get(material(SeriesPlans.OPEN_CHATS_TEMPLATE, 1), series.token(coordinator))
			.body();
		JsonNode secondMaterial = api.get(material(SeriesPlans.OPEN_CHATS_TEMPLATE, 2), series.token(coordinator))
			.body();

		Response swapped = api.put(template, edit(before, List.of(2, 1, 3, 4, 5, 6, 7, 8)), series.token(coordinator));
		assertThat(swapped.status()).as(swapped.body().toString()).isEqualTo(200);
		try {
			assertThat(api.get(material(SeriesPlans.OPEN_CHATS_TEMPLATE, 1), series.token(coordinator))
				.body()
				.path("material")).isEqualTo(secondMaterial.path("material"));
			assertThat(api.get(material(SeriesPlans.OPEN_CHATS_TEMPLATE, 2), series.token(coordinator))
				.body()
				.path("exercise")).isEqualTo(firstMaterial.path("exercise"));
			Response twice = api.put(template, edit(swapped.body(), List.of(1, 1, 3, 4, 5, 6, 7, 8)),
					series.token(coordinator));
			assertInvalid(twice, "sessions[1].from", "invalid_value");
		}
		finally {
			JsonNode now = api.get(template, series.token(coordinator)).body();
			assertThat(
					api.put(template, edit(now, List.of(2, 1, 3, 4, 5, 6, 7, 8)), series.token(coordinator)).status())
				.isEqualTo(200);
		}
		assertThat(api.get(material(SeriesPlans.OPEN_CHATS_TEMPLATE, 1), series.token(coordinator)).body())
			.isEqualTo(firstMaterial);
		assertThat(api.get(material(SeriesPlans.OPEN_CHATS_TEMPLATE, 2), series.token(coordinator)).body())
			.isEqualTo(secondMaterial);
	}

	@Test
	void theMaterialOpensWithTheRoomAndAnAnswerIsItsWritersAloneUntilSharedExportedAndErased()
			throws InterruptedException {
		String tag = UUID.randomUUID().toString().substring(0, 8);
		Person facilitator = series.person(api.staffMember("Ohjaaja Fanni", "FACILITATOR"));
		Person pia = series.person(api.registerParent("Vanhempi Pia"));
		Person ulla = series.person(api.registerParent("Vanhempi Ulla"));
		Person outsider = series.person(api.registerParent("Vanhempi Ulkona"));
		Planned planned = series.plan("Työkirja", facilitator);
		series.enrol(planned, pia);
		series.enrol(planned, ulla);
		String first = entry(planned.id(), 1);

		// Before its room opens, a session gives no exercise and takes no answer.
		Response early = api.put(first, Map.of("answer", "Liian aikaisin"), series.token(pia));
		assertThat(early.status()).isEqualTo(409);
		assertThat(early.code()).isEqualTo("workbook.session_not_open");
		assertThat(api.get("/api/series/" + planned.id(), series.token(pia))
			.body()
			.path("sessions")
			.get(0)
			.path("roomId")
			.isNull()).isTrue();

		UUID room = series.open(planned, 0);
		JsonNode guide = api.get("/api/rooms/" + room + "/guide", series.token(pia)).body();
		assertThat(guide.path("session").path("state").asString()).isEqualTo("LOBBY");
		JsonNode material = guide.path("material");
		assertThat(material.path("seriesId").asString()).isEqualTo(planned.id().toString());
		assertThat(material.path("position").asInt()).isEqualTo(1);
		assertThat(material.path("text").path("fi").asString()).startsWith("Tervetuloa ryhmään");
		assertThat(material.path("exercise").path("sv").asString()).startsWith("Skriv tre saker");
		assertThat(api.get("/api/rooms/" + room + "/guide", series.token(outsider)).code()).as("members only")
			.isEqualTo("rooms.not_member");
		// the next session's room has not opened: its exercise is not given
		Response notYet = api.put(entry(planned.id(), 2), Map.of("answer", "Etukäteen"), series.token(pia));
		assertThat(notYet.code()).isEqualTo("workbook.session_not_open");

		String answer = "Sinnikkyys, huumori ja se, että jaksan kuunnella " + tag;
		Response written = api.put(first, Map.of("answer", "  " + answer + "  "), series.token(pia));
		assertThat(written.status()).as(written.body().toString()).isEqualTo(200);
		JsonNode entry = written.body();
		assertThat(entry.path("answer").asString()).isEqualTo(answer);
		assertThat(entry.path("seriesId").asString()).isEqualTo(planned.id().toString());
		assertThat(entry.path("position").asInt()).isEqualTo(1);
		assertThat(entry.path("theme").path("fi").asString()).isEqualTo("Tutustuminen ja omat vahvuudet");
		assertThat(entry.path("exercise").path("fi").asString()).startsWith("Kirjoita kolme asiaa");
		assertThat(entry.path("sharedAt").isNull()).isTrue();
		assertThat(api.get(first, series.token(pia)).body()).isEqualTo(entry);
		assertThat(api.get("/api/me/workbook", series.token(pia)).body().get(0)).isEqualTo(entry);

		// Nobody else reaches it: the other parent, the facilitator, an administrator.
		Person admin = series.person(ClockedSeries.ADMIN);
		for (Person other : List.of(ulla, facilitator, admin)) {
			Response read = api.get(first, series.token(other));
			assertThat(read.status()).as(other.displayName()).isEqualTo(404);
			assertThat(read.code()).isEqualTo("workbook.not_found");
			assertThat(api.get("/api/me/workbook", series.token(other)).body().toString()).doesNotContain(tag);
		}
		Response stranger = api.put(first, Map.of("answer", "En ole ryhmässä"), series.token(outsider));
		assertThat(stranger.status()).isEqualTo(403);
		assertThat(stranger.code()).isEqualTo("rooms.not_member");

		assertInvalid(api.put(first, Map.of("answer", " \u200b "), series.token(pia)), "answer", "not_blank");
		assertInvalid(api.put(first, Map.of("answer", "x".repeat(4001)), series.token(pia)), "answer", "size");
		assertInvalid(api.putRaw(first, "{}", series.token(pia)), "answer", "not_null");
		assertThat(api.put(entry(UUID.randomUUID(), 1), Map.of("answer", "x"), series.token(pia)).code())
			.isEqualTo("workbook.session_not_found");
		assertThat(api.put(entry(planned.id(), 42), Map.of("answer", "x"), series.token(pia)).code())
			.isEqualTo("workbook.session_not_found");
		assertThat(api.get(first, series.token(pia)).body().path("answer").asString()).as("nothing refused was kept")
			.isEqualTo(answer);

		// Sharing: the room's rules apply (the house rules first), then the group reads
		// it.
		String share = first + "/share";
		String clientId = "share-" + tag;
		assertThat(api.post(share, Map.of("clientId", clientId), series.token(pia)).code())
			.isEqualTo("rooms.rules_not_accepted");
		assertThat(api.post("/api/rooms/" + room + "/house-rules/acceptance", Map.of(), series.token(pia)).status())
			.isEqualTo(200);
		assertThat(api.post(share, Map.of(), series.token(pia)).code()).isEqualTo("message.invalid_client_id");
		try (StompTestClient group = StompTestClient.connect(api.baseUrl(), series.token(ulla))) {
			BlockingQueue<JsonNode> heard = group.subscribe("/topic/rooms/" + room);
			api.awaitPresence(room, series.login(ulla), 1);
			Response shared = api.post(share, Map.of("clientId", clientId), series.token(pia));
			assertThat(shared.status()).as(shared.body().toString()).isEqualTo(201);
			assertThat(shared.body().path("body").asString()).isEqualTo(answer);
			assertThat(shared.body().path("authorId").asString()).isEqualTo(pia.id().toString());
			assertThat(shared.body().path("authorRole").asString()).isEqualTo("PARTICIPANT");
			JsonNode live = heard.poll(10, TimeUnit.SECONDS);
			assertThat(live).as("delivered live to the group").isNotNull();
			assertThat(live.path("body").asString()).isEqualTo(answer);
			assertThat(live.path("authorDisplayName").asString()).isEqualTo(pia.displayName());

			Response again = api.post(share, Map.of("clientId", clientId), series.token(pia));
			assertThat(again.status()).as("the same client id posts nothing new").isEqualTo(200);
			assertThat(again.body().path("id").asString()).isEqualTo(shared.body().path("id").asString());
		}
		JsonNode history = api.get("/api/rooms/" + room + "/messages", series.token(ulla)).body().path("messages");
		assertThat(history.size()).isEqualTo(1);
		assertThat(history.get(0).path("body").asString()).isEqualTo(answer);
		assertThat(api.get(first, series.token(pia)).body().path("sharedAt").isNull()).isFalse();
		assertThat(api.get(first, series.token(pia)).body().path("answer").asString())
			.as("still private in the workbook")
			.isEqualTo(answer);
		Response nothing = api.post(entry(planned.id(), 1) + "/share", Map.of("clientId", "u-" + tag),
				series.token(ulla));
		assertThat(nothing.status()).isEqualTo(404);
		assertThat(nothing.code()).isEqualTo("workbook.not_found");

		// A shared answer is read for risk like any message.
		assertThat(api.post("/api/rooms/" + room + "/house-rules/acceptance", Map.of(), series.token(ulla)).status())
			.isEqualTo(200);
		assertThat(api.put(first, Map.of("answer", "En jaksa elää enää " + tag), series.token(ulla)).status())
			.isEqualTo(200);
		Response risky = api.post(first + "/share", Map.of("clientId", "risk-" + tag), series.token(ulla));
		assertThat(risky.status()).isEqualTo(201);
		Awaitility.await()
			.atMost(10, TimeUnit.SECONDS)
			.until(() -> jdbc.sql("select count(*) from risk_flags where message_id = :m")
				.param("m", UUID.fromString(risky.body().path("id").asString()))
				.query(Long.class)
				.single() == 1);

		// A muted writer cannot share; neither can anyone once the room is read-only.
		Response muted = api.post("/api/moderation/rooms/" + room + "/mutes", Map.of("accountId", pia.id()),
				series.token(facilitator));
		assertThat(muted.status()).isEqualTo(201);
		assertThat(api.post(share, Map.of("clientId", "m-" + tag), series.token(pia)).code())
			.isEqualTo("moderation.muted");
		assertThat(
				api.delete("/api/moderation/rooms/" + room + "/mutes/" + pia.id(), series.token(facilitator)).status())
			.isEqualTo(204);
		series.end(planned, 0);
		assertThat(api.post(share, Map.of("clientId", "e-" + tag), series.token(pia)).code())
			.isEqualTo("rooms.read_only");
		assertThat(api.get("/api/rooms/" + room + "/guide", series.token(pia))
			.body()
			.path("material")
			.path("position")
			.asInt()).as("the ended session's material can still be read").isEqualTo(1);
		String between = "Mietin tätä vielä kotona " + tag;
		assertThat(api.put(first, Map.of("answer", between), series.token(pia)).body().path("answer").asString())
			.as("changed between sessions")
			.isEqualTo(between);

		JsonNode exported = api.get("/api/me/export", series.token(pia)).body().path("workbook");
		assertThat(exported.size()).isEqualTo(1);
		assertThat(exported.get(0).path("answer").asString()).isEqualTo(between);
		assertThat(exported.get(0).path("seriesId").asString()).isEqualTo(planned.id().toString());
		assertThat(exported.get(0).path("sharedAt").isNull()).isFalse();
		assertThat(api.get("/api/me/export", series.token(ulla)).body().path("workbook").toString())
			.doesNotContain(between);

		assertThat(api.delete(first, series.token(pia)).status()).isEqualTo(204);
		assertThat(api.get(first, series.token(pia)).code()).isEqualTo("workbook.not_found");
		assertThat(api.delete(first, series.token(pia)).status()).as("deleting again changes nothing").isEqualTo(204);
		assertThat(api.get("/api/me/workbook", series.token(ulla)).body().size()).as("Ulla's answer stays")
			.isEqualTo(1);

		String last = "Viimeinen vastaukseni " + tag;
		assertThat(api.put(first, Map.of("answer", last), series.token(pia)).status()).isEqualTo(200);
		assertThat(rowsHolding(last)).isNotEmpty();
		assertThat(api.post("/api/me/erasure", Map.of("password", ClockedSeries.PASSWORD), series.token(pia)).status())
			.isEqualTo(204);
		assertThat(rowsHolding(last)).as("the answer is erased with the account").isEmpty();
		assertThat(rowsHolding(answer)).as("and the answer she shared, as her message").isEmpty();
		assertThat(jdbc.sql("select count(*) from workbook_answers where account_id = :a")
			.param("a", pia.id())
			.query(Long.class)
			.single()).isZero();
		assertThat(api.get("/api/me/workbook", series.token(ulla)).body().size()).as("Ulla's answer stays")
			.isEqualTo(1);
	}

	private static Map<String, Object> edit(JsonNode template, List<Integer> order) {
		List<Map<String, Object>> sessions = new ArrayList<>();
		for (Integer from : order) {
			JsonNode theme = template.path("sessions").get(from - 1);
			Map<String, Object> session = new HashMap<>();
			session.put("title", Map.of("fi", theme.path("title").path("fi").asString(), "en",
					theme.path("title").path("en").asString()));
			session.put("description", Map.of("fi", theme.path("description").path("fi").asString(), "en",
					theme.path("description").path("en").asString()));
			session.put("from", from);
			sessions.add(session);
		}
		return Map.of("version", template.path("version").asInt(), "title", Map.of("fi",
				template.path("title").path("fi").asString(), "en", template.path("title").path("en").asString()),
				"description",
				Map.of("fi", template.path("description").path("fi").asString(), "en",
						template.path("description").path("en").asString()),
				"defaultLengthMinutes", template.path("defaultLengthMinutes").asInt(), "sessions", sessions);
	}

	private void restore(Person coordinator, int position, JsonNode original) {
		Map<String, Object> back = new HashMap<>();
		for (String part : List.of("material", "exercise")) {
			Map<String, String> texts = new HashMap<>();
			for (String language : List.of("fi", "sv", "en")) {
				texts.put(language, original.path(part).path(language).asString(""));
			}
			back.put(part, texts);
		}
		assertThat(api.put(material(CLOSED, position), back, series.token(coordinator)).status()).isEqualTo(200);
	}

	private static Map<String, String> fields(Response answer) {
		Map<String, String> fields = new HashMap<>();
		answer.body()
			.path("errors")
			.forEach(error -> fields.put(error.path("field").asString(), error.path("code").asString()));
		return fields;
	}

	private static void assertInvalid(Response answer, String field, String code) {
		assertThat(answer.status()).as(answer.body().toString()).isEqualTo(400);
		assertThat(answer.code()).isEqualTo("validation.failed");
		assertThat(fields(answer)).containsEntry(field, code);
	}

	private List<String> rowsHolding(String needle) {
		return SchemaRows.holding(jdbc, needle);
	}

	private static String materials(String template) {
		return "/api/series/templates/" + template + "/materials";
	}

	private static String material(String template, int position) {
		return "/api/series/templates/" + template + "/sessions/" + position + "/material";
	}

	private static String entry(UUID series, int position) {
		return "/api/me/workbook/series/" + series + "/sessions/" + position;
	}

}
