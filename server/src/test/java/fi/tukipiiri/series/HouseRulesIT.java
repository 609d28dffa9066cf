package fi.tukipiiri.series;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import fi.tukipiiri.support.ApiClient;
import fi.tukipiiri.support.ApiClient.Response;
import fi.tukipiiri.support.ApiClient.Session;
import fi.tukipiiri.support.IntegrationTest;
import fi.tukipiiri.support.SeriesPlans;
import fi.tukipiiri.support.StompTestClient;

/**
 * House rules before the first message, and the facilitators' ready-made messages, on a
 * node that requires the rules to be accepted, against the real PostgreSQL and Redis.
 */
@IntegrationTest
@TestPropertySource(properties = "tukipiiri.series.house-rules-required=true")
class HouseRulesIT {

	@Autowired
	ApiClient api;

	@Autowired
	JdbcClient jdbc;

	Session parent;

	Session facilitator;

	Session coordinator;

	@BeforeEach
	void people() {
		parent = api.registerParent("Sanna");
		facilitator = api.staffMember("Ohjaaja Sami", "FACILITATOR");
		coordinator = api.staffMember("Koordinaattori Kaisa", "COORDINATOR");
	}

	@Test
	void aParentAcceptsTheOpenChatRulesOnceADayBeforeTheirFirstMessage() {
		UUID room = api.createRoom("Ilta " + UUID.randomUUID().toString().substring(0, 6), "OPEN");
		join(room, parent);
		assertThat(api.addMember(room, facilitator.id(), "FACILITATOR").status()).isEqualTo(200);

		JsonNode guide = api.get(guide(room), parent.accessToken()).body();
		assertThat(guide.path("acceptance").asString()).isEqualTo("DAY");
		assertThat(guide.path("accepted").asBoolean()).isFalse();
		assertThat(guide.path("houseRules").path("fi").asString()).contains("Luottamuksellisuus");
		assertThat(guide.path("houseRules").path("sv").asString()).contains("Förtroende");
		assertThat(guide.path("houseRules").path("en").asString()).contains("Confidentiality");
		assertThat(guide.path("messages").size()).as("ready-made messages are the staff's").isZero();

		assertThat(sendRefusal(room, parent)).isEqualTo("rooms.rules_not_accepted");
		assertThat(sendRefusal(room, facilitator)).as("staff are not asked").isNull();

		JsonNode accepted = api.post("/api/rooms/" + room + "/house-rules/acceptance", Map.of(), parent.accessToken())
			.body();
		assertThat(accepted.path("accepted").asBoolean()).isTrue();
		assertThat(sendRefusal(room, parent)).isNull();

		// Another open chat the same day: already accepted. Tomorrow's acceptance is a
		// new one.
		UUID other = api.createRoom("Toinen " + UUID.randomUUID().toString().substring(0, 6), "OPEN");
		join(other, parent);
		assertThat(api.get(guide(other), parent.accessToken()).body().path("accepted").asBoolean()).isTrue();
		jdbc.sql(
				"update house_rules_acceptances set scope = replace(scope, :today, '2000-01-01') where account_id = :id")
			.param("today", java.time.LocalDate.now(java.time.ZoneId.of("Europe/Helsinki")).toString())
			.param("id", parent.id())
			.update();
		assertThat(api.get(guide(other), parent.accessToken()).body().path("accepted").asBoolean()).isFalse();
		assertThat(sendRefusal(other, parent)).isEqualTo("rooms.rules_not_accepted");
	}

	@Test
	void aClosedGroupsRulesHoldForThatGroupAndOnlyMembersSeeThem() {
		UUID room = api.createRoom("Suljettu " + UUID.randomUUID().toString().substring(0, 6), "CLOSED");
		assertThat(api.addMember(room, parent.id(), "PARTICIPANT").status()).isEqualTo(200);
		assertThat(api.addMember(room, facilitator.id(), "FACILITATOR").status()).isEqualTo(200);
		JsonNode guide = api.get(guide(room), parent.accessToken()).body();
		assertThat(guide.path("acceptance").asString()).isEqualTo("ROOM");
		assertThat(guide.path("templateId").asString()).isEqualTo(SeriesPlans.CLOSED_GROUP_TEMPLATE);

		Session outsider = api.registerParent("Ulla");
		Response refused = api.get(guide(room), outsider.accessToken());
		assertThat(refused.status()).isEqualTo(403);
		assertThat(refused.code()).isEqualTo("rooms.not_member");
		assertThat(api.post("/api/rooms/" + room + "/house-rules/acceptance", Map.of(), outsider.accessToken()).code())
			.isEqualTo("rooms.not_member");

		JsonNode staffGuide = api.get(guide(room), facilitator.accessToken()).body();
		assertThat(staffGuide.path("acceptance").asString()).isEqualTo("NONE");
		assertThat(staffGuide.path("accepted").asBoolean()).isTrue();
		List<String> kinds = staffGuide.path("messages").valueStream().map(m -> m.path("kind").asString()).toList();
		assertThat(kinds).containsExactly("WELCOME", "CHECK_IN", "BREAK", "CLOSING", "CRISIS");
		assertThat(staffGuide.path("messages").get(0).path("text").path("sv").asString()).startsWith("Välkommen");
	}

