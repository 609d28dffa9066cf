package fi.tukipiiri.platform;

import static fi.tukipiiri.support.StompTestClient.next;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import fi.tukipiiri.support.ApiClient;
import fi.tukipiiri.support.ApiClient.Response;
import fi.tukipiiri.support.ApiClient.Session;
import fi.tukipiiri.support.IntegrationTest;
import fi.tukipiiri.support.SeriesPlans;
import fi.tukipiiri.support.StompTestClient;

/**
 * What is not of the expected type or form is refused with the field named, over REST and
 * STOMP alike, and nothing changes: fractions into integers, strings into numbers or
 * booleans, numbers into booleans or enums, keys given twice, instants and impossible
 * days in date fields, and lenient spellings in query strings.
 */
@IntegrationTest
class StrictInputIT {

	@Autowired
	ApiClient api;

	@Autowired
	JdbcClient jdbc;

	Session admin;

	Session facilitator;

	Session parent;

	UUID room;

	String moderation;

	@BeforeEach
	void aModeratedRoom() {
		admin = api.login("root-admin", "test-admin-password");
		facilitator = api.staffMember("Ohjaaja Tiukka", "FACILITATOR");
		parent = api.registerParent("Vanhempi Tiukka");
		room = api.createRoom("Tiukka " + UUID.randomUUID().toString().substring(0, 6), "OPEN");
		assertThat(api.addMember(room, facilitator.id(), "FACILITATOR").status()).isEqualTo(200);
		assertThat(api.post("/api/rooms/" + room + "/join", Map.of(), parent.accessToken()).status()).isEqualTo(200);
		moderation = "/api/moderation/rooms/" + room;
	}

	@Test
	void fractionsAreNotIntegersAndNothingChanges() {
		String title = "Murtoluku " + UUID.randomUUID();
		assertField(api.post("/api/series", plan(title, Map.of("capacity", 10.9)), admin.accessToken()), "capacity",
				"invalid_value");
		assertField(api.post("/api/series", plan(title, Map.of("capacity", 10.0)), admin.accessToken()), "capacity",
				"invalid_value");
		assertField(api.post("/api/series", plan(title, Map.of("lengthMinutes", 90.5)), admin.accessToken()),
				"lengthMinutes", "invalid_value");
		assertThat(seriesTitled(title)).isZero();

		assertField(api.post(moderation + "/mutes", Map.of("accountId", parent.id(), "minutes", 2.9),
				facilitator.accessToken()), "minutes", "invalid_value");
		assertThat(sanctionsOf(parent.id())).as("no mute").isZero();

		assertField(api.put(moderation + "/slow-mode", Map.of("seconds", 1.5), facilitator.accessToken()), "seconds",
				"invalid_value");
		assertThat(slowModeSeconds()).isZero();
	}

	@Test
	void stringsAreNotNumbersOrBooleansAndNumbersAreNotBooleansOrEnums() {
		String title = "Merkkijono " + UUID.randomUUID();
		assertField(api.post("/api/series", plan(title, Map.of("capacity", "10")), admin.accessToken()), "capacity",
				"invalid_value");
		assertField(api.post("/api/series", plan(title, Map.of("intervalWeeks", "1")), admin.accessToken()),
				"intervalWeeks", "invalid_value");
		assertThat(seriesTitled(title)).isZero();

		assertField(api.post(moderation + "/mutes", Map.of("accountId", parent.id(), "minutes", "5"),
				facilitator.accessToken()), "minutes", "invalid_value");
		assertField(api.put(moderation + "/lock", Map.of("locked", 1), facilitator.accessToken()), "locked",
				"invalid_value");
		assertField(api.put(moderation + "/lock", Map.of("locked", "true"), facilitator.accessToken()), "locked",
				"invalid_value");
		assertThat(roomState()).as("not locked").isEqualTo("OPEN");
		assertField(
				api.post(moderation + "/bans", Map.of("accountId", parent.id(), "scope", 1), facilitator.accessToken()),
				"scope", "invalid_value");
		assertThat(sanctionsOf(parent.id())).as("no ban").isZero();

		assertField(api.post("/api/rooms", Map.of("title", "Numero", "kind", 0), admin.accessToken()), "kind",
				"invalid_value");
		assertField(
				api.put("/api/admin/users/" + parent.id() + "/roles", Map.of("roles", List.of(3)), admin.accessToken()),
				"roles[0]", "invalid_value");
		assertThat(api.get("/api/admin/users/" + parent.id(), admin.accessToken()).body().path("roles").toString())
			.isEqualTo("[\"PARENT\"]");
		assertField(api.post("/api/auth/guest", Map.of("nickname", 12345)), "nickname", "invalid_value");
		assertField(api.put(moderation + "/pin", Map.of("text", true), facilitator.accessToken()), "text",
				"invalid_value");
	}

