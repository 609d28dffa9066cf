package fi.tukipiiri.webclient;

import java.time.Duration;
import java.util.List;
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
import fi.tukipiiri.support.ApiClient;
import fi.tukipiiri.support.ClockedSeries;
import fi.tukipiiri.support.ClockedSeries.Person;
import fi.tukipiiri.support.ClockedSeries.Planned;
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

	@Autowired
	ApiClient api;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationContext node;

	@Autowired
	ClockedSeries series;

	@BeforeEach
	@AfterEach
	void resetClock() {
		CLOCK.reset();
	}

	@Test
	void aParentAnswersInTheLiveRoomFindsItInTheWorkbookAndSharesIt() throws Exception {
		String tag = UUID.randomUUID().toString().replace("-", "").substring(0, 6);
		Person facilitator = series.person(api.staffMember("Ohjaaja Outi", "FACILITATOR"));
		Person coordinator = series.person(api.staffMember("Koordinaattori Kaisa", "COORDINATOR"));
		Person parent = series.person(api.registerParent("Vanhempi Pia " + tag));
		Person other = series.person(api.registerParent("Vanhempi Ulla " + tag));
		Planned planned = series.plan("Työkirjaryhmä", 8, 1, List.of(facilitator), List.of());
		UUID seriesId = planned.id();
		for (Person enrolled : List.of(parent, other)) {
			series.enrol(planned, enrolled);
		}

		UUID room = series.open(planned, 0);
		CLOCK.set(planned.startsAt(0).plus(Duration.ofMinutes(5)));
		LifecycleTicks.tick(node);
		assertThat(jdbc.sql("select state from series_sessions where id = :id")
			.param("id", planned.sessionId(0))
			.query(String.class)
			.single()).isEqualTo("LIVE");

		BrowserScenarios.run("workbook.e2e.mjs", api.baseUrl(),
				Map.ofEntries(Map.entry("TUKIPIIRI_E2E_PASSWORD", ClockedSeries.PASSWORD),
						Map.entry("TUKIPIIRI_E2E_PARENT_USERNAME", parent.username()),
						Map.entry("TUKIPIIRI_E2E_OTHER_USERNAME", other.username()),
						Map.entry("TUKIPIIRI_E2E_COORDINATOR_USERNAME", coordinator.username()),
						Map.entry("TUKIPIIRI_E2E_ROOM_ID", room.toString()),
						Map.entry("TUKIPIIRI_E2E_SERIES_TITLE", planned.title()),
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

}
