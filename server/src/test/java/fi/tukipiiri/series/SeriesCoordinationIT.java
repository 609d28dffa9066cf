package fi.tukipiiri.series;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import tools.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import fi.tukipiiri.support.ApiClient;
import fi.tukipiiri.support.ApiClient.Session;
import fi.tukipiiri.support.ClockedSeries;
import fi.tukipiiri.support.ClockedSeries.Planned;
import fi.tukipiiri.support.IntegrationTest;
import fi.tukipiiri.support.SeriesPlans;
import fi.tukipiiri.support.SharedTestClock;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What coordinators do with a planned series: follow how full it is and change who leads
 * it.
 */
@IntegrationTest
@Import(SharedTestClock.Config.class)
@TestPropertySource(properties = "tukipiiri.series.lifecycle-tick=1h")
class SeriesCoordinationIT {

	private static final SharedTestClock CLOCK = SharedTestClock.INSTANCE;

	@Autowired
	ApiClient api;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ClockedSeries series;

	Session coordinator;

	Session facilitator;

	/** Read before a test moves the clock, which the access token does not outlive. */
	String facilitatorName;

	@BeforeEach
	void staff() {
		CLOCK.reset();
		coordinator = api.staffMember("Koordinaattori Kirsi", "COORDINATOR");
		facilitator = api.staffMember("Ohjaaja Olga", "FACILITATOR");
		facilitatorName = api.displayName(facilitator);
	}

	@AfterEach
	void resetClock() {
		CLOCK.reset();
	}

	@Test
	void theOverviewShowsEachSeriesFillAgainstCapacityAndMinimum() {
		String title = "Täyttyvä ryhmä " + UUID.randomUUID().toString().substring(0, 6);
		String id = plan(title, 2, 2);
		for (int i = 0; i < 3; i++) {
			api.post("/api/series/" + id + "/enrolment", Map.of(), api.registerParent("Vanhempi " + i).accessToken());
		}

		var overview = api.get("/api/series/overview", coordinator.accessToken());
		assertThat(overview.status()).isEqualTo(200);
		JsonNode line = find(overview.body(), id);
		assertThat(line.path("title").asString()).isEqualTo(title);
		assertThat(line.path("capacity").asInt()).isEqualTo(2);
		assertThat(line.path("minParticipants").asInt()).isEqualTo(2);
		assertThat(line.path("enrolled").asInt()).isEqualTo(2);
		assertThat(line.path("waitlisted").asInt()).isEqualTo(1);
		assertThat(line.path("sessions").asInt()).isEqualTo(9);
		assertThat(line.path("state").asString()).isEqualTo("PLANNED");
		assertThat(line.path("decisionDate").asString()).isNotBlank();
		assertThat(Instant.parse(line.path("firstStartsAt").asString()))
			.isBefore(Instant.parse(line.path("lastEndsAt").asString()));
		assertThat(line.toString()).doesNotContain("displayName");

		var parent = api.get("/api/series/overview", api.registerParent("Utelias").accessToken());
		assertThat(parent.status()).isEqualTo(403);
		assertThat(parent.code()).isEqualTo("auth.forbidden");
	}

	@Test
	void newStaffLeadTheSessionsStillToComeAndJoinARoomAlreadyOpen() {
		String id = plan("Ohjaajat vaihtuvat " + UUID.randomUUID().toString().substring(0, 6), 8, 0);
		Planned planned = Planned.of(api.get("/api/series/" + id, coordinator.accessToken()).body());
		UUID room = series.open(planned, 0);

		Session second = api.staffMember("Ohjaaja Pekka", "FACILITATOR");
		Session peer = api.staffMember("Vertainen Pia", "PEER_SUPPORTER");
		var changed = api.put(
				"/api/series/" + id + "/staff", Map.of("facilitatorIds", List.of(second.id().toString()),
						"peerSupporterIds", List.of(peer.id().toString())),
				api.login("root-admin", "test-admin-password").accessToken());
		assertThat(changed.status()).as(changed.body().toString()).isEqualTo(200);
		assertThat(changed.body().path("staff").toString()).contains(api.displayName(second))
			.contains(api.displayName(peer))
			.doesNotContain(facilitatorName);

		List<String> members = jdbc
			.sql("select account_id::text || ':' || role from room_members where room_id = :room")
			.param("room", room)
			.query(String.class)
			.list();
		assertThat(members).contains(second.id() + ":FACILITATOR", peer.id() + ":PEER_SUPPORTER")
			.as("people taken off keep their place in a room already open")
			.contains(facilitator.id() + ":FACILITATOR");

		UUID nextRoom = series.open(planned, 1);
		assertThat(jdbc.sql("select account_id::text from room_members where room_id = :room and role <> 'PARTICIPANT'")
			.param("room", nextRoom)
			.query(String.class)
			.list()).containsExactlyInAnyOrder(second.id().toString(), peer.id().toString());
	}

	@Test
	void staffChangesAreCheckedLikeAPlan() {
		String id = plan("Tarkka ryhmä " + UUID.randomUUID().toString().substring(0, 6), 8, 1);
		Session parent = api.registerParent("Vanhempi Viivi");

		var notAFacilitator = api.put("/api/series/" + id + "/staff",
				Map.of("facilitatorIds", List.of(parent.id().toString())), coordinator.accessToken());
		assertThat(notAFacilitator.status()).isEqualTo(409);
		assertThat(notAFacilitator.code()).isEqualTo("series.invalid_staff");

		var none = api.put("/api/series/" + id + "/staff", Map.of("facilitatorIds", List.of()),
				coordinator.accessToken());
		assertThat(none.status()).isEqualTo(400);
		assertThat(none.body().path("errors").get(0).path("field").asString()).isEqualTo("facilitatorIds");

		var byParent = api.put("/api/series/" + id + "/staff",
				Map.of("facilitatorIds", List.of(facilitator.id().toString())), parent.accessToken());
		assertThat(byParent.status()).isEqualTo(403);

		var unknown = api.put("/api/series/" + UUID.randomUUID() + "/staff",
				Map.of("facilitatorIds", List.of(facilitator.id().toString())), coordinator.accessToken());
		assertThat(unknown.status()).isEqualTo(404);
		assertThat(unknown.code()).isEqualTo("series.not_found");

		jdbc.sql("update series set state = 'CANCELLED' where id = :id").param("id", UUID.fromString(id)).update();
		var cancelled = api.put("/api/series/" + id + "/staff",
				Map.of("facilitatorIds", List.of(facilitator.id().toString())), coordinator.accessToken());
		assertThat(cancelled.status()).isEqualTo(409);
		assertThat(cancelled.code()).isEqualTo("series.not_changeable");
		assertThat(api.get("/api/series/" + id, coordinator.accessToken()).body().path("staff").toString())
			.contains(facilitatorName);
	}

	private String plan(String title, int capacity, int minimum) {
		var created = api.post("/api/series", SeriesPlans.closedGroup(title,
				LocalDate.now(Recurrence.HELSINKI).plusWeeks(2), capacity, minimum, facilitator.id()),
				coordinator.accessToken());
		assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
		return created.text("id");
	}

	private static JsonNode find(JsonNode list, String id) {
		for (JsonNode item : list) {
			if (item.path("id").asString().equals(id)) {
				return item;
			}
		}
		throw new AssertionError("Not in the overview: " + id);
	}

}
