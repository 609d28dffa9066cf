package fi.tukipiiri.webclient;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

import fi.tukipiiri.support.ApiClient;
import fi.tukipiiri.support.ApiClient.Session;
import fi.tukipiiri.support.IntegrationTest;
import fi.tukipiiri.support.SharedTestClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A coordinator plans a closed group in the browser, a parent enrols through the public
 * calendar and joins the first session's room when its lobby opens. Time is the test's:
 * when the scenario says the parent has enrolled (a file in a directory both share), the
 * node's clock moves to ten minutes before the first session, and the node's own
 * lifecycle tick (every second here) opens the lobby. The node is closed afterwards, so
 * its quick tick cannot race tests that move the shared clock and tick by hand.
 */
@IntegrationTest
@DirtiesContext
@Import(SharedTestClock.Config.class)
@TestPropertySource(properties = "tukipiiri.series.lifecycle-tick=1s")
class SeriesBrowserIT {

	private static final ZoneId HELSINKI = ZoneId.of("Europe/Helsinki");

	private static final SharedTestClock CLOCK = SharedTestClock.INSTANCE;

	@Autowired
	ApiClient api;

	@Autowired
	JdbcClient jdbc;

	@BeforeEach
	void now() {
		CLOCK.reset();
	}

	@AfterEach
	void resetClock() {
		CLOCK.reset();
	}

	@Test
	void aCoordinatorPlansAParentEnrolsAndJoinsWhenTheLobbyOpens() throws Exception {
		String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 6);
		Session coordinator = api.staffMember("Koordinaattori", "COORDINATOR");
		String coordinatorUsername = api.get("/api/me", coordinator.accessToken()).text("username");
		String facilitator = api.displayName(api.staffMember("Ohjaaja Oona", "FACILITATOR"));
		String title = "Tunnetaidot " + suffix;
		LocalDate firstDate = LocalDate.now(CLOCK.withZone(HELSINKI)).plusDays(1);
		Path signals = Files.createTempDirectory("tukipiiri-e2e");

		CompletableFuture<Instant> lobbyOpened = CompletableFuture.supplyAsync(() -> {
			await().atMost(4, TimeUnit.MINUTES)
				.pollInterval(Duration.ofMillis(200))
				.until(() -> Files.exists(signals.resolve("enrolled")));
			Instant start = jdbc.sql("""
					select s.starts_at from series_sessions s join series se on se.id = s.series_id
					where se.title = :title and s.position = 1
					""").param("title", title).query(java.sql.Timestamp.class).single().toInstant();
			CLOCK.set(start.minus(Duration.ofMinutes(10)));
			return start;
		});
		try {
			BrowserScenarios.run("series.e2e.mjs", api.baseUrl(),
					Map.of("TUKIPIIRI_E2E_COORDINATOR_USERNAME", coordinatorUsername,
							"TUKIPIIRI_E2E_COORDINATOR_PASSWORD", "correct horse battery", "TUKIPIIRI_E2E_FACILITATOR",
							facilitator, "TUKIPIIRI_E2E_SERIES_TITLE", title, "TUKIPIIRI_E2E_FIRST_DATE",
							firstDate.toString(), "TUKIPIIRI_E2E_SIGNAL_DIR", signals.toString()));
		}
		finally {
			lobbyOpened.cancel(true);
			Files.deleteIfExists(signals.resolve("enrolled"));
			Files.deleteIfExists(signals);
		}

		Instant start = lobbyOpened.get(1, TimeUnit.SECONDS);
		assertThat(start.atZone(HELSINKI).toLocalDate()).isEqualTo(firstDate);
		assertThat(start.atZone(HELSINKI).toLocalTime()).hasToString("18:00");
		assertThat(jdbc.sql("select state from series where title = :title")
			.param("title", title)
			.query(String.class)
			.single()).as("decided on its decision date with one parent enrolled").isEqualTo("CONFIRMED");
		assertThat(jdbc
			.sql("""
					select count(*) from room_members m join series_sessions s on s.room_id = m.room_id join series se on se.id = s.series_id
					where se.title = :title and s.position = 1
					""")
			.param("title", title)
			.query(Long.class)
			.single()).as("the facilitator and the parent").isEqualTo(2);
	}

}
