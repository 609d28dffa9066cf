package fi.tukipiiri.series;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import tools.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import fi.tukipiiri.support.ApiClient;
import fi.tukipiiri.support.ApiClient.Session;
import fi.tukipiiri.support.IntegrationTest;
import fi.tukipiiri.support.SeriesPlans;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@IntegrationTest
class ScheduleChangesIT {

	@Autowired
	ApiClient api;

	Session admin;

	Session facilitator;

	Session parent;

	String series;

	JsonNode sessions;

	@BeforeEach
	void seriesWithAParticipant() {
		admin = api.login("root-admin", "test-admin-password");
		facilitator = api.staffMember("Ohjaaja", "FACILITATOR");
		var plan = SeriesPlans.closedGroup("Muutosryhmä", LocalDate.now(Recurrence.HELSINKI).plusWeeks(2), 8, 1,
				facilitator.id());
		var created = api.post("/api/series", plan, admin.accessToken()).body();
		series = created.path("id").asString();
		sessions = created.path("sessions");
		parent = api.registerParent("Osallistuja");
		api.post("/api/series/" + series + "/enrolment", Map.of(), parent.accessToken());
	}

	@Test
	void movingASessionKeepsItsLocalTimeRulesAndTellsEveryone() {
		String second = sessions.get(1).path("id").asString();
		LocalDate newDate = LocalDate.now(Recurrence.HELSINKI).plusWeeks(5);
		var moved = api.put("/api/series/" + series + "/sessions/" + second,
				Map.of("date", newDate.toString(), "startTime", "19:00"), admin.accessToken());
		assertThat(moved.status()).isEqualTo(200);
		ZonedDateTime start = Instant.parse(moved.body().path("sessions").get(1).path("startsAt").asString())
			.atZone(Recurrence.HELSINKI);
		assertThat(start.toLocalDate()).isEqualTo(newDate);
		assertThat(start.toLocalTime()).isEqualTo(LocalTime.of(19, 0));

		api.put("/api/series/" + series + "/sessions/" + second, Map.of("date", newDate.plusDays(1).toString()),
				admin.accessToken());
		awaitNotices(parent, "session.moved", 2);
		awaitNotices(facilitator, "session.moved", 2);
	}

	@Test
	void aCancelledSessionIsMarkedAndCannotBeMoved() {
		String third = sessions.get(2).path("id").asString();
		var cancelled = api.delete("/api/series/" + series + "/sessions/" + third, admin.accessToken());
		assertThat(cancelled.body().path("sessions").get(2).path("state").asString()).isEqualTo("CANCELLED");
		awaitNotices(parent, "session.cancelled", 1);

		var again = api.put("/api/series/" + series + "/sessions/" + third,
				Map.of("date", LocalDate.now().plusWeeks(6).toString()), admin.accessToken());
		assertThat(again.status()).isEqualTo(409);
		assertThat(again.code()).isEqualTo("series.session_not_changeable");
	}

	@Test
	void sessionsPlannedFromTheSeededProgrammeHaveSwedishThemes() {
		assertThat(sessions.get(0).path("theme").path("sv").asString())
			.isEqualTo("Att lära känna varandra och egna styrkor");
		assertThat(sessions.get(8).path("theme").path("sv").asString())
			.isEqualTo("Avslutande träff: vad tar jag med mig");
		assertThat(sessions.get(8).path("theme").path("fi").asString()).isEqualTo("Päätöskerta: mitä otan mukaani");
	}

	@Test
	void anExtraSessionComesAfterTheLast() {
		LocalDate date = LocalDate.now(Recurrence.HELSINKI).plusWeeks(12);
		var added = api.post("/api/series/" + series + "/sessions", Map.of("date", date.toString(), "themeFi",
				"Jälkitapaaminen", "themeSv", "Uppföljningsträff", "themeEn", "Follow-up meeting"),
				admin.accessToken());
		assertThat(added.status()).isEqualTo(201);
		JsonNode extra = added.body().path("sessions").get(9);
		assertThat(extra.path("position").asInt()).isEqualTo(10);
		assertThat(extra.path("theme").path("en").asString()).isEqualTo("Follow-up meeting");
		assertThat(extra.path("theme").path("sv").asString()).isEqualTo("Uppföljningsträff");
		assertThat(Instant.parse(extra.path("startsAt").asString()).atZone(Recurrence.HELSINKI).toLocalTime())
			.isEqualTo(LocalTime.of(18, 0));
		awaitNotices(parent, "session.added", 1);
	}

	@Test
	void onlyCoordinatorsChangeTheScheduleAndNeverIntoThePast() {
		String second = sessions.get(1).path("id").asString();
		var byParent = api.delete("/api/series/" + series + "/sessions/" + second, parent.accessToken());
		assertThat(byParent.status()).isEqualTo(403);
		assertThat(api.delete("/api/series/" + series + "/sessions/" + second, facilitator.accessToken()).status())
			.isEqualTo(403);

		var past = api.put("/api/series/" + series + "/sessions/" + second,
				Map.of("date", LocalDate.now().minusDays(2).toString()), admin.accessToken());
		assertThat(past.code()).isEqualTo("series.session_not_changeable");
		var unknown = api.delete("/api/series/" + series + "/sessions/00000000-0000-0000-0000-000000000000",
				admin.accessToken());
		assertThat(unknown.status()).isEqualTo(404);
		assertThat(unknown.code()).isEqualTo("series.session_not_found");
		var invalid = api.post("/api/series/" + series + "/sessions",
				Map.of("date", LocalDate.now().plusWeeks(9).toString()), admin.accessToken());
		assertThat(invalid.code()).isEqualTo("validation.failed");
	}

	@Test
	void aSwedishThemeMayBeLeftOutButNotTooLong() {
		String date = LocalDate.now(Recurrence.HELSINKI).plusWeeks(12).toString();
		var without = api.post("/api/series/" + series + "/sessions",
				Map.of("date", date, "themeFi", "Lisätapaaminen", "themeEn", "Extra meeting"), admin.accessToken());
		assertThat(without.status()).isEqualTo(201);
		assertThat(without.body().path("sessions").get(9).path("theme").path("sv").asString()).isEmpty();

		var tooLong = api.post("/api/series/" + series + "/sessions",
				Map.of("date", date, "themeFi", "Lisä", "themeSv", "x".repeat(121), "themeEn", "Extra"),
				admin.accessToken());
		assertThat(tooLong.status()).isEqualTo(400);
		assertThat(tooLong.code()).isEqualTo("validation.failed");
		assertThat(tooLong.body().path("errors").get(0).path("field").asString()).isEqualTo("themeSv");
		assertThat(tooLong.body().path("errors").get(0).path("code").asString()).isEqualTo("size");
	}

	private void awaitNotices(Session session, String kind, int count) {
		await().atMost(5, TimeUnit.SECONDS).until(() -> {
			List<String> kinds = new ArrayList<>();
			api.get("/api/notifications", session.accessToken())
				.body()
				.forEach(n -> kinds.add(n.path("kind").asString()));
			return kinds.stream().filter(kind::equals).count() == count;
		});
	}

}
