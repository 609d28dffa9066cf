package fi.tukipiiri.series;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import tools.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import fi.tukipiiri.support.ApiClient;
import fi.tukipiiri.support.ApiClient.Session;
import fi.tukipiiri.support.IntegrationTest;
import fi.tukipiiri.support.SeriesPlans;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class SeriesPlanningIT {

	private static final String GROUP_TEMPLATE = "5d0c8a4e-3b1f-4c53-9f0e-0a7d2f6b1e02";

	@Autowired
	ApiClient api;

	Session admin;

	Session coordinator;

	Session facilitator;

	Session peerSupporter;

	@BeforeEach
	void staff() {
		admin = api.login("root-admin", "test-admin-password");
		coordinator = api.staffMember("Koordinaattori Kaija", "COORDINATOR");
		facilitator = api.staffMember("Ohjaaja Olli", "FACILITATOR");
		peerSupporter = api.staffMember("Vertainen Veera", "PEER_SUPPORTER", "PARENT");
	}

	@Test
	void aCoordinatorPlansTheNineMeetingsEveryOtherWeekAtTheSameLocalTime() {
		LocalDate first = LocalDate.now().plusWeeks(3);
		var created = api.post("/api/series", plan(first, Map.of("intervalWeeks", 2)), coordinator.accessToken());
		assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
		JsonNode series = created.body();
		assertThat(series.path("kind").asString()).isEqualTo("CLOSED");
		assertThat(series.path("state").asString()).isEqualTo("PLANNED");
		assertThat(series.path("lengthMinutes").asInt()).isEqualTo(90);
		assertThat(series.path("zone").asString()).isEqualTo("Europe/Helsinki");
		assertThat(series.path("staff").toString()).contains(api.displayName(facilitator))
			.contains(api.displayName(peerSupporter))
			.doesNotContain("username");

		JsonNode sessions = series.path("sessions");
		assertThat(sessions.size()).isEqualTo(9);
		for (int i = 0; i < 9; i++) {
			JsonNode session = sessions.get(i);
			ZonedDateTime start = Instant.parse(session.path("startsAt").asString()).atZone(Recurrence.HELSINKI);
			assertThat(start.toLocalDate()).isEqualTo(first.plusWeeks(2L * i));
			assertThat(start.toLocalTime()).isEqualTo(LocalTime.of(18, 0));
			assertThat(session.path("state").asString()).isEqualTo("SCHEDULED");
		}
		assertThat(sessions.get(5).path("theme").path("fi").asString()).isEqualTo("Aggression hallinta");

		Session parent = api.registerParent("Kiinnostunut");
		var seen = api.get("/api/series/" + series.path("id").asString(), parent.accessToken());
		assertThat(seen.status()).isEqualTo(200);
		assertThat(seen.body().path("sessions").size()).isEqualTo(9);
		assertThat(api.get("/api/series", parent.accessToken()).body().toString())
			.contains(series.path("id").asString());
	}

	@Test
	void onlyCoordinatorsAndAdminsPlanSeries() {
		LocalDate first = LocalDate.now().plusWeeks(3);
		Session parent = api.registerParent("Vanhempi");
		var refused = api.post("/api/series", plan(first, Map.of()), parent.accessToken());
		assertThat(refused.status()).isEqualTo(403);
		assertThat(refused.code()).isEqualTo("auth.forbidden");
		assertThat(api.post("/api/series", plan(first, Map.of()), facilitator.accessToken()).status()).isEqualTo(403);
		assertThat(api.post("/api/series", plan(first, Map.of()), admin.accessToken()).status()).isEqualTo(201);
	}

	@Test
	void staffMustHoldTheirRoles() {
		Session parent = api.registerParent("Ei ohjaaja");
		var refused = api.post("/api/series",
				plan(LocalDate.now().plusWeeks(3), Map.of("facilitatorIds", List.of(parent.id().toString()))),
				coordinator.accessToken());
		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.code()).isEqualTo("series.invalid_staff");
	}

	@Test
	void impossiblePlansAreRefusedWithTheirCodes() {
		LocalDate first = LocalDate.now().plusWeeks(3);
		assertRefused(plan(first, Map.of("minParticipants", 9, "capacity", 8)), "series.minimum_over_capacity");
		assertRefused(plan(first, Map.of("decisionDate", first.plusDays(1).toString())), "series.decision_after_start");
		assertRefused(
				plan(LocalDate.now().minusDays(7), Map.of("decisionDate", LocalDate.now().minusDays(8).toString())),
				"series.first_date_past");
		assertRefused(plan(first, Map.of("zone", "Mars/Olympus")), "series.invalid_zone");
		assertRefused(plan(first, Map.of("ageMin", 40, "ageMax", 20)), "series.age_range_reversed");
		var invalid = api.post("/api/series", plan(first, Map.of("intervalWeeks", 3, "capacity", 0, "title", "")),
				coordinator.accessToken());
		assertThat(invalid.code()).isEqualTo("validation.failed");
		assertThat(invalid.body().path("errors").toString()).contains("intervalWeeks")
			.contains("capacity")
			.contains("title");
		var unknownTemplate = api.post("/api/series", plan(first, Map.of("templateId", UUID.randomUUID().toString())),
				coordinator.accessToken());
		assertThat(unknownTemplate.code()).isEqualTo("series.template_not_found");
	}

	@Test
	void anOpenChatSeriesNeedsNoSeatsMinimumOrDecisionDateButAClosedGroupDoes() {
		LocalDate first = LocalDate.now().plusWeeks(2);
		Map<String, Object> open = plan(first, Map.of("templateId", SeriesPlans.OPEN_CHATS_TEMPLATE));
		open.remove("capacity");
		open.remove("minParticipants");
		open.remove("decisionDate");
		var planned = api.post("/api/series", open, coordinator.accessToken());
		assertThat(planned.status()).isEqualTo(201);
		assertThat(planned.body().path("kind").asString()).isEqualTo("OPEN");
		assertThat(planned.body().path("minParticipants").asInt()).isZero();
		assertThat(planned.body().path("decisionDate").asString()).isEqualTo(first.toString());

		Map<String, Object> closed = plan(first, Map.of());
		closed.remove("capacity");
		closed.remove("decisionDate");
		var refused = api.post("/api/series", closed, coordinator.accessToken());
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.code()).isEqualTo("validation.failed");
		assertThat(refused.body().path("errors").toString()).contains("capacity");
	}

	private void assertRefused(Map<String, Object> plan, String code) {
		var response = api.post("/api/series", plan, coordinator.accessToken());
		assertThat(response.status()).as(code).isEqualTo(400);
		assertThat(response.code()).isEqualTo(code);
	}

	private Map<String, Object> plan(LocalDate first, Map<String, Object> overrides) {
		Map<String, Object> plan = new HashMap<>();
		plan.put("templateId", GROUP_TEMPLATE);
		plan.put("title", "Minä, tunteet ja taidot – kevät, Rovaniemi");
		plan.put("audienceNote", "Isät, joilla on alle kouluikäisiä lapsia");
		plan.put("firstDate", first.toString());
		plan.put("intervalWeeks", 1);
		plan.put("startTime", "18:00");
		plan.put("capacity", 8);
		plan.put("minParticipants", 4);
		plan.put("decisionDate", first.minusWeeks(1).toString());
		plan.put("facilitatorIds", List.of(facilitator.id().toString()));
		plan.put("peerSupporterIds", List.of(peerSupporter.id().toString()));
		plan.putAll(overrides);
		return plan;
	}

}
