package fi.tukipiiri.webclient;

import java.util.Map;

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
		BrowserScenarios.run("foundation.e2e.mjs", api.baseUrl(), Map.of());
	}

}
