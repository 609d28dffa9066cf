package fi.tukipiiri.moderation;

import static fi.tukipiiri.support.StompTestClient.next;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
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

/**
 * A ban from a whole series keeps the person out of the series' later session rooms too.
 */
@IntegrationTest
@Import(SharedTestClock.Config.class)
@TestPropertySource(properties = "tukipiiri.series.lifecycle-tick=1h")
class SeriesBanIT {

	private static final SharedTestClock CLOCK = SharedTestClock.INSTANCE;

	private static final String PASSWORD = "correct horse battery";

	@Autowired
	ApiClient api;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationContext node;

	@AfterEach
	void resetClock() {
		CLOCK.reset();
	}

	@Test
	void aSeriesBanKeepsThePersonOutOfLaterSessions() {
		Session admin = api.login("root-admin", "test-admin-password");
		Session facilitator = api.staffMember("Ohjaaja Sari", "FACILITATOR");
		String facilitatorName = api.get("/api/me", facilitator.accessToken()).text("username");
		UUID seriesId = UUID.fromString(api.post("/api/series",
				SeriesPlans.closedGroup("Sarjakielto " + UUID.randomUUID().toString().substring(0, 6),
						LocalDate.now(Recurrence.HELSINKI).plusWeeks(2), 8, 1, facilitator.id()),
				admin.accessToken())
			.text("id"));
		Session banned = api.registerParent("Kielletty");
		String bannedName = api.get("/api/me", banned.accessToken()).text("username");
		Session staying = api.registerParent("Jatkaja");
		String stayingName = api.get("/api/me", staying.accessToken()).text("username");
		for (Session parent : List.of(banned, staying)) {
			api.post("/api/series/" + seriesId + "/enrolment", Map.of(), parent.accessToken());
		}
		List<Map<String, Object>> sessions = jdbc
			.sql("select id, starts_at from series_sessions where series_id = :id order by position")
			.param("id", seriesId)
			.query((rs, n) -> Map.<String, Object>of("id", rs.getObject("id", UUID.class), "starts_at",
					rs.getTimestamp("starts_at").toInstant()))
			.list();

		UUID firstRoom = openLobby(sessions.get(0));
		assertThat(members(firstRoom)).contains(banned.id(), staying.id());
		Session leader = api.login(facilitatorName, PASSWORD);
		assertThat(api
			.post("/api/moderation/rooms/" + firstRoom + "/bans",
					Map.of("accountId", banned.id(), "scope", "SERIES", "reason", "Turvallisuus"), leader.accessToken())
			.status()).isEqualTo(201);
		assertThat(members(firstRoom)).doesNotContain(banned.id());

		UUID secondRoom = openLobby(sessions.get(1));
		assertThat(members(secondRoom)).as("the next session's room")
			.contains(staying.id())
			.doesNotContain(banned.id());
		assertThat(api.login(stayingName, PASSWORD).accessToken()).isNotBlank();
		// the banned person is told why over REST and STOMP alike
		Session bannedAgain = api.login(bannedName, PASSWORD);
		assertThat(api.post("/api/rooms/" + secondRoom + "/join", Map.of(), bannedAgain.accessToken()).code())
			.isEqualTo("rooms.barred");
		try (var client = StompTestClient.connect(api.baseUrl(), bannedAgain.accessToken())) {
			var errors = client.subscribe("/user/queue/errors");
			client.subscribe("/topic/rooms/" + secondRoom);
			assertThat(next(errors, "the refused subscription").path("code").asString()).isEqualTo("rooms.barred");
		}
		assertThat(members(secondRoom)).doesNotContain(banned.id());

		leader = api.login(facilitatorName, PASSWORD);
		assertThat(api.delete("/api/moderation/rooms/" + firstRoom + "/bans/" + banned.id(), leader.accessToken())
			.status()).isEqualTo(204);
		UUID thirdRoom = openLobby(sessions.get(2));
		assertThat(members(thirdRoom)).as("after the ban was lifted").contains(banned.id());
	}

	private UUID openLobby(Map<String, Object> session) {
		CLOCK.set(((Instant) session.get("starts_at")).minus(Duration.ofMinutes(10)));
		LifecycleTicks.tick(node);
		return jdbc.sql("select room_id from series_sessions where id = :id")
			.param("id", session.get("id"))
			.query(UUID.class)
			.single();
	}

	private List<UUID> members(UUID room) {
		return jdbc.sql("select account_id from room_members where room_id = :r")
			.param("r", room)
			.query(UUID.class)
			.list();
	}

}