	@Test
	void aKeyGivenTwiceIsRefusedNamingIt() {
		Response login = api.postRaw("/api/auth/login",
				"{\"username\": \"root-admin\", \"password\": \"test-admin-password\", \"username\": \"x\"}", null);
		assertField(login, "username", "duplicate_key");
		assertThat(login.body().path("accessToken").isMissingNode()).isTrue();

		assertField(
				api.putRaw(moderation + "/slow-mode", "{\"seconds\": 0, \"seconds\": 30}", facilitator.accessToken()),
				"seconds", "duplicate_key");
		assertThat(slowModeSeconds()).isZero();

		String title = "Kahdesti " + UUID.randomUUID();
		Response nested = api.postRaw("/api/series", json(plan(title, Map.of())).replace("\"facilitatorIds\":",
				"\"facilitatorIds\": [], \"facilitatorIds\":"), admin.accessToken());
		assertField(nested, "facilitatorIds", "duplicate_key");
		assertThat(seriesTitled(title)).isZero();
	}

	@Test
	void stompPayloadsAreReadAsStrictlyAndRefusedOnTheErrorQueue() {
		try (var byFacilitator = StompTestClient.connect(api.baseUrl(), facilitator.accessToken());
				var byParent = StompTestClient.connect(api.baseUrl(), parent.accessToken())) {
			var errors = byFacilitator.subscribe("/user/queue/errors");
			var parentErrors = byParent.subscribe("/user/queue/errors");
			String commands = "/app/rooms/" + room + "/moderation";

			byFacilitator.send(commands,
					Map.of("clientId", "mute-1", "action", "MUTE", "accountId", parent.id(), "minutes", 2.9));
			assertStompField(next(errors, "fraction of minutes"), "minutes", "mute-1");
			byFacilitator.send(commands, Map.of("clientId", "slow-1", "action", "SLOW_MODE", "seconds", 1.5));
			assertStompField(next(errors, "fraction of seconds"), "seconds", "slow-1");
			byFacilitator.send(commands, Map.of("clientId", "slow-2", "action", "SLOW_MODE", "seconds", "30"));
			assertStompField(next(errors, "seconds as text"), "seconds", "slow-2");
			byFacilitator.send(commands, Map.of("clientId", "action-1", "action", 7));
			assertStompField(next(errors, "action as a number"), "action", "action-1");
			byFacilitator.sendRaw(commands, "{\"action\": \"SLOW_MODE\", \"seconds\": 0, \"seconds\": 60}");
			assertStompField(next(errors, "seconds twice"), "seconds", null);
			assertThat(sanctionsOf(parent.id())).isZero();
			assertThat(slowModeSeconds()).isZero();

			String messages = "/app/rooms/" + room + "/messages";
			byParent.sendRaw(messages, "{\"clientId\": \"twice\", \"body\": \"Hei\", \"body\": \"Toinen\"}");
			assertStompField(next(parentErrors, "body twice"), "body", null);
			byParent.sendRaw(messages, "{\"clientId\": 42, \"body\": \"Numero\"}");
			assertStompField(next(parentErrors, "client id as a number"), "clientId", null);
			byParent.sendRaw(messages, "{\"clientId\": \"bool\", \"body\": true}");
			assertStompField(next(parentErrors, "body as a boolean"), "body", "bool");
			byParent.sendRaw(messages, "{\"clientId\": \"mark\", \"body\": \"Raskas\", \"sensitive\": \"yes\"}");
			assertStompField(next(parentErrors, "the content note as text"), "sensitive", "mark");
			assertThat(jdbc.sql("select count(*) from messages where room_id = :room")
				.param("room", room)
				.query(Long.class)
				.single()).isZero();

			var acks = byParent.subscribe("/user/queue/acks");
			byParent.sendMessage(room, "fine", "Tämä kelpaa");
			assertThat(next(acks, "a valid message after the refusals").path("seq").asLong()).isEqualTo(1);
		}
	}

