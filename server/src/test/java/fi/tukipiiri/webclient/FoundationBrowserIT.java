package fi.tukipiiri.webclient;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import fi.tukipiiri.support.ApiClient;
import fi.tukipiiri.support.IntegrationTest;

/**
 * A parent registers, signs in and switches language in a real headless Chromium, against
 * a real node.
 */
@IntegrationTest
class FoundationBrowserIT {

	@Autowired
	ApiClient api;

	@Test
	void registerSignInAndSwitchLanguage() throws Exception {
		String person = "Etsitty " + UUID.randomUUID().toString().substring(0, 8);
		api.registerParent(person);
		BrowserScenarios.run("foundation.e2e.mjs", api.baseUrl(), Map.of("TUKIPIIRI_E2E_ADMIN_USERNAME", "root-admin",
				"TUKIPIIRI_E2E_ADMIN_PASSWORD", "test-admin-password", "TUKIPIIRI_E2E_PERSON_NAME", person));
	}

}
