package fi.tukipiiri.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
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
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import fi.tukipiiri.support.ApiClient;
import fi.tukipiiri.support.ApiClient.Response;
import fi.tukipiiri.support.ClockedSeries;
import fi.tukipiiri.support.ClockedSeries.Person;
import fi.tukipiiri.support.ClockedSeries.Planned;
import fi.tukipiiri.support.IntegrationTest;
import fi.tukipiiri.support.SharedTestClock;

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
	void feedbackAndSelfAssessmentFromAttendeesOnlyAndReportsThatSingleNobodyOut() {
		Person facilitator = series.person(api.staffMember("Ohjaaja Aino", "FACILITATOR"));
		Person coordinator = series.person(api.staffMember("Koordinaattori Kalle", "COORDINATOR"));
		Person otherFacilitator = series.person(api.staffMember("Ohjaaja Eero", "FACILITATOR"));
		Planned planned = series.plan("Minä, tunteet ja taidot", 8, 1, List.of(facilitator), List.of());
		UUID seriesId = planned.id();
		List<Person> parents = new ArrayList<>();
		for (int i = 0; i < 7; i++) {
			Person parent = series.person(api.registerParent("Vanhempi " + i));
			series.enrol(planned, parent);
			parents.add(parent);
		}
		List<Person> attendees = parents.subList(0, 6);
		Person absent = parents.get(6);
		UUID first = planned.sessionId(0);

		series.attend(planned, 0, attendees);
		assertThat(api
			.put("/api/feedback/sessions/" + first, Map.of("rating", 5), series.login(attendees.get(0)).accessToken())
			.code()).as("feedback before the session has ended").isEqualTo("feedback.not_open");
		for (int i = 0; i < 5; i++) {
			Response assessed = api.put("/api/feedback/sessions/" + first + "/self-assessment",
					Map.of("values", values(2 + i % 2, 4)), series.login(attendees.get(i)).accessToken());
			assertThat(assessed.status()).as(assessed.body().toString()).isEqualTo(204);
		}
		Map<String, Integer> incomplete = new LinkedHashMap<>(values(3, 5));
		incomplete.remove("wellbeing");
		assertThat(api
			.put("/api/feedback/sessions/" + first + "/self-assessment", Map.of("values", incomplete),
					series.login(attendees.get(5)).accessToken())
			.code()).isEqualTo("feedback.invalid_answer");
		assertThat(api
			.put("/api/feedback/sessions/" + first + "/self-assessment", Map.of("values", values(3, 5)),
					series.login(absent).accessToken())
			.code()).isEqualTo("feedback.not_attended");

		series.end(planned, 0);
		await().atMost(5, TimeUnit.SECONDS)
			.until(() -> jdbc
				.sql("select count(*) from notifications where kind = 'feedback.requested' and subject_id = :s")
				.param("s", first)
				.query(Long.class)
				.single() == attendees.size());
		JsonNode notice = api.get("/api/notifications", series.login(attendees.get(0)).accessToken()).body().get(0);
		assertThat(notice.path("kind").asString()).isEqualTo("feedback.requested");
		assertThat(notice.path("params").path("seriesTitle").asString()).startsWith("Minä, tunteet ja taidot");
		assertThat(notice.path("params").path("themeFi").asString()).isNotBlank();
		JsonNode pending = api.get("/api/me/feedback", series.login(attendees.get(0)).accessToken()).body();
		assertThat(pending.get(0).path("sessionId").asString()).isEqualTo(first.toString());
		assertThat(pending.get(0).path("selfAssessment").asString()).isEqualTo("FIRST");
		assertThat(pending.get(0).path("selfAssessmentAnswered").asBoolean()).isTrue();
		assertThat(api.get("/api/me/feedback", series.login(absent).accessToken()).body().size()).isZero();

		for (int i = 0; i < 4; i++) {
			Map<String, Object> answer = Map.of("rating", 4, "helped", "Vertaisten tarinat " + i, "better", "",
					"freeText", "", "anonymous", i != 0);
			assertThat(api.put("/api/feedback/sessions/" + first, answer, series.login(attendees.get(i)).accessToken())
				.status()).isEqualTo(200);
		}
		assertThat(api
			.put("/api/feedback/sessions/" + first, Map.of("rating", 6), series.login(attendees.get(4)).accessToken())
			.status()).isEqualTo(400);
		assertThat(api.put("/api/feedback/sessions/" + first, Map.of("rating", 3), series.login(absent).accessToken())
			.code()).isEqualTo("feedback.not_attended");

		String coordinatorToken = series.login(coordinator).accessToken();
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
					series.login(attendees.get(4)).accessToken())
			.status()).isEqualTo(200);
		assertThat(api
			.put("/api/feedback/sessions/" + first,
					Map.of("rating", 5, "helped", "Vertaisten tarinat 0", "anonymous", false),
					series.login(attendees.get(0)).accessToken())
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
					series.login(facilitator).accessToken())
			.body();
		assertThat(signed.size()).as("only the one answer its writer signed").isEqualTo(1);
		assertThat(signed.get(0).path("displayName").asString()).isEqualTo("Vanhempi 0");

		assertThat(api.get("/api/feedback/reports/" + seriesId, series.login(facilitator).accessToken()).status())
			.isEqualTo(200);
		assertThat(api.get("/api/feedback/reports/" + seriesId, series.login(otherFacilitator).accessToken()).code())
			.isEqualTo("feedback.forbidden");
		assertThat(api.get("/api/feedback/reports/" + seriesId, series.login(attendees.get(1)).accessToken()).code())
			.isEqualTo("feedback.forbidden");
		assertThat(api
			.get("/api/feedback/reports/" + seriesId + "/sessions/" + first + "/signed",
					series.login(attendees.get(1)).accessToken())
			.code()).isEqualTo("feedback.forbidden");

		UUID last = planned.sessionId(planned.last());
		series.attend(planned, planned.last(), attendees.subList(0, 5));
		for (int i = 0; i < 5; i++) {
			assertThat(api
				.put("/api/feedback/sessions/" + last + "/self-assessment", Map.of("values", values(4, 7)),
						series.login(attendees.get(i)).accessToken())
				.status()).isEqualTo(204);
		}
		series.end(planned, planned.last());
		JsonNode outcome = report(seriesId, series.login(coordinator).accessToken());
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
			assertThat(everything).doesNotContain(parent.displayName())
				.doesNotContain(parent.id().toString())
				.doesNotContain(parent.username());
		}

		CLOCK.set(planned.endsAt(0).plus(Duration.ofDays(8)));
		assertThat(api
			.put("/api/feedback/sessions/" + first, Map.of("rating", 1), series.login(attendees.get(1)).accessToken())
			.code()).as("after the editing period").isEqualTo("feedback.not_open");
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

}
