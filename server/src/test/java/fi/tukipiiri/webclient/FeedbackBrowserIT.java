package fi.tukipiiri.webclient;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import fi.tukipiiri.series.LifecycleTicks;
import fi.tukipiiri.series.Recurrence;
import fi.tukipiiri.support.ApiClient;
import fi.tukipiiri.support.ApiClient.Session;
import fi.tukipiiri.support.IntegrationTest;
import fi.tukipiiri.support.SeriesPlans;
import fi.tukipiiri.support.SharedTestClock;
import fi.tukipiiri.support.StompTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Feedback in the browser. A closed group's first meeting is held on the test's clock:
 * five enrolled parents are in its room while it runs (the fifth also writes a message
 * there), then it ends, and four of them answer the feedback form and the self-assessment
 * over REST. In real Chromium the coordinator then sees the meeting's feedback withheld
 * (four answers, five needed); the fifth parent follows the notification to the feedback
 * page and answers the form and the self-assessment; the coordinator refreshes the report
 * and sees the average, the distribution, the one signed answer, the self-assessment's
 * average and the CSV. The fifth parent downloads their data and deletes their account,
 * and the facilitator finds that parent's message in the room as a removed message by a
 * deleted user.
 *
 * The clock stays a quarter of an hour after the meeting while the browsers run, so their
 * tokens stay valid.
 */
@IntegrationTest
@Import(SharedTestClock.Config.class)
@TestPropertySource(properties = "tukipiiri.series.lifecycle-tick=1h")
class FeedbackBrowserIT {

	private static final SharedTestClock CLOCK = SharedTestClock.INSTANCE;

	private static final String PASSWORD = "correct horse battery";

	@Autowired
	ApiClient api;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationContext node;

	@BeforeEach
	void now() {
		CLOCK.reset();
	}

	@AfterEach
	void resetClock() {
		CLOCK.reset();
	}

	record Parent(String username, UUID id, String name) {
	}

	@Test
	void aParentAnswersAfterTheMeetingAndTheCoordinatorSeesTheReportOnceFiveHaveAnswered() throws Exception {
		String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 6);
		Session admin = api.login("root-admin", "test-admin-password");
		Session facilitator = api.staffMember("Ohjaaja Outi", "FACILITATOR");
		Session coordinator = api.staffMember("Koordinaattori Kaisa", "COORDINATOR");
		// Read now: these tokens expire once the clock moves two weeks ahead.
		String facilitatorUsername = username(facilitator);
		String coordinatorUsername = username(coordinator);
		String title = "Palauteryhmä " + suffix;
		var plan = SeriesPlans.closedGroup(title, LocalDate.now(Recurrence.HELSINKI).plusWeeks(2), 8, 1,
				facilitator.id());
		UUID seriesId = UUID.fromString(api.post("/api/series", plan, admin.accessToken()).text("id"));
		List<Parent> parents = new ArrayList<>();
		for (int i = 1; i <= 5; i++) {
			String name = "Vanhempi " + i + " " + suffix;
			Session parent = api.registerParent(name);
			assertThat(
					api.post("/api/series/" + seriesId + "/enrolment", Map.of(), parent.accessToken()).text("status"))
				.isEqualTo("ENROLLED");
			parents.add(new Parent(username(parent), parent.id(), name));
		}
		Parent fifth = parents.get(4);
		Map<String, Object> first = jdbc.sql("""
				select id, starts_at, ends_at from series_sessions where series_id = :id and position = 1
				""")
			.param("id", seriesId)
			.query((rs, n) -> Map.<String, Object>of("id", rs.getObject("id", UUID.class), "starts_at",
					rs.getTimestamp("starts_at").toInstant(), "ends_at", rs.getTimestamp("ends_at").toInstant()))
			.single();
		UUID sessionId = (UUID) first.get("id");

		UUID room = meet(first, parents, fifth, "Hei kaikki, kiva olla mukana (" + suffix + ").");
		CLOCK.set(((Instant) first.get("ends_at")).plus(Duration.ofMinutes(11)));
		LifecycleTicks.tick(node);
		await().atMost(10, TimeUnit.SECONDS)
			.until(() -> jdbc
				.sql("select count(*) from notifications where kind = 'feedback.requested' and subject_id = :s")
				.param("s", sessionId)
				.query(Long.class)
				.single() == parents.size());

