package fi.tukipiiri.webclient;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import fi.tukipiiri.support.ApiClient;
import fi.tukipiiri.support.IntegrationTest;

/**
 * In real Chromium, with access tokens that live half a minute: the chat connection
 * renews its token on the server before each expires, so a person who stays for two
 * lifetimes notices nothing ({@code web-client/e2e/connection.e2e.mjs}).
 */
@IntegrationTest
@TestPropertySource(properties = "tukipiiri.auth.access-token-lifetime=30s")
class ConnectionRenewalBrowserIT {

	@Autowired
	ApiClient api;

	@Test
	void aConnectionOutlivesItsAccessTokensWithoutThePersonNoticing() throws Exception {
		String title = "Pitkä ilta " + UUID.randomUUID().toString().substring(0, 6);
		api.createRoom(title, "OPEN");
		BrowserScenarios.run("connection.e2e.mjs", api.baseUrl(),
				Map.of("TUKIPIIRI_E2E_ROOM_TITLE", title, "TUKIPIIRI_E2E_STAY_MS", "45000"));
	}

}
