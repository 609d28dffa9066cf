package fi.tukipiiri.webclient;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import fi.tukipiiri.series.LifecycleTicks;
import fi.tukipiiri.series.Recurrence;
import fi.tukipiiri.support.ApiClient;
import fi.tukipiiri.support.ApiClient.Response;
import fi.tukipiiri.support.ApiClient.Session;
import fi.tukipiiri.support.IntegrationTest;
import fi.tukipiiri.support.SeriesPlans;
import fi.tukipiiri.support.SharedTestClock;

/**
 * From participant to peer supporter, and a group's own house rules, in the browser
 * ({@code web-client/e2e/peer-support.e2e.mjs}). A closed group with two parents enrolled
 * is held to its end on the test's clock, so the series is completed; the second parent
 * is in a closed group a coordinator created and has accepted its rules. In Chromium the
 * coordinator invites the first parent, who accepts on a phone and becomes a peer
 * supporter; the coordinator appoints them to the group and rewrites its rules; the
 * second parent is asked to accept the changed rules before writing; the new peer
 * supporter pins an announcement. The clock stays a quarter of an hour after the last
 * meeting while the browsers run, so their tokens stay valid.
 */
@IntegrationTest
@Import(SharedTestClock.Config.class)
@TestPropertySource(properties = { "tukipiiri.series.lifecycle-tick=1h", "tukipiiri.series.house-rules-required=true" })
class PeerSupportBrowserIT {

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
	void aCoordinatorInvitesAParticipantWhoAcceptsAndCoHostsAndChangedRulesAreAskedAgain() throws Exception {
		String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 6);
		Session admin = api.login("root-admin", "test-admin-password");
		Session facilitator = api.staffMember("Ohjaaja Oili", "FACILITATOR");
		Session coordinator = api.staffMember("Koordinaattori Kerttu", "COORDINATOR");
		Session parent = api.registerParent("Vanhempi Vilja " + suffix);
		Session member = api.registerParent("Vanhempi Matti " + suffix);
		// read now: these tokens expire once the clock moves to the series' end
		String coordinatorUsername = username(coordinator);
		String parentUsername = username(parent);
		String memberUsername = username(member);
		String coordinatorName = api.displayName(coordinator);

		String title = "Vertaisryhmä " + suffix;
		Map<String, Object> plan = SeriesPlans.closedGroup(title, LocalDate.now(Recurrence.HELSINKI).plusWeeks(2), 8, 1,
				facilitator.id());
		Response planned = api.post("/api/series", plan, admin.accessToken());
		assertThat(planned.status()).as(planned.body().toString()).isEqualTo(201);
		UUID seriesId = UUID.fromString(planned.text("id"));
		for (Session person : List.of(parent, member)) {
			assertThat(
					api.post("/api/series/" + seriesId + "/enrolment", Map.of(), person.accessToken()).text("status"))
				.isEqualTo("ENROLLED");
		}

		String roomTitle = "Vertaisilta " + suffix;
		UUID room = api.createRoom(roomTitle, "CLOSED");
		assertThat(api.addMember(room, member.id(), "PARTICIPANT").status()).isEqualTo(200);
		JsonNode accepted = api.post("/api/rooms/" + room + "/house-rules/acceptance", Map.of(), member.accessToken())
			.body();
		assertThat(accepted.path("accepted").asBoolean()).isTrue();

		JsonNode sessions = planned.body().path("sessions");
		Instant lastEnd = Instant.parse(sessions.get(sessions.size() - 1).path("endsAt").asString());
		CLOCK.set(lastEnd.plus(Duration.ofMinutes(15)));
		LifecycleTicks.tick(node);
		assertThat(
				jdbc.sql("select state from series where id = :id").param("id", seriesId).query(String.class).single())
			.isEqualTo("COMPLETED");

		BrowserScenarios.run("peer-support.e2e.mjs", api.baseUrl(),
				Map.ofEntries(Map.entry("TUKIPIIRI_E2E_PASSWORD", PASSWORD),
						Map.entry("TUKIPIIRI_E2E_SERIES_ID", seriesId.toString()),
						Map.entry("TUKIPIIRI_E2E_SERIES_TITLE", title),
						Map.entry("TUKIPIIRI_E2E_ROOM_TITLE", roomTitle),
						Map.entry("TUKIPIIRI_E2E_COORDINATOR_USERNAME", coordinatorUsername),
						Map.entry("TUKIPIIRI_E2E_COORDINATOR_NAME", coordinatorName),
						Map.entry("TUKIPIIRI_E2E_PARENT_USERNAME", parentUsername),
						Map.entry("TUKIPIIRI_E2E_PARENT_NAME", "Vanhempi Vilja " + suffix),
						Map.entry("TUKIPIIRI_E2E_MEMBER_USERNAME", memberUsername),
						Map.entry("TUKIPIIRI_E2E_MEMBER_NAME", "Vanhempi Matti " + suffix)));

		assertThat(jdbc.sql("select role from account_roles where account_id = :id order by role")
			.param("id", parent.id())
			.query(String.class)
			.list()).as("the parent accepted in the browser").containsExactly("PARENT", "PEER_SUPPORTER");
		assertThat(jdbc.sql("select invitation_id is not null from role_changes where account_id = :id")
			.param("id", parent.id())
			.query(Boolean.class)
			.single()).as("the role history names the invitation").isTrue();
		assertThat(jdbc.sql("select count(*) from house_rules where room_id = :r")
			.param("r", room)
			.query(Long.class)
			.single()).as("the chat's own rules in Finnish and English").isEqualTo(2);
	}

	private String username(Session session) {
		return api.get("/api/me", session.accessToken()).text("username");
	}

}
