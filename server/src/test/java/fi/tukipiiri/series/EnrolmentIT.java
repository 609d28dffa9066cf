package fi.tukipiiri.series;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

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
class EnrolmentIT {

	@Autowired
	ApiClient api;

	Session admin;

	UUID facilitatorId;

	@BeforeEach
	void facilitator() {
		admin = api.login("root-admin", "test-admin-password");
		facilitatorId = api.staffMember("Ohjaaja", "FACILITATOR").id();
	}

	@Test
	void twentyParentsRaceForEightSeats() throws Exception {
		String series = closedSeries(8);
		List<Session> parents = new ArrayList<>();
		for (int i = 0; i < 20; i++) {
			parents.add(api.registerParent("Hakija " + i));
		}
		ExecutorService pool = Executors.newFixedThreadPool(20);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<JsonNode>> answers = new ArrayList<>();
		for (Session parent : parents) {
			answers.add(pool.submit(() -> {
				start.await();
				return api.post("/api/series/" + series + "/enrolment", Map.of(), parent.accessToken()).body();
			}));
		}
		start.countDown();
		List<JsonNode> enrolments = new ArrayList<>();
		for (Future<JsonNode> answer : answers) {
			enrolments.add(answer.get());
		}
		pool.shutdown();

		assertThat(enrolments.stream().filter(e -> e.path("status").asString().equals("ENROLLED"))).hasSize(8);
		List<Integer> positions = enrolments.stream()
			.filter(e -> e.path("status").asString().equals("WAITLISTED"))
			.map(e -> e.path("waitlistPosition").asInt())
			.sorted()
			.toList();
		assertThat(positions).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12);
		var fill = api.get("/api/series/" + series + "/fill", admin.accessToken()).body();
		assertThat(fill.path("enrolled").asInt()).isEqualTo(8);
		assertThat(fill.path("waitlisted").asInt()).isEqualTo(12);

		Session firstInLine = parentAt(parents, series, 1);
		Session secondInLine = parentAt(parents, series, 2);
		Session seated = parents.stream()
			.filter(p -> api.get("/api/series/" + series + "/enrolment", p.accessToken())
				.text("status")
				.equals("ENROLLED"))
			.findFirst()
			.orElseThrow();
		assertThat(api.delete("/api/series/" + series + "/enrolment", seated.accessToken()).text("status"))
			.isEqualTo("WITHDRAWN");

