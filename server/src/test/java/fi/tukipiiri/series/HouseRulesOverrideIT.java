package fi.tukipiiri.series;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import fi.tukipiiri.support.ApiClient;
import fi.tukipiiri.support.ApiClient.Response;
import fi.tukipiiri.support.ApiClient.Session;
import fi.tukipiiri.support.ClockedSeries;
import fi.tukipiiri.support.ClockedSeries.Planned;
import fi.tukipiiri.support.IntegrationTest;
import fi.tukipiiri.support.SeriesPlans;
import fi.tukipiiri.support.SharedTestClock;
import fi.tukipiiri.support.StompTestClient;

/**
 * House rules of a series' or a room's own, in place of its template's, on a node that
 * requires the rules to be accepted: coordinators and the group's facilitators set them,
 * every session room of the series (or the room) shows them, and an acceptance holds for
 * the rules as they were, so each change asks the members again; an open chat outside any
 * series gets rules of its own; refusals have their codes; acceptances given before rules
 * were versioned keep holding (changeset 042).
 */
@IntegrationTest
@Import(SharedTestClock.Config.class)
@TestPropertySource(properties = { "tukipiiri.series.house-rules-required=true", "tukipiiri.series.lifecycle-tick=1h" })
class HouseRulesOverrideIT {

	private static final SharedTestClock CLOCK = SharedTestClock.INSTANCE;