	@Test
	void datesInBodiesAreYearMonthDayOnlyAndMustExist() {
		String title = "Päivämäärä " + UUID.randomUUID();
		// 2026-12-30 00:00 in Helsinki: read as an instant it would be the 29th
		assertField(api.post("/api/series", plan(title, Map.of("firstDate", "2026-12-29T22:00:00.000Z")),
				admin.accessToken()), "firstDate", "invalid_value");
		assertField(api.post("/api/series", plan(title, Map.of("decisionDate", "2027-01-05T00:00:00")),
				admin.accessToken()), "decisionDate", "invalid_value");
		assertField(api.post("/api/series", plan(title, Map.of("firstDate", "2027-02-30")), admin.accessToken()),
				"firstDate", "invalid_value");
		assertField(api.post("/api/series", plan(title, Map.of("firstDate", "2027-02-29")), admin.accessToken()),
				"firstDate", "invalid_value");
		assertField(api.post("/api/series", plan(title, Map.of("firstDate", "30.12.2026")), admin.accessToken()),
				"firstDate", "invalid_value");
		assertField(
				api.post("/api/series", plan(title, Map.of("firstDate", List.of(2027, 1, 12))), admin.accessToken()),
				"firstDate", "invalid_value");
		assertField(api.post("/api/series", plan(title, Map.of("startTime", "18:00Z")), admin.accessToken()),
				"startTime", "invalid_value");
		assertField(api.post("/api/series", plan(title, Map.of("startTime", "6:00 pm")), admin.accessToken()),
				"startTime", "invalid_value");
		assertField(api.post("/api/series", plan(title, Map.of("startTime", "24:00")), admin.accessToken()),
				"startTime", "invalid_value");
		assertThat(seriesTitled(title)).isZero();

		Response leapDay = api.post("/api/series",
				plan(title, Map.of("firstDate", "2028-02-29", "decisionDate", "2028-02-22", "startTime", "18:00:00")),
				admin.accessToken());
		assertThat(leapDay.status()).as(leapDay.body().toString()).isEqualTo(201);
		JsonNode first = leapDay.body().path("sessions").get(0);
		assertThat(Instant.parse(first.path("startsAt").asString())).as("18:00 in Helsinki (UTC+2)")
			.isEqualTo(Instant.parse("2028-02-29T16:00:00Z"));
		String series = leapDay.text("id");
		String session = first.path("id").asString();

		String move = "/api/series/" + series + "/sessions/" + session;
		assertField(api.put(move, Map.of("date", "2028-03-01T22:00:00.000Z"), admin.accessToken()), "date",
				"invalid_value");
		assertField(api.put(move, Map.of("date", "2028-02-30"), admin.accessToken()), "date", "invalid_value");
		assertField(api.put(move, Map.of("date", "2028-03-02", "startTime", "19:00:00.000"), admin.accessToken()),
				"startTime", "invalid_value");
		assertField(
				api.post("/api/series/" + series + "/sessions",
						Map.of("date", "2029-02-29", "themeFi", "Lisä", "themeEn", "Extra"), admin.accessToken()),
				"date", "invalid_value");
		JsonNode unchanged = api.get("/api/series/" + series, admin.accessToken()).body();
		assertThat(unchanged.path("sessions").size()).isEqualTo(9);
		assertThat(unchanged.path("sessions").get(0).path("startsAt").asString())
			.isEqualTo(first.path("startsAt").asString());

		Response moved = api.put(move, Map.of("date", "2028-03-01"), admin.accessToken());
		assertThat(moved.status()).isEqualTo(200);
		assertThat(Instant.parse(moved.body().path("sessions").get(0).path("startsAt").asString()))
			.isEqualTo(Instant.parse("2028-03-01T16:00:00Z"));
	}