		assertThat(api.get("/api/series/" + series + "/enrolment", firstInLine.accessToken()).text("status"))
			.isEqualTo("ENROLLED");
		var next = api.get("/api/series/" + series + "/enrolment", secondInLine.accessToken()).body();
		assertThat(next.path("status").asString()).isEqualTo("WAITLISTED");
		assertThat(next.path("waitlistPosition").asInt()).isEqualTo(1);
		assertThat(api.get("/api/series/" + series + "/fill", admin.accessToken()).body().path("enrolled").asInt())
			.isEqualTo(8);
	}

	@Test
	void enrollingTwiceKeepsTheFirstPlace() {
		String series = closedSeries(1);
		Session parent = api.registerParent("Kahdesti");
		var first = api.post("/api/series/" + series + "/enrolment", Map.of(), parent.accessToken()).body();
		var again = api.post("/api/series/" + series + "/enrolment", Map.of(), parent.accessToken()).body();
		assertThat(again).isEqualTo(first);
	}

	@Test
	void withdrawingAgainAnswersTheSameWithdrawalAndFreesNoSecondSeat() {
		String series = closedSeries(1);
		Session seated = api.registerParent("Lähtijä");
		Session waiting = api.registerParent("Jonossa 1");
		Session later = api.registerParent("Jonossa 2");
		for (Session parent : List.of(seated, waiting, later)) {
			api.post("/api/series/" + series + "/enrolment", Map.of(), parent.accessToken());
		}
		var first = api.delete("/api/series/" + series + "/enrolment", seated.accessToken());
		assertThat(first.status()).isEqualTo(200);
		assertThat(first.text("status")).isEqualTo("WITHDRAWN");
		assertThat(first.body().has("waitlistPosition")).isTrue();
		assertThat(first.body().path("waitlistPosition").isNull()).isTrue();

		var again = api.delete("/api/series/" + series + "/enrolment", seated.accessToken());
		assertThat(again.status()).isEqualTo(200);
		assertThat(again.body()).isEqualTo(first.body());
		assertThat(api.get("/api/series/" + series + "/enrolment", waiting.accessToken()).text("status"))
			.isEqualTo("ENROLLED");
		var stillWaiting = api.get("/api/series/" + series + "/enrolment", later.accessToken()).body();
		assertThat(stillWaiting.path("status").asString()).as("only one seat was freed").isEqualTo("WAITLISTED");
		assertThat(stillWaiting.path("waitlistPosition").asInt()).isEqualTo(1);

		var never = api.delete("/api/series/" + series + "/enrolment", api.registerParent("Ei hakenut").accessToken());
		assertThat(never.status()).isEqualTo(404);
		assertThat(never.code()).isEqualTo("series.not_enrolled");
	}

	@Test
	void parentsSeeOnlyTheirOwnEnrolmentsAndNotTheFill() {
		String series = closedSeries(5);
		Session anna = api.registerParent("Anna");
		Session matti = api.registerParent("Matti");
		api.post("/api/series/" + series + "/enrolment", Map.of(), anna.accessToken());
		api.post("/api/series/" + series + "/enrolment", Map.of(), matti.accessToken());

		var mine = api.get("/api/me/enrolments", anna.accessToken()).body();
		assertThat(mine.size()).isEqualTo(1);
		assertThat(mine.get(0).path("accountId").asString()).isEqualTo(anna.id().toString());
		assertThat(mine.toString()).doesNotContain(matti.id().toString());
		assertThat(api.get("/api/series/" + series + "/fill", anna.accessToken()).status()).isEqualTo(403);
		assertThat(api.get("/api/series/" + series, anna.accessToken()).body().toString())
			.doesNotContain(matti.id().toString());
	}

	@Test
	void guestsAndOpenSeriesAreNotForEnrolment() {
		String closed = closedSeries(5);
		Session guest = api.guest("Vieras");
		var refused = api.post("/api/series/" + closed + "/enrolment", Map.of(), guest.accessToken());
		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.code()).isEqualTo("series.guests_cannot_enrol");

		Map<String, Object> open = plan(5);
		open.put("templateId", SeriesPlans.OPEN_CHATS_TEMPLATE);
		String openSeries = api.post("/api/series", open, admin.accessToken()).text("id");
		Session parent = api.registerParent("Avoin");
		assertThat(api.post("/api/series/" + openSeries + "/enrolment", Map.of(), parent.accessToken()).code())
			.isEqualTo("series.open_to_all");

		var notApplied = api.get("/api/series/" + closed + "/enrolment", parent.accessToken());
		assertThat(notApplied.status()).isEqualTo(404);
		assertThat(notApplied.code()).isEqualTo("series.not_enrolled");
		assertThat(api.post("/api/series/" + UUID.randomUUID() + "/enrolment", Map.of(), parent.accessToken()).code())
			.isEqualTo("series.not_found");
	}

	private Session parentAt(List<Session> parents, String series, int position) {
		return parents.stream().filter(p -> {
			var enrolment = api.get("/api/series/" + series + "/enrolment", p.accessToken()).body();
			return enrolment.path("status").asString().equals("WAITLISTED")
					&& enrolment.path("waitlistPosition").asInt() == position;
		}).findFirst().orElseThrow();
	}

	private String closedSeries(int capacity) {
		var created = api.post("/api/series", plan(capacity), admin.accessToken());
		assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
		return created.text("id");
	}

	private Map<String, Object> plan(int capacity) {
		return SeriesPlans.closedGroup("Ryhmä", LocalDate.now().plusWeeks(4), capacity, Math.min(4, capacity),
				facilitatorId);
	}

}
