package fi.tukipiiri.series;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Timestamp;
import java.util.ArrayList;
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
import fi.tukipiiri.support.SeriesPlans;
import fi.tukipiiri.support.SharedTestClock;

/**
 * Only parents attend: a session's facilitators and peer supporters, and administrators
 * and coordinators who look in, are present in its room but never counted as attendees,
 * never asked for feedback, refused when they answer, and kept out of every aggregate;
 * what part someone was there in is taken when they arrive, so later staff changes do not
 * turn them into parents.
 */
@IntegrationTest
@Import(SharedTestClock.Config.class)
@TestPropertySource(properties = "tukipiiri.series.lifecycle-tick=1h")
class StaffAttendanceIT {

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
	void aClosedGroupsStaffAndAnAdministratorLookingInAreNotAttendees() {
		Person facilitator = series.person(api.staffMember("Ohjaaja Aino", "FACILITATOR"));
		Person peerSupporter = series.person(api.staffMember("Vertaistoimija Veera", "PEER_SUPPORTER"));
		Person coordinator = series.person(api.staffMember("Koordinaattori Kalle", "COORDINATOR"));
		Person otherFacilitator = series.person(api.staffMember("Ohjaaja Eero", "FACILITATOR"));
		Person admin = series.person(ClockedSeries.ADMIN);
		Planned planned = series.plan("Henkilöstö ei osallistu", 8, 1, List.of(facilitator), List.of(peerSupporter));
		UUID seriesId = planned.id();
		Person parent = series.person(api.registerParent("Vanhempi Pia"));
		series.enrol(planned, parent);
		// staff who also enrol in their own group stay staff in its rooms
		assertThat(
				api.post("/api/series/" + seriesId + "/enrolment", Map.of(), series.login(peerSupporter).accessToken())
					.text("status"))
			.isEqualTo("ENROLLED");
		UUID sessionId = planned.sessionId(0);

		UUID room = series.attend(planned, 0, List.of(facilitator, peerSupporter, parent, admin));
		assertThat(roomRole(room, peerSupporter)).isEqualTo("PEER_SUPPORTER");
		assertThat(api
			.put("/api/feedback/sessions/" + sessionId + "/self-assessment", Map.of("values", Map.of()),
					series.login(facilitator).accessToken())
			.code()).as("a facilitator's self-assessment").isEqualTo("feedback.session_staff");
		series.end(planned, 0);

		// people taken off the series after the session still were its staff then
		assertThat(api
			.put("/api/series/" + seriesId + "/staff",
					Map.of("facilitatorIds", List.of(otherFacilitator.id().toString()), "peerSupporterIds", List.of()),
					series.login(coordinator).accessToken())
			.status()).isEqualTo(200);

		JsonNode attendance = api
			.get("/api/series/" + seriesId + "/attendance", series.login(coordinator).accessToken())
			.body()
			.get(0);
		assertThat(attendance.path("attendees").size()).as(attendance.toString()).isEqualTo(1);
		assertThat(attendance.path("attendees").get(0).path("accountId").asString()).isEqualTo(parent.id().toString());
		assertThat(staff(attendance)).containsExactlyInAnyOrder(facilitator.id() + ":FACILITATOR",
				peerSupporter.id() + ":PEER_SUPPORTER", admin.id() + ":OVERSEER");

		await().atMost(5, TimeUnit.SECONDS).until(() -> feedbackRequests(sessionId) == 1);
		assertThat(
				jdbc.sql("select account_id from notifications where kind = 'feedback.requested' and subject_id = :s")
					.param("s", sessionId)
					.query(UUID.class)
					.list())
			.containsExactly(parent.id());
		for (Person staff : List.of(facilitator, peerSupporter, admin)) {
			String token = series.login(staff).accessToken();
			assertThat(api.get("/api/me/feedback", token).body().size()).as("forms offered to " + staff).isZero();
			Response refused = api.put("/api/feedback/sessions/" + sessionId, Map.of("rating", 5), token);
			assertThat(refused.status()).isEqualTo(403);
			assertThat(refused.code()).isEqualTo("feedback.session_staff");
		}
		assertThat(api
			.put("/api/feedback/sessions/" + sessionId, Map.of("rating", 5),
					series.login(series.person(api.registerParent("Poissa Olli"))).accessToken())
			.code()).as("someone who was not there at all").isEqualTo("feedback.not_attended");
		String parentToken = series.login(parent).accessToken();
		assertThat(api.get("/api/me/feedback", parentToken).body().size()).isEqualTo(1);
		assertThat(api.put("/api/feedback/sessions/" + sessionId, Map.of("rating", 4, "anonymous", false), parentToken)
			.status()).isEqualTo(200);
		assertThat(api.put(
				"/api/feedback/sessions/" + sessionId + "/self-assessment", Map.of("values", Map.of("everyday-coping",
						3, "recognising-emotions", 3, "regulating-emotions", 3, "co-parenting", 3, "wellbeing", 6)),
				parentToken)
			.status()).isEqualTo(204);
		// answers by staff, as they could be stored before staff were refused
		for (Person staff : List.of(facilitator, peerSupporter)) {
			storeAnswers(seriesId, sessionId, staff);
		}

		JsonNode report = api.get("/api/feedback/reports/" + seriesId, series.login(coordinator).accessToken()).body();
		JsonNode row = report.path("sessions").get(0);
		assertThat(row.path("attended").asInt()).as(report.toString()).isEqualTo(1);
		assertThat(report.path("attendedAny").asInt()).isEqualTo(1);
		assertThat(row.path("feedback").path("answers").asInt()).as("the parent's answer only").isEqualTo(1);
		assertThat(report.path("feedback").path("answers").asInt()).isEqualTo(1);
		assertThat(report.path("selfAssessment").get(0).path("first").path("answers").asInt()).isEqualTo(1);
		String csv = api.get("/api/feedback/reports/" + seriesId + "/csv", series.login(coordinator).accessToken())
			.raw()
			.body();
		assertThat(csv).contains("session,1,,attended,1").contains("series,,,attended_any,1");
		JsonNode signed = api
			.get("/api/feedback/reports/" + seriesId + "/sessions/" + sessionId + "/signed",
					series.login(coordinator).accessToken())
			.body();
		assertThat(signed.size()).as(signed.toString()).isEqualTo(1);
		assertThat(signed.get(0).path("rating").asInt()).isEqualTo(4);
	}

