package fi.tukipiiri.series;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import fi.tukipiiri.support.ApiClient;
import fi.tukipiiri.support.ApiClient.Session;
import fi.tukipiiri.support.IntegrationTest;
import fi.tukipiiri.support.Nodes;
import fi.tukipiiri.support.SeriesPlans;
import fi.tukipiiri.support.SharedTestClock;
import fi.tukipiiri.support.StompTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two nodes on one database and one moved-by-hand clock; both tick at once, every step
 * happens once.
 */
@IntegrationTest
@Import(SharedTestClock.Config.class)
@TestPropertySource(properties = "tukipiiri.series.lifecycle-tick=1h")
class SessionLifecycleIT {

	private static final SharedTestClock CLOCK = SharedTestClock.INSTANCE;

	private static ConfigurableApplicationContext secondNode;

	@Autowired
	ApiClient api;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	SessionLifecycle firstNodeLifecycle;

	Session admin;

	Session facilitator;

	@BeforeAll
	static void startSecondNode() {
		secondNode = Nodes.start(List.of(SharedTestClock.Config.class), "--tukipiiri.series.lifecycle-tick=1h");
	}

	@AfterAll
	static void stopSecondNode() {
		secondNode.close();
		CLOCK.reset();
	}

	@BeforeEach
	void staff() {
		CLOCK.reset();
		admin = api.login("root-admin", "test-admin-password");
		facilitator = api.staffMember("Ohjaaja Outi", "FACILITATOR");
	}

	@AfterEach
	void resetClock() {
		CLOCK.reset();
	}

	@Test
	void eachStepHappensOnceWhenBothNodesTickTogether() throws Exception {
		UUID seriesId = closedSeries(8, 2);
		List<Session> parents = enrol(seriesId, 3);
		List<Map<String, Object>> sessions = sessions(seriesId);
		Instant start = (Instant) sessions.get(0).get("starts_at");
		Instant end = (Instant) sessions.get(0).get("ends_at");
		UUID first = (UUID) sessions.get(0).get("id");

		CLOCK.set(start.minus(Duration.ofMinutes(20)));
		tickBothNodes();
		assertThat(state(first)).isEqualTo("SCHEDULED");

		CLOCK.set(start.minus(Duration.ofMinutes(10)));
		tickBothNodes();
		assertThat(state(first)).isEqualTo("LOBBY");
		UUID room = jdbc.sql("select room_id from series_sessions where id = :id")
			.param("id", first)
			.query(UUID.class)
			.single();
		String title = jdbc.sql("select title from series where id = :id")
			.param("id", seriesId)
			.query(String.class)
			.single();
		assertThat(jdbc.sql("select count(*) from rooms where title like :t")
			.param("t", title + " – %")
			.query(Long.class)
			.single()).as("rooms opened for the series").isEqualTo(1);
		List<String> members = jdbc
			.sql("select account_id::text || ':' || role from room_members where room_id = :room")
			.param("room", room)
			.query(String.class)
			.list();
		assertThat(members).hasSize(4).contains(facilitator.id() + ":FACILITATOR");
		parents.forEach(parent -> assertThat(members).contains(parent.id() + ":PARTICIPANT"));

		CLOCK.set(start.plus(Duration.ofMinutes(1)));
		tickBothNodes();
		assertThat(state(first)).isEqualTo("LIVE");

		CLOCK.set(end.plus(Duration.ofMinutes(11)));
		tickBothNodes();
		assertThat(state(first)).isEqualTo("ENDED");
		assertThat(jdbc.sql("select state from rooms where id = :id").param("id", room).query(String.class).single())
			.isEqualTo("READ_ONLY");
		assertThat(transitions(first)).containsExactly("LOBBY", "LIVE", "ENDED");
		assertThat(state((UUID) sessions.get(1).get("id"))).isEqualTo("SCHEDULED");
		assertThat(seriesState(seriesId)).isEqualTo("CONFIRMED");
	}

