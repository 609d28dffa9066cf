package fi.tukipiiri.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import fi.tukipiiri.series.Recurrence;
import fi.tukipiiri.series.LifecycleTicks;
import fi.tukipiiri.support.ApiClient;
import fi.tukipiiri.support.ApiClient.Response;
import fi.tukipiiri.support.ApiClient.Session;
import fi.tukipiiri.support.IntegrationTest;
import fi.tukipiiri.support.SeriesPlans;
import fi.tukipiiri.support.SharedTestClock;
import fi.tukipiiri.support.StompTestClient;

/**
 * A closed group met for real (parents in the session rooms on a hand-moved clock):
 * feedback and self-assessments only from those who came, once each, and reports that
 * show aggregates only from five answers up and never a name.
 */
@IntegrationTest
@Import(SharedTestClock.Config.class)
@TestPropertySource(properties = "tukipiiri.series.lifecycle-tick=1h")
class FeedbackIT {

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

	record Person(String username, UUID id, String name) {
	}

	@Test
	void feedbackAndSelfAssessmentFromAttendeesOnlyAndReportsThatSingleNobodyOut() {
		Session admin = api.login("root-admin", "test-admin-password");
		Session facilitatorSession = api.staffMember("Ohjaaja Aino", "FACILITATOR");
		Person facilitator = person(facilitatorSession);
		Person coordinator = person(api.staffMember("Koordinaattori Kalle", "COORDINATOR"));
		Person otherFacilitator = person(api.staffMember("Ohjaaja Eero", "FACILITATOR"));
		var plan = SeriesPlans.closedGroup("Minä, tunteet ja taidot " + UUID.randomUUID().toString().substring(0, 6),
				LocalDate.now(Recurrence.HELSINKI).plusWeeks(2), 8, 1, facilitatorSession.id());
		UUID seriesId = UUID.fromString(api.post("/api/series", plan, admin.accessToken()).text("id"));
		List<Person> parents = new ArrayList<>();
		for (int i = 0; i < 7; i++) {
			Session parent = api.registerParent("Vanhempi " + i);
			assertThat(
					api.post("/api/series/" + seriesId + "/enrolment", Map.of(), parent.accessToken()).text("status"))
				.isEqualTo("ENROLLED");
			parents.add(person(parent, "Vanhempi " + i));
		}
		List<Person> attendees = parents.subList(0, 6);
		Person absent = parents.get(6);
		List<Map<String, Object>> sessions = sessions(seriesId);
		UUID first = (UUID) sessions.get(0).get("id");

		attend(sessions.get(0), attendees);
		assertThat(
				api.put("/api/feedback/sessions/" + first, Map.of("rating", 5), login(attendees.get(0)).accessToken())
					.code())
			.as("feedback before the session has ended")
			.isEqualTo("feedback.not_open");
		for (int i = 0; i < 5; i++) {
			Response assessed = api.put("/api/feedback/sessions/" + first + "/self-assessment",
					Map.of("values", values(2 + i % 2, 4)), login(attendees.get(i)).accessToken());
			assertThat(assessed.status()).as(assessed.body().toString()).isEqualTo(204);
		}
		Map<String, Integer> incomplete = new LinkedHashMap<>(values(3, 5));
		incomplete.remove("wellbeing");
		assertThat(api
			.put("/api/feedback/sessions/" + first + "/self-assessment", Map.of("values", incomplete),
					login(attendees.get(5)).accessToken())
			.code()).isEqualTo("feedback.invalid_answer");
		assertThat(api
			.put("/api/feedback/sessions/" + first + "/self-assessment", Map.of("values", values(3, 5)),
					login(absent).accessToken())
			.code()).isEqualTo("feedback.not_attended");

		endAndTick((Instant) sessions.get(0).get("ends_at"));
		await().atMost(5, TimeUnit.SECONDS)
			.until(() -> jdbc
				.sql("select count(*) from notifications where kind = 'feedback.requested' and subject_id = :s")
				.param("s", first)
				.query(Long.class)
				.single() == attendees.size());
		JsonNode notice = api.get("/api/notifications", login(attendees.get(0)).accessToken()).body().get(0);
		assertThat(notice.path("kind").asString()).isEqualTo("feedback.requested");
		assertThat(notice.path("params").path("seriesTitle").asString()).startsWith("Minä, tunteet ja taidot");
		assertThat(notice.path("params").path("themeFi").asString()).isNotBlank();
		JsonNode pending = api.get("/api/me/feedback", login(attendees.get(0)).accessToken()).body();
		assertThat(pending.get(0).path("sessionId").asString()).isEqualTo(first.toString());
		assertThat(pending.get(0).path("selfAssessment").asString()).isEqualTo("FIRST");
		assertThat(pending.get(0).path("selfAssessmentAnswered").asBoolean()).isTrue();
		assertThat(api.get("/api/me/feedback", login(absent).accessToken()).body().size()).isZero();

		for (int i = 0; i < 4; i++) {
			Map<String, Object> answer = Map.of("rating", 4, "helped", "Vertaisten tarinat " + i, "better", "",
					"freeText", "", "anonymous", i != 0);
			assertThat(
					api.put("/api/feedback/sessions/" + first, answer, login(attendees.get(i)).accessToken()).status())
				.isEqualTo(200);
		}
		assertThat(
				api.put("/api/feedback/sessions/" + first, Map.of("rating", 6), login(attendees.get(4)).accessToken())
					.status())
			.isEqualTo(400);
		assertThat(api.put("/api/feedback/sessions/" + first, Map.of("rating", 3), login(absent).accessToken()).code())
			.isEqualTo("feedback.not_attended");

		String coordinatorToken = login(coordinator).accessToken();
		JsonNode withheld = report(seriesId, coordinatorToken);
		JsonNode firstRow = withheld.path("sessions").get(0);
		assertThat(firstRow.path("attended").asInt()).isEqualTo(6);
		assertThat(firstRow.path("feedback").path("answers").asInt()).isEqualTo(4);
		assertThat(firstRow.path("feedback").path("withheld").asBoolean()).isTrue();
		// withheld: present, as every field is, but without a value
		assertThat(firstRow.path("feedback").path("averageRating").isNull()).isTrue();
		assertThat(firstRow.path("feedback").path("helped").isNull()).isTrue();
		String withheldCsv = api.get("/api/feedback/reports/" + seriesId + "/csv", coordinatorToken).raw().body();
		assertThat(withheldCsv).contains("session,1,,feedback_answers,4")
			.contains("session,1,,rating_average,withheld")
			.doesNotContain("Vertaisten");

		assertThat(api
			.put("/api/feedback/sessions/" + first, Map.of("rating", 2, "better", "Enemmän aikaa"),
					login(attendees.get(4)).accessToken())
			.status()).isEqualTo(200);
		assertThat(api
			.put("/api/feedback/sessions/" + first,
					Map.of("rating", 5, "helped", "Vertaisten tarinat 0", "anonymous", false),
					login(attendees.get(0)).accessToken())
			.status()).as("an answer is changed, not added").isEqualTo(200);
		JsonNode shown = report(seriesId, coordinatorToken).path("sessions").get(0).path("feedback");
		assertThat(shown.path("answers").asInt()).isEqualTo(5);
		assertThat(shown.path("withheld").asBoolean()).isFalse();
		assertThat(shown.path("averageRating").asDouble()).isEqualTo(3.8);
		assertThat(shown.path("ratingCounts").toString()).isEqualTo("[0,1,0,3,1]");
		assertThat(shown.path("helped").toString()).contains("Vertaisten tarinat 0", "Vertaisten tarinat 3");
		assertThat(shown.path("better").toString()).contains("Enemmän aikaa");
		var csvResponse = api.get("/api/feedback/reports/" + seriesId + "/csv", coordinatorToken);
		String csv = csvResponse.raw().body();
		assertThat(csv).startsWith("\uFEFFsection,session,item,metric,value\r\n")
			.contains("session,1,,rating_average,3.8")
			.contains("session,1,,rating_4,3");
		assertThat(csvResponse.header("Content-Type")).startsWith("text/csv").contains("charset=UTF-8");
		var excel = api.get("/api/feedback/reports/" + seriesId + "/csv?format=excel-fi", coordinatorToken);
		assertThat(excel.header("Content-Disposition")).contains("tukipiiri-report-" + seriesId + "-excel-fi.csv");
		assertThat(excel.raw().body()).startsWith("\uFEFFsection;session;item;metric;value\r\n")
			.contains("session;1;;rating_average;3,8")
			.contains("session;1;;rating_4;3")
			.contains("session;1;;feedback_answers;5");
		var unknownFormat = api.get("/api/feedback/reports/" + seriesId + "/csv?format=xlsx", coordinatorToken);
		assertThat(unknownFormat.status()).isEqualTo(400);
		assertThat(unknownFormat.body().path("errors").get(0).path("field").asString()).isEqualTo("format");

		JsonNode signed = api
			.get("/api/feedback/reports/" + seriesId + "/sessions/" + first + "/signed",
					login(facilitator).accessToken())
			.body();
		assertThat(signed.size()).as("only the one answer its writer signed").isEqualTo(1);
		assertThat(signed.get(0).path("displayName").asString()).isEqualTo("Vanhempi 0");

		assertThat(api.get("/api/feedback/reports/" + seriesId, login(facilitator).accessToken()).status())
			.isEqualTo(200);
		assertThat(api.get("/api/feedback/reports/" + seriesId, login(otherFacilitator).accessToken()).code())
			.isEqualTo("feedback.forbidden");
		assertThat(api.get("/api/feedback/reports/" + seriesId, login(attendees.get(1)).accessToken()).code())
			.isEqualTo("feedback.forbidden");
		assertThat(api
			.get("/api/feedback/reports/" + seriesId + "/sessions/" + first + "/signed",
					login(attendees.get(1)).accessToken())
			.code()).isEqualTo("feedback.forbidden");

		Map<String, Object> lastSession = sessions.get(sessions.size() - 1);
		UUID last = (UUID) lastSession.get("id");
		attend(lastSession, attendees.subList(0, 5));
		for (int i = 0; i < 5; i++) {
			assertThat(api
				.put("/api/feedback/sessions/" + last + "/self-assessment", Map.of("values", values(4, 7)),
						login(attendees.get(i)).accessToken())
				.status()).isEqualTo(204);
		}
		endAndTick((Instant) lastSession.get("ends_at"));
		JsonNode outcome = report(seriesId, login(coordinator).accessToken());
		assertThat(outcome.path("enrolled").asInt()).isEqualTo(7);
		assertThat(outcome.path("attendedAny").asInt()).isEqualTo(6);
		assertThat(outcome.path("dropOut").asInt()).as("came once, not to the last meeting").isEqualTo(1);
		JsonNode coping = outcome.path("selfAssessment").get(0);
		assertThat(coping.path("key").asString()).isEqualTo("everyday-coping");
		assertThat(coping.path("first").path("average").asDouble()).isEqualTo(2.4);
		assertThat(coping.path("last").path("average").asDouble()).isEqualTo(4.0);
		assertThat(coping.path("change").path("answers").asInt()).isEqualTo(5);
		assertThat(coping.path("change").path("average").asDouble()).isEqualTo(1.6);

		String everything = outcome.toString() + csv + withheld;
		for (Person parent : parents) {
			assertThat(everything).doesNotContain(parent.name())
				.doesNotContain(parent.id().toString())
				.doesNotContain(parent.username());
		}

		CLOCK.set(((Instant) sessions.get(0).get("ends_at")).plus(Duration.ofDays(8)));
		assertThat(
				api.put("/api/feedback/sessions/" + first, Map.of("rating", 1), login(attendees.get(1)).accessToken())
					.code())
			.as("after the editing period")
			.isEqualTo("feedback.not_open");
	}

