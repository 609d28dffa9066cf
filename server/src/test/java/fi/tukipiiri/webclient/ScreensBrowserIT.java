package fi.tukipiiri.webclient;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import fi.tukipiiri.series.Recurrence;
import fi.tukipiiri.support.ApiClient;
import fi.tukipiiri.support.ApiClient.Session;
import fi.tukipiiri.support.IntegrationTest;
import fi.tukipiiri.support.SeriesPlans;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every screen of the web client, in real Chromium, on a phone (390×844, Finnish) and on
 * a laptop (1280×800, English), checked by axe-core for serious and critical violations
 * and for a page wider than the window. The scenario reads the screens from the client's
 * own route list, so a screen added without a visit here fails the test. The data gives
 * each screen something to show: a planned closed group with an enrolled parent, an open
 * chat the parent belongs to, and the closed-group template.
 */
@IntegrationTest
class ScreensBrowserIT {

	private static final String PASSWORD = "correct horse battery";

	@Autowired
	ApiClient api;

	@Test
	void everyScreenIsAccessibleOnAPhoneAndALaptop() throws Exception {
		String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 6);
		Session admin = api.login("root-admin", "test-admin-password");
		Session facilitator = api.staffMember("Ohjaaja Outi", "FACILITATOR");
		Session coordinator = api.staffMember("Koordinaattori Kaisa", "COORDINATOR");
		Session parent = api.registerParent("Vanhempi Vilja " + suffix);
		var plan = SeriesPlans.closedGroup("Näkymät " + suffix, LocalDate.now(Recurrence.HELSINKI).plusWeeks(2), 8, 1,
				facilitator.id());
		ApiClient.Response planned = api.post("/api/series", plan, admin.accessToken());
		assertThat(planned.status()).as("%s", planned.body()).isEqualTo(201);
		String seriesId = planned.text("id");
		assertThat(api.post("/api/series/" + seriesId + "/enrolment", Map.of(), parent.accessToken()).text("status"))
			.isEqualTo("ENROLLED");
		UUID room = api.createRoom("Avoin keskustelu " + suffix, "OPEN");
		assertThat(api.addMember(room, parent.id(), "PARTICIPANT").status()).isEqualTo(200);

		BrowserScenarios.run("screens.e2e.mjs", api.baseUrl(),
				Map.of("TUKIPIIRI_E2E_COORDINATOR_USERNAME", username(coordinator), "TUKIPIIRI_E2E_PARENT_USERNAME",
						username(parent), "TUKIPIIRI_E2E_PASSWORD", PASSWORD, "TUKIPIIRI_E2E_SERIES_ID", seriesId,
						"TUKIPIIRI_E2E_ROOM_ID", room.toString(), "TUKIPIIRI_E2E_TEMPLATE_ID",
						SeriesPlans.CLOSED_GROUP_TEMPLATE));
	}

	private String username(Session person) {
		return api.get("/api/me", person.accessToken()).text("username");
	}

}