	@Test
	void aSeriesPlannedAsInformationSessionsOpensItsRoomsAsInformationSessions() throws Exception {
		LocalDate firstDate = LocalDate.now(Recurrence.HELSINKI).plusWeeks(2);
		// the information-session template proposes its format; a coordinator may choose
		// it
		// for a closed group too, or a discussion for the information-session template
		Map<String, Object> info = new java.util.HashMap<>(Map.of("templateId", SeriesPlans.INFO_SESSIONS_TEMPLATE,
				"title", "Info " + UUID.randomUUID().toString().substring(0, 8), "firstDate", firstDate.toString(),
				"intervalWeeks", 1, "startTime", "18:00", "facilitatorIds", List.of(facilitator.id().toString())));
		var planned = api.post("/api/series", info, admin.accessToken());
		assertThat(planned.status()).as(planned.body().toString()).isEqualTo(201);
		assertThat(planned.text("format")).isEqualTo("INFO_SESSION");
		assertThat(planned.text("lengthMinutes")).isEqualTo("45");
		var closed = SeriesPlans.closedGroup("Suljettu info " + UUID.randomUUID().toString().substring(0, 8), firstDate,
				8, 0, facilitator.id());
		closed.put("format", "INFO_SESSION");
		var closedInfo = api.post("/api/series", closed, admin.accessToken());
		assertThat(closedInfo.text("format")).isEqualTo("INFO_SESSION");
		info.put("format", "DISCUSSION");
		info.put("title", "Keskustelu " + UUID.randomUUID().toString().substring(0, 8));
		assertThat(api.post("/api/series", info, admin.accessToken()).text("format")).isEqualTo("DISCUSSION");
		info.put("format", "WEBINAR");
		var unknown = api.post("/api/series", info, admin.accessToken());
		assertThat(unknown.status()).isEqualTo(400);
		assertThat(unknown.code()).isEqualTo("validation.failed");

		UUID seriesId = UUID.fromString(planned.text("id"));
		UUID first = (UUID) sessions(seriesId).get(0).get("id");
		CLOCK.set(((Instant) sessions(seriesId).get(0).get("starts_at")).minus(Duration.ofMinutes(10)));
		tickBothNodes();
		for (UUID series : List.of(seriesId, UUID.fromString(closedInfo.text("id")))) {
			UUID room = jdbc.sql("select room_id from series_sessions where series_id = :id and position = 1")
				.param("id", series)
				.query(UUID.class)
				.single();
			assertThat(
					jdbc.sql("select format from rooms where id = :id").param("id", room).query(String.class).single())
				.isEqualTo("INFO_SESSION");
		}
		assertThat(state(first)).isEqualTo("LOBBY");
		assertThat(api.get("/api/calendar/series/" + seriesId, null).text("format")).isEqualTo("INFO_SESSION");
	}

	@Test
	void timeInTheSessionRoomIsRecordedAsAttendance() throws Exception {
		UUID seriesId = closedSeries(8, 1);
		Session parent = enrol(seriesId, 1).get(0);
		String username = api.get("/api/me", parent.accessToken()).text("username");
		List<Map<String, Object>> sessions = sessions(seriesId);
		UUID first = (UUID) sessions.get(0).get("id");
		Instant start = (Instant) sessions.get(0).get("starts_at");
		Instant end = (Instant) sessions.get(0).get("ends_at");

		CLOCK.set(start.minus(Duration.ofMinutes(10)));
		tickBothNodes();
		UUID room = jdbc.sql("select room_id from series_sessions where id = :id")
			.param("id", first)
			.query(UUID.class)
			.single();
		// signed in under the moved clock, so the token is valid at that time
		Session now = api.login(username, "correct horse battery");
		// The room tells its session's place, state and times (the client counts the
		// minutes from them),
		// and the closed group's house rules, accepted once for the whole series.
		var guide = api.get("/api/rooms/" + room + "/guide", now.accessToken()).body();
		assertThat(guide.path("session").path("sessionId").asString()).isEqualTo(first.toString());
		assertThat(guide.path("session").path("position").asInt()).isEqualTo(1);
		assertThat(guide.path("session").path("state").asString()).isEqualTo("LOBBY");
		assertThat(Instant.parse(guide.path("session").path("startsAt").asString())).isEqualTo(start);
		assertThat(Instant.parse(guide.path("session").path("endsAt").asString())).isEqualTo(end);
		assertThat(guide.path("acceptance").asString()).isEqualTo("SERIES");
		var connection = StompTestClient.connect(api.baseUrl(), now.accessToken());
		connection.subscribe("/topic/rooms/" + room);
		await().atMost(5, TimeUnit.SECONDS).until(() -> attendanceRows(first) == 1);

		CLOCK.advance(Duration.ofMinutes(40));
		connection.close();
		await().atMost(5, TimeUnit.SECONDS).until(() -> secondsPresent(first, parent.id()) > 0);
		assertThat(secondsPresent(first, parent.id())).isEqualTo(40 * 60);

		CLOCK.set(end.plus(Duration.ofMinutes(11)));
		tickBothNodes();
		var report = api
			.get("/api/series/" + seriesId + "/attendance",
					api.login("root-admin", "test-admin-password").accessToken())
			.body();
		assertThat(report.get(0).path("attendees").size()).isEqualTo(1);
		assertThat(report.get(0).path("attendees").get(0).path("displayName").asString()).isEqualTo("Osallistuja 0");
		assertThat(report.get(0).path("attendees").get(0).path("secondsPresent").asLong()).isEqualTo(40 * 60);
	}

