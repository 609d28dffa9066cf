package fi.tukipiiri.webclient;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import fi.tukipiiri.support.ApiClient;
import fi.tukipiiri.support.ClockedSeries;
import fi.tukipiiri.support.ClockedSeries.Person;
import fi.tukipiiri.support.ClockedSeries.Planned;
import fi.tukipiiri.support.IntegrationTest;
import fi.tukipiiri.support.SharedTestClock;

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

	@Autowired
	ApiClient api;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ClockedSeries series;

	@BeforeEach
	void now() {
		CLOCK.reset();
	}

	@AfterEach
	void resetClock() {
		CLOCK.reset();
	}

	@Test
	void aParentAnswersAfterTheMeetingAndTheCoordinatorSeesTheReportOnceFiveHaveAnswered() throws Exception {
		String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 6);
		Person facilitator = series.person(api.staffMember("Ohjaaja Outi", "FACILITATOR"));
		Person coordinator = series.person(api.staffMember("Koordinaattori Kaisa", "COORDINATOR"));
		Planned planned = series.plan("Palauteryhmä", 8, 1, List.of(facilitator), List.of());
		List<Person> parents = new ArrayList<>();
		for (int i = 1; i <= 5; i++) {
			Person parent = series.person(api.registerParent("Vanhempi " + i + " " + suffix));
			series.enrol(planned, parent);
			parents.add(parent);
		}
		Person fifth = parents.get(4);
		UUID sessionId = planned.sessionId(0);

		UUID room = meet(planned, parents, fifth, "Hei kaikki, kiva olla mukana (" + suffix + ").");
		series.end(planned, 0);
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
			String token = series.token(parents.get(i));
			Map<String, Object> answer = Map.of("rating", ratings[i], "helped", "Vertaisten kokemukset " + (i + 1),
					"anonymous", i != 0);
			assertThat(api.put("/api/feedback/sessions/" + sessionId, answer, token).status()).isEqualTo(200);
			assertThat(api
				.put("/api/feedback/sessions/" + sessionId + "/self-assessment", Map.of("values", assessment), token)
				.status()).isEqualTo(204);
		}

		BrowserScenarios.run("feedback.e2e.mjs", api.baseUrl(),
				Map.ofEntries(Map.entry("TUKIPIIRI_E2E_SERIES_TITLE", planned.title()),
						Map.entry("TUKIPIIRI_E2E_COORDINATOR_USERNAME", coordinator.username()),
						Map.entry("TUKIPIIRI_E2E_FACILITATOR_USERNAME", facilitator.username()),
						Map.entry("TUKIPIIRI_E2E_PARENT_USERNAME", fifth.username()),
						Map.entry("TUKIPIIRI_E2E_PASSWORD", ClockedSeries.PASSWORD),
						Map.entry("TUKIPIIRI_E2E_SIGNED_NAME", parents.get(0).displayName()),
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
	 * Opens the lobby of the first meeting, puts the parents in its room until their
	 * attendance is recorded (the writer says something there), and lets them go half an
	 * hour into the meeting. Answers the room.
	 */
	private UUID meet(Planned planned, List<Person> parents, Person writer, String message) {
		return series.attend(planned, 0, parents, (room, connections) -> {
			connections.get(parents.indexOf(writer)).sendMessage(room, UUID.randomUUID().toString(), message);
			await().atMost(10, TimeUnit.SECONDS)
				.until(() -> jdbc.sql("select count(*) from messages where room_id = :r and author_id = :a")
					.param("r", room)
					.param("a", writer.id())
					.query(Long.class)
					.single() == 1);
		});
	}

}