	/**
	 * Opens the session's lobby, puts the people in its room until attendance is
	 * recorded, and lets them go.
	 */
	private void attend(Map<String, Object> session, List<Person> people) {
		CLOCK.set(((Instant) session.get("starts_at")).minus(Duration.ofMinutes(10)));
		LifecycleTicks.tick(node);
		UUID sessionId = (UUID) session.get("id");
		UUID room = jdbc.sql("select room_id from series_sessions where id = :id")
			.param("id", sessionId)
			.query(UUID.class)
			.single();
		List<StompTestClient> connections = new ArrayList<>();
		for (Person person : people) {
			StompTestClient connection = StompTestClient.connect(api.baseUrl(), login(person).accessToken());
			connection.subscribe("/topic/rooms/" + room);
			connections.add(connection);
		}
		await().atMost(10, TimeUnit.SECONDS)
			.until(() -> jdbc.sql("select count(*) from attendance where session_id = :s")
				.param("s", sessionId)
				.query(Long.class)
				.single() == people.size());
		CLOCK.advance(Duration.ofMinutes(30));
		connections.forEach(StompTestClient::close);
	}

	private void endAndTick(Instant endsAt) {
		CLOCK.set(endsAt.plus(Duration.ofMinutes(11)));
		LifecycleTicks.tick(node);
	}

