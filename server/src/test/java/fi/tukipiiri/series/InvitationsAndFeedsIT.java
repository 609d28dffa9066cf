package fi.tukipiiri.series;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.Map;

import net.fortuna.ical4j.data.CalendarBuilder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import fi.tukipiiri.support.ApiClient;
import fi.tukipiiri.support.ApiClient.Session;
import fi.tukipiiri.support.IntegrationTest;
import fi.tukipiiri.support.SeriesPlans;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class InvitationsAndFeedsIT {

	@Autowired
	ApiClient api;

	Session admin;
	String series;

	@BeforeEach
	void series() {
		admin = api.login("root-admin", "test-admin-password");
		Session facilitator = api.staffMember("Ohjaaja", "FACILITATOR");
		var plan = SeriesPlans.closedGroup("Kutsuryhmä", LocalDate.now(Recurrence.HELSINKI).plusWeeks(2), 8, 1, facilitator.id());
		series = api.post("/api/series", plan, admin.accessToken()).text("id");
	}

	@Test
	void aCodeEnrolsUpToItsNumberOfUses() {
		var issued = api.post("/api/series/" + series + "/invitations", Map.of("maxUses", 2, "validDays", 14), admin.accessToken());
		assertThat(issued.status()).isEqualTo(201);
		String code = issued.text("code");
		assertThat(code).matches("[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}");

		Session first = api.registerParent("Kutsuttu 1");
		var redeemed = api.post("/api/series/invitations/redeem", Map.of("code", code.toLowerCase()), first.accessToken());
		assertThat(redeemed.text("status")).isEqualTo("ENROLLED");
		assertThat(redeemed.text("seriesId")).isEqualTo(series);
		Session second = api.registerParent("Kutsuttu 2");
		assertThat(api.post("/api/series/invitations/redeem", Map.of("code", code.replace("-", "")), second.accessToken()).status())
				.isEqualTo(200);
		Session third = api.registerParent("Kutsuttu 3");
		var usedUp = api.post("/api/series/invitations/redeem", Map.of("code", code), third.accessToken());
		assertThat(usedUp.status()).isEqualTo(404);
		assertThat(usedUp.code()).isEqualTo("series.invitation_invalid");
		assertThat(api.post("/api/series/invitations/redeem", Map.of("code", "AAAA-BBBB-CCCC"), third.accessToken()).code())
				.isEqualTo("series.invitation_invalid");
	}

	@Test
	void onlyCoordinatorsIssueCodesAndGuestsCannotRedeemThem() {
		Session parent = api.registerParent("Vanhempi");
		assertThat(api.post("/api/series/" + series + "/invitations", Map.of("maxUses", 1, "validDays", 1), parent.accessToken()).status())
				.isEqualTo(403);
		String code = api.post("/api/series/" + series + "/invitations", Map.of("maxUses", 1, "validDays", 1), admin.accessToken()).text("code");
		Session guest = api.guest("Vieras");
		assertThat(api.post("/api/series/invitations/redeem", Map.of("code", code), guest.accessToken()).code())
				.isEqualTo("series.guests_cannot_enrol");
		// a refused redemption does not use the code up
		assertThat(api.post("/api/series/invitations/redeem", Map.of("code", code), parent.accessToken()).text("status")).isEqualTo("ENROLLED");
	}

	@Test
	void aPersonalFeedShowsOnlyOnesOwnSeriesAndCanBeReplaced() throws Exception {
		Session parent = api.registerParent("Kalenterin käyttäjä");
		api.post("/api/series/" + series + "/enrolment", Map.of(), parent.accessToken());
		String url = api.post("/api/me/calendar-feed", Map.of(), parent.accessToken()).text("url");
		HttpResponse<String> feed = get(url);
		assertThat(feed.statusCode()).isEqualTo(200);
		assertThat(new CalendarBuilder().build(new ByteArrayInputStream(feed.body().getBytes())).getComponents("VEVENT")).hasSize(9);

		Session other = api.registerParent("Toinen");
		String otherUrl = api.post("/api/me/calendar-feed", Map.of(), other.accessToken()).text("url");
		assertThat(new CalendarBuilder().build(new ByteArrayInputStream(get(otherUrl).body().getBytes())).getComponents("VEVENT")).isEmpty();

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
		return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(api.baseUrl() + path)).build(),
				HttpResponse.BodyHandlers.ofString());
	}
}