	private static final ZoneId HELSINKI = ZoneId.of("Europe/Helsinki");

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
	void aSeriesOwnRulesReplaceItsTemplatesInItsSessionRoomsAndEachChangeAsksAgain() {
		Session facilitator = api.staffMember("Ohjaaja Saara", "FACILITATOR");
		Session otherFacilitator = api.staffMember("Ohjaaja Toivo", "FACILITATOR");
		Session coordinator = api.staffMember("Koordinaattori Kaarina", "COORDINATOR");
		Session parent = api.registerParent("Vanhempi Säännöllinen");
		Map<String, Object> plan = SeriesPlans.closedGroup(
				"Sääntöryhmä " + UUID.randomUUID().toString().substring(0, 6), LocalDate.now(HELSINKI).plusWeeks(2), 8,
				0, facilitator.id());
		Response planned = api.post("/api/series", plan, coordinator.accessToken());
		assertThat(planned.status()).as(planned.body().toString()).isEqualTo(201);
		String seriesId = planned.text("id");
		assertThat(api.post("/api/series/" + seriesId + "/enrolment", Map.of(), parent.accessToken()).text("status"))
			.isEqualTo("ENROLLED");
		String rules = "/api/series/" + seriesId + "/house-rules";

		JsonNode before = api.get(rules, coordinator.accessToken()).body();
		assertThat(before.path("owner").asString()).isEqualTo("SERIES");
		assertThat(before.path("own").isNull()).isTrue();
		assertThat(before.path("template").path("fi").asString()).contains("Luottamuksellisuus");
		assertThat(before.path("templateId").asString()).isEqualTo(SeriesPlans.CLOSED_GROUP_TEMPLATE);
		String templateVersion = before.path("version").asString();
		assertThat(templateVersion).as("the same digest as changeset 042 computes in SQL")
			.isEqualTo(sqlVersionOfTemplate(SeriesPlans.CLOSED_GROUP_TEMPLATE));

		// tokens are taken after the clock moved, so they are valid at its time
		UUID room = series.open(Planned.of(planned.body()), 0);
		parent = again(parent);
		coordinator = again(coordinator);
		facilitator = again(facilitator);
		otherFacilitator = again(otherFacilitator);
		JsonNode guide = guide(room, parent);
		assertThat(guide.path("rulesSource").asString()).isEqualTo("TEMPLATE");
		assertThat(guide.path("rulesVersion").asString()).isEqualTo(templateVersion);
		assertThat(guide.path("acceptance").asString()).isEqualTo("SERIES");
		assertThat(guide.path("rulesChanged").asBoolean()).as("never accepted: not a change").isFalse();
		accept(room, parent);
		assertThat(sendRefusal(room, parent)).isNull();

		Response saved;
		try (StompTestClient live = StompTestClient.connect(api.baseUrl(), parent.accessToken())) {
			BlockingQueue<JsonNode> moderation = live.subscribe("/topic/rooms/" + room + "/moderation");
			saved = api.put(rules,
					Map.of("houseRules", Map.of("fi", "  Oma sääntö:\nkunnioita muita. ", "en", "Own rule", "sv", "")),
					coordinator.accessToken());
			JsonNode heard = StompTestClient.next(moderation, "the series' rules changed, in its session room");
			assertThat(heard.path("type").asString()).isEqualTo("rules-changed");
			assertThat(heard.path("roomId").asString()).isEqualTo(room.toString());
		}
		assertThat(saved.status()).as(saved.body().toString()).isEqualTo(200);
		assertThat(saved.body().path("own").path("fi").asString()).as("folded by the text policy")
			.isEqualTo("Oma sääntö:\nkunnioita muita.");
		assertThat(saved.body().path("own").path("en").asString()).isEqualTo("Own rule");
		assertThat(saved.body().path("own").has("sv")).as("an empty language is left out").isFalse();
		assertThat(saved.text("updatedByName")).isEqualTo(api.displayName(coordinator));
		String ownVersion = saved.text("version");
		assertThat(ownVersion).isNotEqualTo(templateVersion);

		guide = guide(room, parent);
		assertThat(guide.path("rulesSource").asString()).isEqualTo("SERIES");
		assertThat(guide.path("houseRules").path("fi").asString()).isEqualTo("Oma sääntö:\nkunnioita muita.");
		assertThat(guide.path("houseRules").has("sv")).isFalse();
		assertThat(guide.path("rulesVersion").asString()).isEqualTo(ownVersion);
		assertThat(guide.path("accepted").asBoolean()).as("the rules changed: asked again").isFalse();
		assertThat(guide.path("rulesChanged").asBoolean()).isTrue();
		assertThat(sendRefusal(room, parent)).isEqualTo("rooms.rules_not_accepted");
		accept(room, parent);
		assertThat(guide(room, parent).path("rulesChanged").asBoolean()).isFalse();
		assertThat(sendRefusal(room, parent)).isNull();

		Response same = api.put(rules,
				Map.of("houseRules", Map.of("fi", "Oma sääntö:\nkunnioita muita.", "en", "Own rule")),
				facilitator.accessToken());
		assertThat(same.status()).as("the series' facilitator may too").isEqualTo(200);
		assertThat(same.text("version")).isEqualTo(ownVersion);
		assertThat(guide(room, parent).path("accepted").asBoolean()).as("the same rules: not asked again").isTrue();

		Response changed = api.put(rules, Map.of("houseRules", Map.of("fi", "Uusi sääntö")), facilitator.accessToken());
		assertThat(changed.status()).isEqualTo(200);
		assertThat(guide(room, parent).path("accepted").asBoolean()).isFalse();
		accept(room, parent);

		for (Session refused : List.of(parent, otherFacilitator)) {
			assertRefused(api.get(rules, refused.accessToken()), 403, "series.house_rules_forbidden");
			assertRefused(api.put(rules, Map.of("houseRules", Map.of("fi", "Ei")), refused.accessToken()), 403,
					"series.house_rules_forbidden");
			assertRefused(api.delete(rules, refused.accessToken()), 403, "series.house_rules_forbidden");
		}
		assertRefused(api.get("/api/series/" + UUID.randomUUID() + "/house-rules", coordinator.accessToken()), 404,
				"series.not_found");
		assertInvalid(api.put(rules, Map.of(), coordinator.accessToken()), "houseRules", "not_null");
		assertInvalid(api.put(rules, Map.of("houseRules", Map.of("en", "Only English")), coordinator.accessToken()),
				"houseRules.fi", "not_null");
		assertInvalid(api.put(rules, Map.of("houseRules", Map.of("fi", " \u200B ")), coordinator.accessToken()),
				"houseRules.fi", "not_blank");
		assertInvalid(api.put(rules, Map.of("houseRules", Map.of("fi", "x".repeat(2001))), coordinator.accessToken()),
				"houseRules.fi", "size");
		assertInvalid(
				api.put(rules, Map.of("houseRules", Map.of("fi", "Hyvä", "de", "Regeln")), coordinator.accessToken()),
				"houseRules.de", "invalid_value");
		assertInvalid(api.put(rules, Map.of("houseRules", Map.of("fi", "kello\u0007")), coordinator.accessToken()),
				"houseRules.fi", "control_character");
		assertThat(guide(room, parent).path("houseRules").path("fi").asString()).as("nothing refused was saved")
			.isEqualTo("Uusi sääntö");

		Response roomRules = api.put("/api/rooms/" + room + "/house-rules", Map.of("houseRules", Map.of("fi", "Ei")),
				coordinator.accessToken());
		assertRefused(roomRules, 409, "series.house_rules_of_series");
		assertThat(roomRules.text("seriesId")).isEqualTo(seriesId);

		Response reset = api.delete(rules, coordinator.accessToken());
		assertThat(reset.status()).isEqualTo(200);
		assertThat(reset.body().path("own").isNull()).isTrue();
		assertThat(reset.text("version")).isEqualTo(templateVersion);
		guide = guide(room, parent);
		assertThat(guide.path("rulesSource").asString()).isEqualTo("TEMPLATE");
		assertThat(guide.path("accepted").asBoolean()).as("back to the template's: asked again").isFalse();

		String coordinatorId = coordinator.id().toString();
		Session admin = api.login("root-admin", "test-admin-password");
		await().atMost(10, TimeUnit.SECONDS).until(() -> {
			JsonNode lines = api
				.get("/api/moderation/audit?action=HOUSE_RULES_CHANGED&actorId=" + coordinatorId, admin.accessToken())
				.body();
			return lines.size() == 1
					&& lines.get(0).path("details").path("seriesId").asString().equals(seriesId.toString());
		});
		await().atMost(10, TimeUnit.SECONDS)
			.until(() -> api
				.get("/api/moderation/audit?action=HOUSE_RULES_RESET&actorId=" + coordinatorId, admin.accessToken())
				.body()
				.size() == 1);
		// audit lines are written after the commit, asynchronously: one comes, and no
		// second
		UUID facilitatorId = facilitator.id();
		await("saving the same rules again is no change").during(Duration.ofMillis(500))
			.atMost(10, TimeUnit.SECONDS)
			.until(() -> api
				.get("/api/moderation/audit?action=HOUSE_RULES_CHANGED&actorId=" + facilitatorId, admin.accessToken())
				.body()
				.size() == 1);
	}

