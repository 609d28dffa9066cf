package fi.tukipiiri.notifications;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import tools.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.messaging.simp.user.SimpUserRegistry;

import fi.tukipiiri.support.ApiClient;
import fi.tukipiiri.support.ApiClient.Session;
import fi.tukipiiri.support.IntegrationTest;
import fi.tukipiiri.support.SeriesPlans;
import fi.tukipiiri.support.StompTestClient;

import static fi.tukipiiri.support.StompTestClient.next;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@IntegrationTest
class NotificationsIT {

	@Autowired
	ApiClient api;

	@Autowired
	SimpUserRegistry users;

	@Test
	void enrolmentAndPromotionAreNotifiedLiveAndKept() {
		String series = closedSeries(1);
		Session first = api.registerParent("Ensimmäinen");
		Session second = api.registerParent("Toinen");
		try (var live = StompTestClient.connect(api.baseUrl(), second.accessToken())) {
			var inbox = live.subscribe("/user/queue/notifications");
			api.post("/api/series/" + series + "/enrolment", Map.of(), first.accessToken());
			api.post("/api/series/" + series + "/enrolment", Map.of(), second.accessToken());
			JsonNode waitlisted = next(inbox, "waitlist notice");
			assertThat(waitlisted.path("kind").asString()).isEqualTo("enrolment.waitlisted");
			assertThat(waitlisted.path("params").path("seriesTitle").asString()).isEqualTo("Ilmoitusryhmä");

			api.delete("/api/series/" + series + "/enrolment", first.accessToken());
			assertThat(next(inbox, "promotion notice").path("kind").asString()).isEqualTo("enrolment.promoted");
		}
		List<String> kinds = kinds(second);
		assertThat(kinds).containsExactly("enrolment.promoted", "enrolment.waitlisted");
		await().atMost(5, TimeUnit.SECONDS).until(() -> kinds(first).contains("enrolment.enrolled"));
		assertThat(kinds(first)).doesNotContain("enrolment.promoted");
	}

	@Test
	void aNoticeReachesEveryOpenConnectionOfThePerson() {
		String series = closedSeries(3);
		Session parent = api.registerParent("Kaksi välilehteä");
		try (var phone = StompTestClient.connect(api.baseUrl(), parent.accessToken());
				var laptop = StompTestClient.connect(api.baseUrl(), parent.accessToken())) {
			var onPhone = phone.subscribe("/user/queue/notifications");
			var onLaptop = laptop.subscribe("/user/queue/notifications");
			await().atMost(5, TimeUnit.SECONDS)
				.until(() -> users
					.findSubscriptions(
							subscription -> subscription.getSession().getUser().getName().equals(parent.id().toString())
									&& subscription.getDestination().equals("/user/queue/notifications"))
					.size() == 2);
			api.post("/api/series/" + series + "/enrolment", Map.of(), parent.accessToken());
			assertThat(next(onPhone, "the notice on the phone").path("kind").asString())
				.isEqualTo("enrolment.enrolled");
			assertThat(next(onLaptop, "the notice on the laptop").path("kind").asString())
				.isEqualTo("enrolment.enrolled");
		}
	}

	@Test
	void noticesAreReadOnlyByTheirOwner() {
		String series = closedSeries(3);
		Session anna = api.registerParent("Anna");
		Session matti = api.registerParent("Matti");
		api.post("/api/series/" + series + "/enrolment", Map.of(), anna.accessToken());
		await().atMost(5, TimeUnit.SECONDS).until(() -> !kinds(anna).isEmpty());
		String id = api.get("/api/notifications", anna.accessToken()).body().get(0).path("id").asString();

		assertThat(api.get("/api/notifications", matti.accessToken()).body().size()).isZero();
		var foreign = api.post("/api/notifications/" + id + "/read", Map.of(), matti.accessToken());
		assertThat(foreign.status()).isEqualTo(404);
		assertThat(foreign.code()).isEqualTo("notifications.not_found");

		assertThat(api.get("/api/notifications?unread=true", anna.accessToken()).body().size()).isEqualTo(1);
		assertThat(api.post("/api/notifications/" + id + "/read", Map.of(), anna.accessToken()).status())
			.isEqualTo(204);
		assertThat(api.get("/api/notifications?unread=true", anna.accessToken()).body().size()).isZero();
		assertThat(api.get("/api/notifications", anna.accessToken()).body().get(0).path("readAt").asString())
			.isNotBlank();
	}

	private List<String> kinds(Session session) {
		List<String> kinds = new ArrayList<>();
		api.get("/api/notifications", session.accessToken()).body().forEach(n -> kinds.add(n.path("kind").asString()));
		return kinds;
	}

	private String closedSeries(int capacity) {
		Session admin = api.login("root-admin", "test-admin-password");
		Session facilitator = api.staffMember("Ohjaaja", "FACILITATOR");
		var plan = SeriesPlans.closedGroup("Ilmoitusryhmä", LocalDate.now().plusWeeks(4), capacity, 1,
				facilitator.id());
		return api.post("/api/series", plan, admin.accessToken()).text("id");
	}

}