	private JsonNode report(UUID seriesId, String token) {
		Response report = api.get("/api/feedback/reports/" + seriesId, token);
		assertThat(report.status()).as(report.body().toString()).isEqualTo(200);
		return report.body();
	}

	/**
	 * Every self-assessment item: the 1–5 items at {@code fiveScale}, well-being at
	 * {@code tenScale}.
	 */
	private static Map<String, Integer> values(int fiveScale, int tenScale) {
		Map<String, Integer> values = new LinkedHashMap<>();
		for (String item : List.of("everyday-coping", "recognising-emotions", "regulating-emotions", "co-parenting")) {
			values.put(item, fiveScale);
		}
		values.put("wellbeing", tenScale);
		return values;
	}

	/** Signed in under the current (moved) clock, so the token is valid at that time. */
	private Session login(Person person) {
		return api.login(person.username(), person.username().startsWith("root") ? "test-admin-password" : PASSWORD);
	}

	private Person person(Session session, String name) {
		return new Person(api.get("/api/me", session.accessToken()).text("username"), session.id(), name);
	}

	private Person person(Session session) {
		return person(session, api.displayName(session));
	}

	private List<Map<String, Object>> sessions(UUID seriesId) {
		return jdbc.sql("select id, starts_at, ends_at from series_sessions where series_id = :id order by position")
			.param("id", seriesId)
			.query((rs, n) -> Map.<String, Object>of("id", rs.getObject("id", UUID.class), "starts_at",
					rs.getTimestamp("starts_at").toInstant(), "ends_at", rs.getTimestamp("ends_at").toInstant()))
			.list();
	}

}