	@Test
	void anOpenChatOutsideAnySeriesHasRulesOfItsOwn() {
		Session facilitator = api.staffMember("Ohjaaja Ville", "FACILITATOR");
		Session coordinator = api.staffMember("Koordinaattori Kirsi", "COORDINATOR");
		Session parent = api.registerParent("Vanhempi Avoin");
		Session outsider = api.registerParent("Vanhempi Ulkona");
		UUID room = api.createRoom("Oma ilta " + UUID.randomUUID().toString().substring(0, 6), "OPEN");
		UUID other = api.createRoom("Toinen ilta " + UUID.randomUUID().toString().substring(0, 6), "OPEN");
		for (UUID chat : List.of(room, other)) {
			assertThat(api.post("/api/rooms/" + chat + "/join", Map.of(), parent.accessToken()).status())
				.isEqualTo(200);
		}
		assertThat(api.addMember(room, facilitator.id(), "FACILITATOR").status()).isEqualTo(200);
		assertThat(guide(room, parent).path("rulesSource").asString()).isEqualTo("TEMPLATE");
		accept(room, parent);
		assertThat(guide(other, parent).path("accepted").asBoolean()).as("the same template's rules today").isTrue();

		String rules = "/api/rooms/" + room + "/house-rules";
		Response byFacilitator;
		try (StompTestClient live = StompTestClient.connect(api.baseUrl(), parent.accessToken())) {
			BlockingQueue<JsonNode> moderation = live.subscribe("/topic/rooms/" + room + "/moderation");
			BlockingQueue<JsonNode> elsewhere = live.subscribe("/topic/rooms/" + other + "/moderation");
			byFacilitator = api.put(rules,
					Map.of("houseRules",
							Map.of("fi", "Tämän illan säännöt", "sv", "Kvällens regler", "en", "Tonight's rules")),
					facilitator.accessToken());
			assertThat(StompTestClient.next(moderation, "the room's rules changed").path("type").asString())
				.isEqualTo("rules-changed");
			StompTestClient.nothing(elsewhere, 300);
		}
		assertThat(byFacilitator.status()).as("the room's facilitator").isEqualTo(200);
		assertThat(byFacilitator.text("owner")).isEqualTo("ROOM");
		assertThat(byFacilitator.body().path("template").path("fi").asString()).contains("Luottamuksellisuus");

		JsonNode guide = guide(room, parent);
		assertThat(guide.path("rulesSource").asString()).isEqualTo("ROOM");
		assertThat(guide.path("houseRules").path("sv").asString()).isEqualTo("Kvällens regler");
		assertThat(guide.path("acceptance").asString()).isEqualTo("DAY");
		assertThat(guide.path("accepted").asBoolean()).isFalse();
		assertThat(guide.path("rulesChanged").asBoolean()).as("the template's were accepted today: a change").isTrue();
		Session newcomer = api.registerParent("Vanhempi Uusi");
		assertThat(api.post("/api/rooms/" + room + "/join", Map.of(), newcomer.accessToken()).status()).isEqualTo(200);
		assertThat(guide(room, newcomer).path("rulesChanged").asBoolean()).as("never accepted: not a change").isFalse();
		assertThat(sendRefusal(room, parent)).isEqualTo("rooms.rules_not_accepted");
		accept(room, parent);
		assertThat(sendRefusal(room, parent)).isNull();
		assertThat(guide(other, parent).path("accepted").asBoolean()).as("the other chat keeps the template's")
			.isTrue();
		assertThat(sendRefusal(other, parent)).isNull();

		assertThat(
				api.put(rules, Map.of("houseRules", Map.of("fi", "Koordinaattorin säännöt")), coordinator.accessToken())
					.status())
			.isEqualTo(200);
		assertThat(guide(room, parent).path("accepted").asBoolean()).isFalse();

		assertRefused(api.get(rules, parent.accessToken()), 403, "series.house_rules_forbidden");
		assertRefused(api.put(rules, Map.of("houseRules", Map.of("fi", "Ei")), outsider.accessToken()), 403,
				"series.house_rules_forbidden");
		assertRefused(api.get("/api/rooms/" + UUID.randomUUID() + "/house-rules", parent.accessToken()), 403,
				"series.house_rules_forbidden");
		assertRefused(api.get("/api/rooms/" + UUID.randomUUID() + "/house-rules", coordinator.accessToken()), 404,
				"rooms.not_found");
		Response talk = api.post("/api/moderation/rooms/" + room + "/private-talks",
				Map.of("accountId", parent.id().toString()), facilitator.accessToken());
		assertThat(talk.status()).as(talk.body().toString()).isEqualTo(201);
		assertRefused(api.put("/api/rooms/" + talk.text("id") + "/house-rules", Map.of("houseRules", Map.of("fi", "x")),
				coordinator.accessToken()), 409, "series.no_house_rules");

		accept(room, parent);
		JsonNode accepted = api.get("/api/me/export", parent.accessToken())
			.body()
			.path("series")
			.path("houseRulesAccepted");
		String version = guide(room, parent).path("rulesVersion").asString();
		assertThat(accepted.toString()).contains("day:room-" + room).contains(version);

		assertThat(api.delete(rules, facilitator.accessToken()).status()).isEqualTo(200);
		guide = guide(room, parent);
		assertThat(guide.path("rulesSource").asString()).isEqualTo("TEMPLATE");
		assertThat(guide.path("accepted").asBoolean()).as("the template's, accepted today already").isTrue();
	}