	@Test
	void participantsAndStaffAreRemindedOnceADayBefore() throws Exception {
		UUID seriesId = closedSeries(8, 1);
		List<Session> parents = enrol(seriesId, 2);
		List<Map<String, Object>> sessions = sessions(seriesId);
		UUID first = (UUID) sessions.get(0).get("id");
		Instant start = (Instant) sessions.get(0).get("starts_at");

		CLOCK.set(start.minus(Duration.ofHours(25)));
		tickBothNodes();
		assertThat(reminders(first)).isZero();

		CLOCK.set(start.minus(Duration.ofHours(23)));
		tickBothNodes();
		tickBothNodes();
		assertThat(reminders(first)).isEqualTo(1);
		assertThat(state(first)).isEqualTo("SCHEDULED");
		for (UUID person : List.of(parents.get(0).id(), parents.get(1).id(), facilitator.id())) {
			await().atMost(5, TimeUnit.SECONDS)
				.until(() -> jdbc.sql(
						"select count(*) from notifications where account_id = :a and kind = 'session.reminder' and subject_id = :s")
					.param("a", person)
					.param("s", first)
					.query(Long.class)
					.single() == 1);
		}
		assertThat(reminders((UUID) sessions.get(1).get("id"))).isZero();
	}

	@Test
	void aNodeThatWasDownCatchesUpOnEveryMissedStepInOrder() throws Exception {
		UUID seriesId = closedSeries(8, 1);
		enrol(seriesId, 1);
		List<Map<String, Object>> sessions = sessions(seriesId);
		Instant thirdEnded = (Instant) sessions.get(2).get("ends_at");

		CLOCK.set(thirdEnded.plus(Duration.ofHours(1)));
		tickBothNodes();

		for (int i = 0; i < 3; i++) {
			UUID session = (UUID) sessions.get(i).get("id");
			assertThat(state(session)).isEqualTo("ENDED");
			assertThat(transitions(session)).containsExactly("LOBBY", "LIVE", "ENDED");
		}
		assertThat(state((UUID) sessions.get(3).get("id"))).isEqualTo("SCHEDULED");
	}

	@Test
	void aClosedGroupUnderItsMinimumIsCancelledOnItsDecisionDate() throws Exception {
		UUID tooSmall = closedSeries(8, 4);
		List<Session> disappointed = enrol(tooSmall, 2);
		UUID bigEnough = closedSeries(8, 2);
		enrol(bigEnough, 2);
		LocalDate decision = jdbc.sql("select decision_date from series where id = :id")
			.param("id", tooSmall)
			.query(LocalDate.class)
			.single();

		// decided at the first tick on or after midnight of the decision date in
		// Helsinki, not by UTC's date
		CLOCK.set(decision.minusDays(1).atTime(23, 59).atZone(Recurrence.HELSINKI).toInstant());
		tickBothNodes();
		assertThat(seriesState(tooSmall)).as("a minute before the decision date").isEqualTo("PLANNED");
		assertThat(seriesState(bigEnough)).isEqualTo("PLANNED");

		CLOCK.set(decision.atTime(0, 5).atZone(Recurrence.HELSINKI).toInstant());
		tickBothNodes();

		assertThat(seriesState(tooSmall)).isEqualTo("CANCELLED");
		assertThat(jdbc.sql("select distinct state from series_sessions where series_id = :id")
			.param("id", tooSmall)
			.query(String.class)
			.list()).containsExactly("CANCELLED");
		assertThat(seriesState(bigEnough)).isEqualTo("CONFIRMED");
		for (Session parent : disappointed) {
			await().atMost(5, TimeUnit.SECONDS)
				.until(() -> jdbc.sql(
						"select count(*) from notifications where account_id = :a and kind = 'series.cancelled' and subject_id = :s")
					.param("a", parent.id())
					.param("s", tooSmall)
					.query(Long.class)
					.single() == 1);
		}

		CLOCK.set(((Instant) sessions(tooSmall).get(0).get("starts_at")).plus(Duration.ofMinutes(1)));
		tickBothNodes();
		assertThat(jdbc.sql("select count(*) from series_sessions where series_id = :id and room_id is not null")
			.param("id", tooSmall)
			.query(Long.class)
			.single()).isZero();
	}

