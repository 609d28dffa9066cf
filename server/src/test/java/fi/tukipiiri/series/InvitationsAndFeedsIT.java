package fi.tukipiiri.series;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import net.fortuna.ical4j.data.CalendarBuilder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import fi.tukipiiri.support.ApiClient;
import fi.tukipiiri.support.ApiClient.Session;
import fi.tukipiiri.support.IntegrationTest;
import fi.tukipiiri.support.SeriesPlans;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class InvitationsAndFeedsIT {

	@Autowired
	ApiClient api;

	@Autowired
	JdbcClient jdbc;

	Session admin;

	String series;

	@BeforeEach
	void series() {
		admin = api.login("root-admin", "test-admin-password");
		Session facilitator = api.staffMember("Ohjaaja", "FACILITATOR");
		var plan = SeriesPlans.closedGroup("Kutsuryhmä", LocalDate.now(Recurrence.HELSINKI).plusWeeks(2), 8, 1,
				facilitator.id());
		series = api.post("/api/series", plan, admin.accessToken()).text("id");
	}

	@Test
	void aCodeEnrolsUpToItsNumberOfUses() {
		var issued = api.post("/api/series/" + series + "/invitations", Map.of("maxUses", 2, "validDays", 14),
				admin.accessToken());
		assertThat(issued.status()).isEqualTo(201);
		String code = issued.text("code");
		assertThat(code).matches("[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}");

		Session first = api.registerParent("Kutsuttu 1");
		var redeemed = api.post("/api/series/invitations/redeem", Map.of("code", code.toLowerCase()),
				first.accessToken());
		assertThat(redeemed.text("status")).isEqualTo("ENROLLED");
		assertThat(redeemed.text("seriesId")).isEqualTo(series);
		Session second = api.registerParent("Kutsuttu 2");
		assertThat(
				api.post("/api/series/invitations/redeem", Map.of("code", code.replace("-", "")), second.accessToken())
					.status())
			.isEqualTo(200);
		Session third = api.registerParent("Kutsuttu 3");
		var usedUp = api.post("/api/series/invitations/redeem", Map.of("code", code), third.accessToken());
		assertThat(usedUp.status()).isEqualTo(404);
		assertThat(usedUp.code()).isEqualTo("series.invitation_invalid");
		assertThat(api.post("/api/series/invitations/redeem", Map.of("code", "AAAA-BBBB-CCCC"), third.accessToken())
			.code()).isEqualTo("series.invitation_invalid");
	}

	@Test
	void onlyCoordinatorsIssueCodesAndGuestsCannotRedeemThem() {
		Session parent = api.registerParent("Vanhempi");
		assertThat(api
			.post("/api/series/" + series + "/invitations", Map.of("maxUses", 1, "validDays", 1), parent.accessToken())
			.status()).isEqualTo(403);
		String code = api
			.post("/api/series/" + series + "/invitations", Map.of("maxUses", 1, "validDays", 1), admin.accessToken())
			.text("code");
		Session guest = api.guest("Vieras");
		assertThat(api.post("/api/series/invitations/redeem", Map.of("code", code), guest.accessToken()).code())
			.isEqualTo("series.guests_cannot_enrol");
		// a refused redemption does not use the code up
		assertThat(
				api.post("/api/series/invitations/redeem", Map.of("code", code), parent.accessToken()).text("status"))
			.isEqualTo("ENROLLED");
	}

	@Test
	void redeemingAgainWhenEnrolledOrWaitlistedSpendsNoUse() {
		String code = issue(series, 3);
		Session enrolled = api.registerParent("Jo mukana");
		assertThat(redeem(code, enrolled).text("status")).isEqualTo("ENROLLED");
		for (int i = 0; i < 3; i++) {
			var again = redeem(code, enrolled);
			assertThat(again.status()).isEqualTo(200);
			assertThat(again.text("status")).isEqualTo("ENROLLED");
		}
		assertThat(uses(series)).isEqualTo(1);

		Session facilitator = api.staffMember("Ohjaaja Pieni", "FACILITATOR");
		var small = SeriesPlans.closedGroup("Pieni ryhmä", LocalDate.now(Recurrence.HELSINKI).plusWeeks(2), 1, 1,
				facilitator.id());
		String smallSeries = api.post("/api/series", small, admin.accessToken()).text("id");
		api.post("/api/series/" + smallSeries + "/enrolment", Map.of(),
				api.registerParent("Paikan saanut").accessToken());
		String smallCode = issue(smallSeries, 2);
		Session waiting = api.registerParent("Jonossa");
		assertThat(redeem(smallCode, waiting).text("status")).isEqualTo("WAITLISTED");
		assertThat(redeem(smallCode, waiting).text("status")).isEqualTo("WAITLISTED");
		assertThat(uses(smallSeries)).isEqualTo(1);
		assertThat(redeem(smallCode, api.registerParent("Toinen jonossa")).text("status"))
			.as("the second use is still there")
			.isEqualTo("WAITLISTED");
		assertThat(redeem(smallCode, api.registerParent("Kolmas")).code()).isEqualTo("series.invitation_invalid");

		api.delete("/api/series/" + series + "/enrolment", enrolled.accessToken());
		assertThat(redeem(code, enrolled).text("status")).as("a withdrawn person applies anew").isEqualTo("ENROLLED");
		assertThat(uses(series)).isEqualTo(2);
	}

	@Test
	void aRefusedRedemptionSpendsNothing() {
		Session facilitator = api.staffMember("Ohjaaja Avoin", "FACILITATOR");
		var open = SeriesPlans.closedGroup("Avoimet keskustelut", LocalDate.now(Recurrence.HELSINKI).plusWeeks(2), 8, 1,
				facilitator.id());
		open.put("templateId", SeriesPlans.OPEN_CHATS_TEMPLATE);
		String openSeries = api.post("/api/series", open, admin.accessToken()).text("id");
		String code = issue(openSeries, 1);
		for (int i = 0; i < 3; i++) {
			assertThat(redeem(code, api.registerParent("Avoimen kävijä")).code()).isEqualTo("series.open_to_all");
			assertThat(redeem(code, api.guest("Vieraileva")).code()).isEqualTo("series.guests_cannot_enrol");
		}
		assertThat(uses(openSeries)).isZero();
	}

	@Test
	void twoRedemptionsOfTheLastUseDoNotBothSucceed() throws Exception {
		String code = issue(series, 1);
		List<Session> people = new ArrayList<>();
		for (int i = 0; i < 8; i++) {
			people.add(api.registerParent("Kilpailija " + i));
		}
		List<Integer> statuses = inParallel(
				people.stream().map(person -> (Callable<Integer>) () -> redeem(code, person).status()).toList());
		assertThat(statuses).containsOnlyOnce(200).containsOnly(200, 404);
		assertThat(uses(series)).isEqualTo(1);
		assertThat(api.get("/api/series/" + series + "/fill", admin.accessToken()).body().path("enrolled").asInt())
			.isEqualTo(1);

		String twoUses = issue(series, 2);
		Session eager = api.registerParent("Tuplaklikkaaja");
		List<Integer> twice = inParallel(
				List.of(() -> redeem(twoUses, eager).status(), () -> redeem(twoUses, eager).status()));
		assertThat(twice).containsOnly(200);
		assertThat(uses(series)).as("the first code's use and one of the second's: one application, one use")
			.isEqualTo(2);
	}

	private String issue(String seriesId, int maxUses) {
		var issued = api.post("/api/series/" + seriesId + "/invitations", Map.of("maxUses", maxUses, "validDays", 14),
				admin.accessToken());
		assertThat(issued.status()).isEqualTo(201);
		return issued.text("code");
	}

	private ApiClient.Response redeem(String code, Session person) {
		return api.post("/api/series/invitations/redeem", Map.of("code", code), person.accessToken());
	}

	/** Uses spent of all the series' codes together. */
	private int uses(String seriesId) {
		return jdbc.sql("select coalesce(sum(uses), 0) from series_invitations where series_id = :series")
			.param("series", UUID.fromString(seriesId))
			.query(Integer.class)
			.single();
	}

	private static <T> List<T> inParallel(List<Callable<T>> tasks) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<T>> futures = new ArrayList<>();
			for (Callable<T> task : tasks) {
				futures.add(pool.submit(() -> {
					start.await();
					return task.call();
				}));
			}
			start.countDown();
			List<T> results = new ArrayList<>();
			for (Future<T> future : futures) {
				results.add(future.get(30, TimeUnit.SECONDS));
			}
			return results;
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void aPersonalFeedShowsOnlyOnesOwnSeriesAndCanBeReplaced() throws Exception {
		Session parent = api.registerParent("Kalenterin käyttäjä");
		api.post("/api/series/" + series + "/enrolment", Map.of(), parent.accessToken());
		String url = api.post("/api/me/calendar-feed", Map.of(), parent.accessToken()).text("url");
		HttpResponse<String> feed = get(url);
		assertThat(feed.statusCode()).isEqualTo(200);
		assertThat(
				new CalendarBuilder().build(new ByteArrayInputStream(feed.body().getBytes())).getComponents("VEVENT"))
			.hasSize(9);

		Session other = api.registerParent("Toinen");
		String otherUrl = api.post("/api/me/calendar-feed", Map.of(), other.accessToken()).text("url");
		assertThat(new CalendarBuilder().build(new ByteArrayInputStream(get(otherUrl).body().getBytes()))
			.getComponents("VEVENT")).isEmpty();

		api.post("/api/me/calendar-feed", Map.of(), parent.accessToken());
		assertThat(get(url).statusCode()).isEqualTo(404);
	}

	@Test
	void mySessionsListsOnlyTheSeriesOneTakesPartIn() {
		Session parent = api.registerParent("Omat tapaamiset");
		assertThat(api.get("/api/me/sessions", parent.accessToken()).body().size()).isZero();
		api.post("/api/series/" + series + "/enrolment", Map.of(), parent.accessToken());
		var mine = api.get("/api/me/sessions", parent.accessToken()).body();
		assertThat(mine.size()).isEqualTo(9);
		assertThat(mine.get(0).path("seriesTitle").asString()).isEqualTo("Kutsuryhmä");
		assertThat(mine.get(0).path("session").path("position").asInt()).isEqualTo(1);
		assertThat(mine.get(0).path("session").path("state").asString()).isEqualTo("SCHEDULED");
		assertThat(api.get("/api/me/sessions", null).status()).isEqualTo(401);
	}

	private HttpResponse<String> get(String path) throws Exception {
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(api.baseUrl() + path)).build(),
					HttpResponse.BodyHandlers.ofString());
	}

}
