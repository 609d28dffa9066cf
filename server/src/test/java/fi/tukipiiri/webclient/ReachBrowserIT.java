package fi.tukipiiri.webclient;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import fi.tukipiiri.series.Recurrence;
import fi.tukipiiri.support.ApiClient;
import fi.tukipiiri.support.ApiClient.Session;
import fi.tukipiiri.support.IntegrationTest;
import fi.tukipiiri.support.SeriesPlans;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Notices outside the app in a real headless Chromium at phone size, against a real node
 * whose embedded SMTP server captures the mail ({@code web-client/e2e/reach.e2e.mjs}): a
 * parent adds an address, an administrator reads the verification link from the captured
 * mail, the parent opens it; a coordinator moves a meeting of the parent's group and the
 * parent reads its notice in the bell in each interface language, which also becomes the
 * language of the parent's e-mails.
 */
@IntegrationTest
class ReachBrowserIT {

	private static final String PASSWORD = "correct horse battery";

	private static final String ADMIN = "root-admin";

	private static final String ADMIN_PASSWORD = "test-admin-password";

	@Autowired
	ApiClient api;

	@Autowired
	JdbcClient jdbc;

	@Test
	void anAddressVerifiedThroughTheCapturedMailAndAMovedMeetingInTheBell() throws Exception {
		String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 6);
		Session admin = api.login(ADMIN, ADMIN_PASSWORD);
		Session facilitator = api.staffMember("Ohjaaja Outi", "FACILITATOR");
		Session coordinator = api.staffMember("Koordinaattori Kerttu", "COORDINATOR");
		Session parent = api.registerParent("Vanhempi Vilma " + suffix);
		LocalDate first = LocalDate.now(Recurrence.HELSINKI).plusWeeks(2);
		ApiClient.Response planned = api.post("/api/series",
				SeriesPlans.closedGroup("Tavoitettavuus " + suffix, first, 8, 1, facilitator.id()),
				admin.accessToken());
		assertThat(planned.status()).as("%s", planned.body()).isEqualTo(201);
		String seriesId = planned.text("id");
		assertThat(api.post("/api/series/" + seriesId + "/enrolment", Map.of(), parent.accessToken()).text("status"))
			.isEqualTo("ENROLLED");
		String address = "vilma." + suffix + "@example.test";
		// the second meeting moves to a day of its own, five weeks after the first
		LocalDate newDate = first.plusWeeks(5);

		BrowserScenarios.run("reach.e2e.mjs", api.baseUrl(),
				Map.ofEntries(Map.entry("TUKIPIIRI_E2E_PASSWORD", PASSWORD),
						Map.entry("TUKIPIIRI_E2E_PARENT_USERNAME", username(parent)),
						Map.entry("TUKIPIIRI_E2E_COORDINATOR_USERNAME", username(coordinator)),
						Map.entry("TUKIPIIRI_E2E_ADMIN_USERNAME", ADMIN),
						Map.entry("TUKIPIIRI_E2E_ADMIN_PASSWORD", ADMIN_PASSWORD),
						Map.entry("TUKIPIIRI_E2E_SERIES_ID", seriesId),
						Map.entry("TUKIPIIRI_E2E_NEW_DATE", newDate.toString()),
						Map.entry("TUKIPIIRI_E2E_EMAIL", address), Map.entry("TUKIPIIRI_E2E_LANGUAGES", "fi,sv,en")));

		var reach = api.get("/api/me/reach", parent.accessToken()).body();
		assertThat(reach.path("email").asString()).isEqualTo(address);
		assertThat(reach.path("emailVerified").asBoolean()).isTrue();
		assertThat(reach.path("remindHourBefore").asBoolean()).as("saved in the settings").isTrue();
		assertThat(reach.path("quietFrom").asString()).startsWith("22:00");
		assertThat(reach.path("language").asString()).as("the interface language last chosen").isEqualTo("en");
		assertThat(jdbc.sql("select count(*) from notifications where account_id = :a and kind = 'session.moved'")
			.param("a", parent.id())
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	private String username(Session person) {
		return api.get("/api/me", person.accessToken()).text("username");
	}

}
