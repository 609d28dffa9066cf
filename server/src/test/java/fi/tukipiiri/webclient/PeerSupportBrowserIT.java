package fi.tukipiiri.webclient;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

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

/**
 * From participant to peer supporter, and a group's own house rules, in the browser
 * ({@code web-client/e2e/peer-support.e2e.mjs}). A closed group with two parents enrolled
 * is held to its end on the test's clock, so the series is completed; the second parent
 * is in a closed group a coordinator created and has accepted its rules. In Chromium the
 * coordinator invites the first parent, who accepts on a phone and becomes a peer
 * supporter; the coordinator appoints them to the group and rewrites its rules; the
 * second parent is asked to accept the changed rules before writing; the new peer
 * supporter pins an announcement. The clock stays just past the last meeting's end and
 * grace while the browsers run, so their tokens stay valid.
 */
@IntegrationTest
@Import(SharedTestClock.Config.class)
@TestPropertySource(properties = { "tukipiiri.series.lifecycle-tick=1h", "tukipiiri.series.house-rules-required=true" })
class PeerSupportBrowserIT {

	private static final SharedTestClock CLOCK = SharedTestClock.INSTANCE;

	@Autowired
	ApiClient api;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ClockedSeries series;

	@BeforeEach
	@AfterEach
	void resetClock() {
		CLOCK.reset();
	}

	@Test
	void aCoordinatorInvitesAParticipantWhoAcceptsAndCoHostsAndChangedRulesAreAskedAgain() throws Exception {
		String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 6);
		Person facilitator = series.person(api.staffMember("Ohjaaja Oili", "FACILITATOR"));
		Person coordinator = series.person(api.staffMember("Koordinaattori Kerttu", "COORDINATOR"));
		Person parent = series.person(api.registerParent("Vanhempi Vilja " + suffix));
		Person member = series.person(api.registerParent("Vanhempi Matti " + suffix));

		Planned planned = series.plan("Vertaisryhmä", 8, 1, List.of(facilitator), List.of());
		UUID seriesId = planned.id();
		for (Person person : List.of(parent, member)) {
			series.enrol(planned, person);
		}

		String roomTitle = "Vertaisilta " + suffix;
		UUID room = api.createRoom(roomTitle, "CLOSED");
		assertThat(api.addMember(room, member.id(), "PARTICIPANT").status()).isEqualTo(200);
		JsonNode accepted = api.post("/api/rooms/" + room + "/house-rules/acceptance", Map.of(), series.token(member))
			.body();
		assertThat(accepted.path("accepted").asBoolean()).isTrue();

		series.end(planned, planned.last());
		assertThat(
				jdbc.sql("select state from series where id = :id").param("id", seriesId).query(String.class).single())
			.isEqualTo("COMPLETED");

		BrowserScenarios.run("peer-support.e2e.mjs", api.baseUrl(),
				Map.ofEntries(Map.entry("TUKIPIIRI_E2E_PASSWORD", ClockedSeries.PASSWORD),
						Map.entry("TUKIPIIRI_E2E_SERIES_ID", seriesId.toString()),
						Map.entry("TUKIPIIRI_E2E_SERIES_TITLE", planned.title()),
						Map.entry("TUKIPIIRI_E2E_ROOM_TITLE", roomTitle),
						Map.entry("TUKIPIIRI_E2E_COORDINATOR_USERNAME", coordinator.username()),
						Map.entry("TUKIPIIRI_E2E_COORDINATOR_NAME", coordinator.displayName()),
						Map.entry("TUKIPIIRI_E2E_PARENT_USERNAME", parent.username()),
						Map.entry("TUKIPIIRI_E2E_PARENT_NAME", "Vanhempi Vilja " + suffix),
						Map.entry("TUKIPIIRI_E2E_MEMBER_USERNAME", member.username()),
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

}
