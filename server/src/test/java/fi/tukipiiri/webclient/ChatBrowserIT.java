package fi.tukipiiri.webclient;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import fi.tukipiiri.support.ApiClient;
import fi.tukipiiri.support.IntegrationTest;

/**
 * Two parents in two browser contexts talk in an open room and see each other come and
 * go.
 */
@IntegrationTest
class ChatBrowserIT {

	@Autowired
	ApiClient api;

	@Test
	void twoParentsTalkInARoom() throws Exception {
		String title = "Yhteistyövanhemmuus " + UUID.randomUUID().toString().substring(0, 6);
		api.createRoom(title, "OPEN");
		BrowserScenarios.run("chat.e2e.mjs", api.baseUrl(), Map.of("TUKIPIIRI_E2E_ROOM_TITLE", title));
	}

}
