package fi.tukipiiri.webclient;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Session material and the workbook in the browser ({@code workbook.e2e.mjs}). A closed
 * group's first meeting is made live on the test's clock with two enrolled parents; on a
 * phone one of them reads the material, writes and saves an answer, finds it in the
 * workbook after a reload and shares it, and both see the message; on a laptop a
 * coordinator edits a session's exercise. The clock stays five minutes into the meeting
 * while the browsers run, so their tokens stay valid. The group's house rules are asked
 * for, as in production.
 */
@IntegrationTest
@Import(SharedTestClock.Config.class)
@TestPropertySource(properties = { "tukipiiri.series.lifecycle-tick=1h", "tukipiiri.series.house-rules-required=true" })
class WorkbookBrowserIT {

	private static final SharedTestClock CLOCK = SharedTestClock.INSTANCE;

	private static final String PASSWORD = "correct horse battery";

	@Autowired
	ApiClient api;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationContext node;

	@BeforeEach
	@AfterEach
	void resetClock() {
		CLOCK.reset();
	}

	@Test
	void aParentAnswersInTheLiveRoomFindsItInTheWorkbookAndSharesIt() throws Exception {
		String tag = UUID.randomUUID().toString().replace("-", "").substring(0, 6);
		Session admin = api.login("root-admin", "test-admin-password");
		Session facilitator = api.staffMember("Ohjaaja Outi", "FACILITATOR");
		Session coordinator = api.staffMember("Koordinaattori Kaisa", "COORDINATOR");
		Session parent = api.registerParent("Vanhempi Pia " + tag);
		Session other = api.registerParent("Vanhempi Ulla " + tag);
		String title = "Työkirjaryhmä " + tag;
		var plan = SeriesPlans.closedGroup(title, LocalDate.now(Recurrence.HELSINKI).plusWeeks(2), 8, 1,
				facilitator.id());
		UUID seriesId = UUID.fromString(api.post("/api/series", plan, admin.accessToken()).text("id"));
		for (Session enrolled : new Session[] { parent, other }) {
			assertThat(
					api.post("/api/series/" + seriesId + "/enrolment", Map.of(), enrolled.accessToken()).text("status"))
				.isEqualTo("ENROLLED");
		}
		// Read now: these tokens expire once the clock moves two weeks ahead.
		String parentUsername = username(parent);
		String otherUsername = username(other);
		String coordinatorUsername = username(coordinator);

		Instant startsAt = jdbc.sql("select starts_at from series_sessions where series_id = :id and position = 1")
			.param("id", seriesId)
			.query(java.sql.Timestamp.class)
			.single()
			.toInstant();
		CLOCK.set(startsAt.minus(Duration.ofMinutes(10)));
		LifecycleTicks.tick(node);
		CLOCK.set(startsAt.plus(Duration.ofMinutes(5)));
		LifecycleTicks.tick(node);
		Map<String, Object> session = jdbc
			.sql("select state, room_id from series_sessions where series_id = :id and position = 1")
			.param("id", seriesId)
			.query((rs, n) -> Map.<String, Object>of("state", rs.getString("state"), "room",
					rs.getObject("room_id", UUID.class)))
			.single();
		assertThat(session.get("state")).isEqualTo("LIVE");
		UUID room = (UUID) session.get("room");

		BrowserScenarios.run("workbook.e2e.mjs", api.baseUrl(),
				Map.ofEntries(Map.entry("TUKIPIIRI_E2E_PASSWORD", PASSWORD),
						Map.entry("TUKIPIIRI_E2E_PARENT_USERNAME", parentUsername),
						Map.entry("TUKIPIIRI_E2E_OTHER_USERNAME", otherUsername),
						Map.entry("TUKIPIIRI_E2E_COORDINATOR_USERNAME", coordinatorUsername),
						Map.entry("TUKIPIIRI_E2E_ROOM_ID", room.toString()),
						Map.entry("TUKIPIIRI_E2E_SERIES_TITLE", title),
						Map.entry("TUKIPIIRI_E2E_TEMPLATE_ID", SeriesPlans.CLOSED_GROUP_TEMPLATE),
						Map.entry("TUKIPIIRI_E2E_TAG", tag)));

		assertThat(jdbc.sql("""
				select count(*) from workbook_answers
				where account_id = :a and series_id = :s and position = 1 and shared_at is not null
				""").param("a", parent.id()).param("s", seriesId).query(Long.class).single())
			.as("the parent's answer is in their workbook, marked shared")
			.isEqualTo(1);
		assertThat(jdbc.sql("select count(*) from messages where room_id = :r and author_id = :a and body like :b")
			.param("r", room)
			.param("a", parent.id())
			.param("b", "%(" + tag + ")%")
			.query(Long.class)
			.single()).as("shared once, as the parent's own message").isEqualTo(1);
		assertThat(jdbc.sql("""
				select body from template_materials
				where template_id = :t and position = 3 and kind = 'EXERCISE' and language = 'en'
				""").param("t", UUID.fromString(SeriesPlans.CLOSED_GROUP_TEMPLATE)).query(String.class).single())
			.as("the coordinator put the exercise back")
			.doesNotContain(tag);
	}

	private String username(Session person) {
		return api.get("/api/me", person.accessToken()).text("username");
	}

}