	@Test
	void queryValuesAreReadInTheirOneFormAndARefusalNamesTheParameter() {
		assertField(api.get("/api/calendar?from=2026-12-29T22:00:00.000Z", null), "from", "invalid_value");
		assertField(api.get("/api/calendar?from=2027-01-01&to=2027-02-30", null), "to", "invalid_value");
		assertField(api.get("/api/calendar?from=2027-02-29", null), "from", "invalid_value");
		assertField(api.get("/api/calendar?from=1.1.2027", null), "from", "invalid_value");
		assertThat(api.get("/api/calendar?from=2028-02-29&to=2028-03-31", null).status()).isEqualTo(200);

		String audit = "/api/moderation/audit?roomId=" + room;
		assertField(api.get(audit + "&from=2026-12-29", admin.accessToken()), "from", "invalid_value");
		assertField(api.get(audit + "&to=1767045600000", admin.accessToken()), "to", "invalid_value");
		assertField(api.get(audit + "&from=2026-02-30T10:00:00Z", admin.accessToken()), "from", "invalid_value");
		assertThat(api.get(audit + "&from=2026-12-29T22:00:00Z&to=2030-01-01T00:00:00%2B02:00", admin.accessToken())
			.status()).isEqualTo(200);

		assertField(api.get("/api/notifications?limit=0x10", parent.accessToken()), "limit", "invalid_value");
		assertField(api.get("/api/notifications?limit=10.5", parent.accessToken()), "limit", "invalid_value");
		assertField(api.get("/api/notifications?unread=1", parent.accessToken()), "unread", "invalid_value");
		assertField(api.get("/api/moderation/reports?roomId=1-1-1-1-1", facilitator.accessToken()), "roomId",
				"invalid_value");
		assertThat(api.get("/api/notifications?unread=true&limit=10", parent.accessToken()).status()).isEqualTo(200);
	}

	private Map<String, Object> plan(String title, Map<String, Object> overrides) {
		Map<String, Object> plan = new HashMap<>(
				SeriesPlans.closedGroup(title, LocalDate.of(2027, 1, 12), 8, 2, facilitator.id()));
		plan.putAll(overrides);
		return plan;
	}

	private static String json(Map<String, Object> body) {
		return tools.jackson.databind.json.JsonMapper.builder().build().writeValueAsString(body);
	}

	private static void assertField(Response response, String field, String code) {
		assertThat(response.status()).as(response.raw().body()).isEqualTo(400);
		assertThat(response.code()).isEqualTo("validation.failed");
		JsonNode errors = response.body().path("errors");
		assertThat(errors.size()).as(errors.toString()).isEqualTo(1);
		assertThat(errors.get(0).path("field").asString()).isEqualTo(field);
		assertThat(errors.get(0).path("code").asString()).isEqualTo(code);
	}

	private static void assertStompField(JsonNode error, String field, String clientId) {
		assertThat(error.path("code").asString()).as(error.toString()).isEqualTo("validation.failed");
		assertThat(error.path("field").asString()).isEqualTo(field);
		// the same errors[] as the REST problem of the same refusal
		assertThat(error.path("errors").size()).as(error.toString()).isEqualTo(1);
		assertThat(error.path("errors").get(0).path("field").asString()).isEqualTo(field);
		if (clientId != null) {
			assertThat(error.path("clientId").asString()).isEqualTo(clientId);
		}
	}

	private long seriesTitled(String title) {
		return jdbc.sql("select count(*) from series where title = :title")
			.param("title", title)
			.query(Long.class)
			.single();
	}

	private long sanctionsOf(UUID account) {
		return jdbc.sql("select count(*) from sanctions where account_id = :id")
			.param("id", account)
			.query(Long.class)
			.single();
	}

	private int slowModeSeconds() {
		return jdbc.sql("select coalesce((select slow_mode_seconds from room_moderation where room_id = :room), 0)")
			.param("room", room)
			.query(Integer.class)
			.single();
	}

	private String roomState() {
		return jdbc.sql("select state from rooms where id = :room").param("room", room).query(String.class).single();
	}

}