	private void tickBothNodes() throws Exception {
		SessionLifecycle secondNodeLifecycle = secondNode.getBean(SessionLifecycle.class);
		ExecutorService pool = Executors.newFixedThreadPool(4);
		CountDownLatch go = new CountDownLatch(1);
		List<Future<?>> ticks = new ArrayList<>();
		for (SessionLifecycle node : List.of(firstNodeLifecycle, secondNodeLifecycle, firstNodeLifecycle,
				secondNodeLifecycle)) {
			ticks.add(pool.submit(() -> {
				go.await();
				node.tick();
				return null;
			}));
		}
		go.countDown();
		for (Future<?> tick : ticks) {
			tick.get();
		}
		pool.shutdown();
	}

	private UUID closedSeries(int capacity, int minimum) {
		var plan = SeriesPlans.closedGroup("Lifecycle " + UUID.randomUUID().toString().substring(0, 8),
				LocalDate.now(Recurrence.HELSINKI).plusWeeks(2), capacity, minimum, facilitator.id());
		var created = api.post("/api/series", plan, admin.accessToken());
		assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
		return UUID.fromString(created.text("id"));
	}

	private List<Session> enrol(UUID seriesId, int count) {
		List<Session> parents = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			Session parent = api.registerParent("Osallistuja " + i);
			assertThat(
					api.post("/api/series/" + seriesId + "/enrolment", Map.of(), parent.accessToken()).text("status"))
				.isEqualTo("ENROLLED");
			parents.add(parent);
		}
		return parents;
	}

	private List<Map<String, Object>> sessions(UUID seriesId) {
		return jdbc.sql("select id, starts_at, ends_at from series_sessions where series_id = :id order by position")
			.param("id", seriesId)
			.query((rs, n) -> Map.<String, Object>of("id", rs.getObject("id", UUID.class), "starts_at",
					rs.getTimestamp("starts_at").toInstant(), "ends_at", rs.getTimestamp("ends_at").toInstant()))
			.list();
	}

	private String state(UUID sessionId) {
		return jdbc.sql("select state from series_sessions where id = :id")
			.param("id", sessionId)
			.query(String.class)
			.single();
	}

	private long attendanceRows(UUID sessionId) {
		return jdbc.sql("select count(*) from attendance where session_id = :id")
			.param("id", sessionId)
			.query(Long.class)
			.single();
	}

	private long secondsPresent(UUID sessionId, UUID accountId) {
		return jdbc.sql("select seconds_present from attendance where session_id = :s and account_id = :a")
			.param("s", sessionId)
			.param("a", accountId)
			.query(Long.class)
			.single();
	}

	private long reminders(UUID sessionId) {
		return jdbc.sql("select count(*) from session_transitions where session_id = :id and to_state = 'REMINDED'")
			.param("id", sessionId)
			.query(Long.class)
			.single();
	}

	private String seriesState(UUID seriesId) {
		return jdbc.sql("select state from series where id = :id").param("id", seriesId).query(String.class).single();
	}

	private List<String> transitions(UUID sessionId) {
		return jdbc.sql(
				"select to_state from session_transitions where session_id = :id and to_state not in ('REMINDED', 'REMINDED_1H') order by at, case to_state when 'LOBBY' then 1 when 'LIVE' then 2 else 3 end")
			.param("id", sessionId)
			.query(String.class)
			.list();
	}

}
