package fi.tukipiiri.moderation;

import static fi.tukipiiri.support.StompTestClient.next;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import fi.tukipiiri.support.ApiClient;
import fi.tukipiiri.support.ApiClient.Session;
import fi.tukipiiri.support.ClockedSeries;
import fi.tukipiiri.support.ClockedSeries.Person;
import fi.tukipiiri.support.ClockedSeries.Planned;
import fi.tukipiiri.support.IntegrationTest;
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

	@Autowired
	ApiClient api;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ClockedSeries series;

	@AfterEach
	void resetClock() {
		CLOCK.reset();
	}

	@Test
	void aSeriesBanKeepsThePersonOutOfLaterSessions() {
		Person facilitator = series.person(api.staffMember("Ohjaaja Sari", "FACILITATOR"));
		Planned planned = series.plan("Sarjakielto", 8, 1, List.of(facilitator), List.of());
		Person banned = series.person(api.registerParent("Kielletty"));
		Person staying = series.person(api.registerParent("Jatkaja"));
		for (Person parent : List.of(banned, staying)) {
			series.enrol(planned, parent);
		}

		UUID firstRoom = series.open(planned, 0);
		assertThat(members(firstRoom)).contains(banned.id(), staying.id());
		Session leader = series.login(facilitator);
		assertThat(api
			.post("/api/moderation/rooms/" + firstRoom + "/bans",
					Map.of("accountId", banned.id(), "scope", "SERIES", "reason", "Turvallisuus"), leader.accessToken())
			.status()).isEqualTo(201);
		assertThat(members(firstRoom)).doesNotContain(banned.id());

		UUID secondRoom = series.open(planned, 1);
		assertThat(members(secondRoom)).as("the next session's room")
			.contains(staying.id())
			.doesNotContain(banned.id());
		assertThat(series.token(staying)).isNotBlank();
		// the banned person is told why over REST and STOMP alike
		Session bannedAgain = series.login(banned);
		assertThat(api.post("/api/rooms/" + secondRoom + "/join", Map.of(), bannedAgain.accessToken()).code())
			.isEqualTo("rooms.barred");
		try (var client = StompTestClient.connect(api.baseUrl(), bannedAgain.accessToken())) {
			var errors = client.subscribe("/user/queue/errors");
			client.subscribe("/topic/rooms/" + secondRoom);
			assertThat(next(errors, "the refused subscription").path("code").asString()).isEqualTo("rooms.barred");
		}
		assertThat(members(secondRoom)).doesNotContain(banned.id());

		leader = series.login(facilitator);
		assertThat(api.delete("/api/moderation/rooms/" + firstRoom + "/bans/" + banned.id(), leader.accessToken())
			.status()).isEqualTo(204);
		UUID thirdRoom = series.open(planned, 2);
		assertThat(members(thirdRoom)).as("after the ban was lifted").contains(banned.id());
	}

	private List<UUID> members(UUID room) {
		return jdbc.sql("select account_id from room_members where room_id = :r")
			.param("r", room)
			.query(UUID.class)
			.list();
	}

}
