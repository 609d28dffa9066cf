package fi.tukipiiri.webclient;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import fi.tukipiiri.support.ApiClient;
import fi.tukipiiri.support.IntegrationTest;

/**
 * Recovery codes and one's own settings in a real headless Chromium at phone size,
 * against a real node: the codes shown once at registration (copied and downloaded), a
 * new nickname, this device among the sign-ins, new codes, and recovery with one of them
 * from the sign-in page ({@code web-client/e2e/account.e2e.mjs}).
 */
@IntegrationTest
class AccountBrowserIT {

	@Autowired
	ApiClient api;

	@Test
	void recoveryCodesSettingsAndRecovery() throws Exception {
		BrowserScenarios.run("account.e2e.mjs", api.baseUrl(), Map.of());
	}

}