	@Test
	void acceptancesGivenBeforeRulesWereVersionedKeepHolding() throws IOException {
		Session parent = api.registerParent("Vanhempi Vanha");
		UUID room = api.createRoom("Vanha ryhmä " + UUID.randomUUID().toString().substring(0, 6), "CLOSED");
		assertThat(api.addMember(room, parent.id(), "PARTICIPANT").status()).isEqualTo(200);
		UUID series = UUID.fromString(
				api.post("/api/series", SeriesPlans.closedGroup("Vanha sarja", LocalDate.now(HELSINKI).plusWeeks(2), 8,
						0, api.staffMember("Ohjaaja Vanha", "FACILITATOR").id()), adminToken())
					.text("id"));
		UUID otherTemplateDay = UUID.fromString(SeriesPlans.OPEN_CHATS_TEMPLATE);
		String today = LocalDate.now(HELSINKI).toString();
		for (String scope : List.of("room:" + room, "series:" + series, "day:" + otherTemplateDay + ":" + today)) {
			jdbc.sql("insert into house_rules_acceptances (account_id, scope, accepted_at) values (:a, :s, now())")
				.param("a", parent.id())
				.param("s", scope)
				.update();
		}
		assertThat(guide(room, parent).path("accepted").asBoolean()).as("without a version, before the changeset")
			.isFalse();

		jdbc.sql(backfill()).update();

		Map<String, String> versions = new HashMap<>();
		jdbc.sql("select scope, rules_version from house_rules_acceptances where account_id = :a")
			.param("a", parent.id())
			.query((rs, n) -> versions.put(rs.getString("scope"), rs.getString("rules_version")))
			.list();
		assertThat(versions.get("room:" + room)).isEqualTo(sqlVersionOfTemplate(SeriesPlans.CLOSED_GROUP_TEMPLATE));
		assertThat(versions.get("series:" + series)).isEqualTo(sqlVersionOfTemplate(SeriesPlans.CLOSED_GROUP_TEMPLATE));
		assertThat(versions.get("day:" + otherTemplateDay + ":" + today))
			.isEqualTo(sqlVersionOfTemplate(SeriesPlans.OPEN_CHATS_TEMPLATE));
		JsonNode guide = guide(room, parent);
		assertThat(guide.path("accepted").asBoolean()).as("carried over for the rules then in force").isTrue();
		assertThat(guide.path("rulesVersion").asString()).isEqualTo(versions.get("room:" + room));
		assertThat(sendRefusal(room, parent)).isNull();
	}