	@Test
	void coordinatorsEditATemplatesTextsInEachLanguageUnderTheTextPolicy() {
		String texts = "/api/series/templates/" + SeriesPlans.OPEN_CHATS_TEMPLATE + "/texts";
		assertThat(api.get(texts, parent.accessToken()).status()).isEqualTo(403);
		assertThat(api.put(texts, Map.of("texts", Map.of("WELCOME", Map.of("fi", "Hei"))), facilitator.accessToken())
			.status()).isEqualTo(403);
		String original = api.get(texts, coordinator.accessToken())
			.body()
			.path("texts")
			.path("BREAK")
			.path("en")
			.asString();
		try {
			Response edited = api.put(texts, Map.of("texts", Map.of("BREAK", Map.of("en", "  A short break now.  "))),
					coordinator.accessToken());
			assertThat(edited.status()).isEqualTo(200);
			assertThat(edited.body().path("texts").path("BREAK").path("en").asString()).isEqualTo("A short break now.");
			assertThat(edited.body().path("texts").path("BREAK").path("fi").asString()).as("other languages stay")
				.startsWith("Pidetään");

			Response bad = api.put(texts, Map.of("texts", Map.of("HOUSE_RULES", Map.of("fi", " ", "de", "Regeln"),
					"CLOSING", Map.of("en", "x".repeat(2001)))), coordinator.accessToken());
			assertThat(bad.status()).isEqualTo(400);
			assertThat(bad.code()).isEqualTo("validation.failed");
			assertThat(bad.body().path("errors").toString()).contains("texts.HOUSE_RULES.fi")
				.contains("texts.HOUSE_RULES.de")
				.contains("texts.CLOSING.en");
			assertThat(
					api.put(texts, Map.of("texts", Map.of("NOT_A_KIND", Map.of("fi", "x"))), coordinator.accessToken())
						.code())
				.isEqualTo("validation.failed");
			// A kind without its languages is named; a null text is "not given" and keeps
			// the Finnish house rules.
			Response noLanguages = api.putRaw(texts, "{\"texts\":{\"WELCOME\":null}}", coordinator.accessToken());
			assertThat(noLanguages.status()).isEqualTo(400);
			assertThat(noLanguages.body().path("errors").toString()).contains("texts.WELCOME");
			assertThat(api.putRaw(texts, "{\"texts\":{\"HOUSE_RULES\":{\"fi\":null}}}", coordinator.accessToken())
				.body()
				.path("texts")
				.path("HOUSE_RULES")
				.path("fi")
				.asString()).contains("Luottamuksellisuus");
			assertThat(
					api.get("/api/series/templates/" + UUID.randomUUID() + "/texts", coordinator.accessToken()).code())
				.isEqualTo("series.template_not_found");
		}
		finally {
			api.put(texts, Map.of("texts", Map.of("BREAK", Map.of("en", original))), coordinator.accessToken());
		}
	}

	private static String guide(UUID room) {
		return "/api/rooms/" + room + "/guide";
	}

	private void join(UUID room, Session person) {
		assertThat(api.post("/api/rooms/" + room + "/join", Map.of(), person.accessToken()).status()).isEqualTo(200);
	}

	/** Whichever arrives first on either queue, within 10 s. */
	private static JsonNode firstOf(BlockingQueue<JsonNode> acks, BlockingQueue<JsonNode> errors) {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
		while (System.nanoTime() < deadline) {
			JsonNode answer = acks.poll();
			if (answer == null) {
				answer = errors.poll();
			}
			if (answer != null) {
				return answer;
			}
			LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
		}
		throw new AssertionError("Neither an ack nor a refusal arrived");
	}

	/** The code a message is refused with, or null when it is acknowledged. */
	private String sendRefusal(UUID room, Session author) {
		try (StompTestClient client = StompTestClient.connect(api.baseUrl(), author.accessToken())) {
			BlockingQueue<JsonNode> acks = client.subscribe("/user/queue/acks");
			BlockingQueue<JsonNode> errors = client.subscribe("/user/queue/errors");
			client.sendMessage(room, "c" + UUID.randomUUID().toString().substring(0, 8), "Hei kaikki");
			JsonNode answer = firstOf(acks, errors);
			return answer.has("code") ? answer.path("code").asString() : null;
		}
	}

}