	@Test
	void aCoordinatorOpeningAnOpenChatIsNotCountedAmongItsParents() {
		Person facilitator = series.person(api.staffMember("Ohjaaja Olga", "FACILITATOR"));
		Person coordinator = series.person(api.staffMember("Koordinaattori Kaisa", "COORDINATOR"));
		Map<String, Object> plan = series.closedGroup("Avoin chat", 8, 1, List.of(facilitator), List.of());
		plan.put("templateId", SeriesPlans.OPEN_CHATS_TEMPLATE);
		Planned planned = series.plan(plan);
		UUID seriesId = planned.id();
		Person parent = series.person(api.registerParent("Vanhempi Paula"));

		// subscribing to an open chat makes anyone a participant member, a coordinator
		// too
		UUID room = series.attend(planned, 0, List.of(facilitator, coordinator, parent));
		assertThat(roomRole(room, coordinator)).isEqualTo("PARTICIPANT");
		series.end(planned, 0);

		JsonNode attendance = api
			.get("/api/series/" + seriesId + "/attendance", series.login(coordinator).accessToken())
			.body()
			.get(0);
		assertThat(attendance.path("attendees").size()).as(attendance.toString()).isEqualTo(1);
		assertThat(staff(attendance)).containsExactlyInAnyOrder(facilitator.id() + ":FACILITATOR",
				coordinator.id() + ":OVERSEER");
		JsonNode report = api.get("/api/feedback/reports/" + seriesId, series.login(coordinator).accessToken()).body();
		assertThat(report.path("sessions").get(0).path("attended").asInt()).as(report.toString()).isEqualTo(1);
		assertThat(report.path("attendedAny").asInt()).isEqualTo(1);
		assertThat(api.get("/api/me/feedback", series.login(coordinator).accessToken()).body().size()).isZero();
		assertThat(api.get("/api/me/feedback", series.login(parent).accessToken()).body().size()).isEqualTo(1);
	}

	/** A signed feedback answer and a first self-assessment, straight into the tables. */
	private void storeAnswers(UUID seriesId, UUID sessionId, Person staff) {
		Timestamp now = Timestamp.from(CLOCK.instant());
		jdbc.sql(
				"""
						insert into session_feedback (session_id, account_id, series_id, rating, helped, anonymous, submitted_at, updated_at)
						values (:session, :account, :series, 1, 'Ohjaajan oma vastaus', false, :at, :at)
						""")
			.param("session", sessionId)
			.param("account", staff.id())
			.param("series", seriesId)
			.param("at", now)
			.update();
		for (String item : List.of("everyday-coping", "recognising-emotions", "regulating-emotions", "co-parenting",
				"wellbeing")) {
			jdbc.sql("""
					insert into self_assessment_answers (series_id, account_id, phase, item, value, submitted_at)
					values (:series, :account, 'FIRST', :item, 1, :at)
					""")
				.param("series", seriesId)
				.param("account", staff.id())
				.param("item", item)
				.param("at", now)
				.update();
		}
	}

	private static List<String> staff(JsonNode attendance) {
		List<String> staff = new ArrayList<>();
		attendance.path("staff")
			.forEach(person -> staff
				.add(person.path("accountId").asString() + ":" + person.path("presentAs").asString()));
		return staff;
	}

	private String roomRole(UUID room, Person person) {
		return jdbc.sql("select role from room_members where room_id = :r and account_id = :a")
			.param("r", room)
			.param("a", person.id())
			.query(String.class)
			.single();
	}

	private long feedbackRequests(UUID sessionId) {
		return jdbc.sql("select count(*) from notifications where kind = 'feedback.requested' and subject_id = :s")
			.param("s", sessionId)
			.query(Long.class)
			.single();
	}

}