		int[] ratings = { 4, 4, 5, 3 };
		Map<String, Integer> assessment = Map.of("everyday-coping", 2, "recognising-emotions", 3, "regulating-emotions",
				3, "co-parenting", 4, "wellbeing", 6);
		for (int i = 0; i < ratings.length; i++) {
			String token = login(parents.get(i).username()).accessToken();
			Map<String, Object> answer = Map.of("rating", ratings[i], "helped", "Vertaisten kokemukset " + (i + 1),
					"anonymous", i != 0);
			assertThat(api.put("/api/feedback/sessions/" + sessionId, answer, token).status()).isEqualTo(200);
			assertThat(api
				.put("/api/feedback/sessions/" + sessionId + "/self-assessment", Map.of("values", assessment), token)
				.status()).isEqualTo(204);
		}

		BrowserScenarios.run("feedback.e2e.mjs", api.baseUrl(),
				Map.ofEntries(Map.entry("TUKIPIIRI_E2E_SERIES_TITLE", title),
						Map.entry("TUKIPIIRI_E2E_COORDINATOR_USERNAME", coordinatorUsername),
						Map.entry("TUKIPIIRI_E2E_FACILITATOR_USERNAME", facilitatorUsername),
						Map.entry("TUKIPIIRI_E2E_PARENT_USERNAME", fifth.username()),
						Map.entry("TUKIPIIRI_E2E_PASSWORD", PASSWORD),
						Map.entry("TUKIPIIRI_E2E_SIGNED_NAME", parents.get(0).name()),
						Map.entry("TUKIPIIRI_E2E_ROOM_ID", room.toString())));

		assertThat(jdbc.sql("select count(*) from accounts where id = :id")
			.param("id", fifth.id())
			.query(Long.class)
			.single()).as("the fifth parent deleted their account in the browser").isZero();
		assertThat(jdbc.sql("select count(*) from session_feedback where session_id = :s")
			.param("s", sessionId)
			.query(Long.class)
			.single()).as("their answer went with the account").isEqualTo(4);
		assertThat(jdbc.sql(
				"select count(*) from messages where room_id = :r and author_id is null and removed_at is not null and body = ''")
			.param("r", room)
			.query(Long.class)
			.single()).as("their message keeps its place without text or author").isEqualTo(1);
	}

	/**
	 * Opens the lobby of the meeting, puts the parents in its room until their attendance
	 * is recorded (the writer says something there), and lets them go half an hour into
	 * the meeting. Answers the room.
	 */
	private UUID meet(Map<String, Object> session, List<Parent> parents, Parent writer, String message) {
		CLOCK.set(((Instant) session.get("starts_at")).minus(Duration.ofMinutes(10)));
		LifecycleTicks.tick(node);
		UUID sessionId = (UUID) session.get("id");
		UUID room = jdbc.sql("select room_id from series_sessions where id = :id")
			.param("id", sessionId)
			.query(UUID.class)
			.single();
		List<StompTestClient> connections = new ArrayList<>();
		try {
			for (Parent parent : parents) {
				StompTestClient connection = StompTestClient.connect(api.baseUrl(),
						login(parent.username()).accessToken());
				connection.subscribe("/topic/rooms/" + room);
				connections.add(connection);
			}
			await().atMost(10, TimeUnit.SECONDS)
				.until(() -> jdbc.sql("select count(*) from attendance where session_id = :s")
					.param("s", sessionId)
					.query(Long.class)
					.single() == parents.size());
			connections.get(parents.indexOf(writer)).sendMessage(room, UUID.randomUUID().toString(), message);
			await().atMost(10, TimeUnit.SECONDS)
				.until(() -> jdbc.sql("select count(*) from messages where room_id = :r and author_id = :a")
					.param("r", room)
					.param("a", writer.id())
					.query(Long.class)
					.single() == 1);
			CLOCK.advance(Duration.ofMinutes(30));
		}
		finally {
			connections.forEach(StompTestClient::close);
		}
		return room;
	}

	/** Signed in under the current (moved) clock, so the token is valid at that time. */
	private Session login(String username) {
		return api.login(username, PASSWORD);
	}

	private String username(Session session) {
		return api.get("/api/me", session.accessToken()).text("username");
	}

}