	/** The backfill statement of changeset 042, as Liquibase ran it. */
	private static String backfill() throws IOException {
		try (InputStream in = HouseRulesOverrideIT.class
			.getResourceAsStream("/db/changelog/changes/042-house-rules-overrides.sql")) {
			String changelog = new String(in.readAllBytes(), StandardCharsets.UTF_8);
			String statement = changelog
				.substring(changelog.indexOf("--changeset tukipiiri:042-house-rules-acceptance-versions"));
			return statement.lines().filter(line -> !line.startsWith("--")).reduce("", (a, b) -> a + "\n" + b);
		}
	}

	/**
	 * The version of a template's house rules, computed by PostgreSQL as changeset 042
	 * does.
	 */
	private String sqlVersionOfTemplate(String templateId) {
		return jdbc
			.sql("""
					select encode(sha256(convert_to(string_agg(language || '=' || body, chr(30) order by language collate "C"),
					       'UTF8')), 'hex')
					from template_texts where kind = 'HOUSE_RULES' and template_id = :id
					""")
			.param("id", UUID.fromString(templateId))
			.query(String.class)
			.single();
	}

	/** The same person signed in again, with a token valid at the clock's time. */
	private Session again(Session person) {
		String username = jdbc.sql("select username from accounts where id = :id")
			.param("id", person.id())
			.query(String.class)
			.single();
		return api.login(username, "correct horse battery");
	}

	private String adminToken() {
		return api.login("root-admin", "test-admin-password").accessToken();
	}

	private JsonNode guide(UUID room, Session person) {
		Response guide = api.get("/api/rooms/" + room + "/guide", person.accessToken());
		assertThat(guide.status()).as(guide.body().toString()).isEqualTo(200);
		return guide.body();
	}

	private void accept(UUID room, Session person) {
		Response accepted = api.post("/api/rooms/" + room + "/house-rules/acceptance", Map.of(), person.accessToken());
		assertThat(accepted.status()).isEqualTo(200);
		assertThat(accepted.body().path("accepted").asBoolean()).isTrue();
	}

	private static void assertRefused(Response answer, int status, String code) {
		assertThat(answer.status()).as(answer.body().toString()).isEqualTo(status);
		assertThat(answer.code()).isEqualTo(code);
	}

	private static void assertInvalid(Response answer, String field, String code) {
		assertRefused(answer, 400, "validation.failed");
		assertThat(answer.body().path("errors").get(0).path("field").asString()).isEqualTo(field);
		assertThat(answer.body().path("errors").get(0).path("code").asString()).isEqualTo(code);
	}

	/** The code a message is refused with, or null when it is acknowledged. */
	private String sendRefusal(UUID room, Session author) {
		try (StompTestClient client = StompTestClient.connect(api.baseUrl(), author.accessToken())) {
			BlockingQueue<JsonNode> acks = client.subscribe("/user/queue/acks");
			BlockingQueue<JsonNode> errors = client.subscribe("/user/queue/errors");
			client.sendMessage(room, "c" + UUID.randomUUID().toString().substring(0, 8), "Hei kaikki");
			long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
			while (System.nanoTime() < deadline) {
				JsonNode answer = acks.poll();
				if (answer == null) {
					answer = errors.poll();
				}
				if (answer != null) {
					return answer.has("code") ? answer.path("code").asString() : null;
				}
				LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
			}
			throw new AssertionError("Neither an ack nor a refusal arrived");
		}
	}

}
