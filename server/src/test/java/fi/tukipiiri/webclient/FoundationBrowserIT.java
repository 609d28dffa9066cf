package fi.tukipiiri.webclient;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import fi.tukipiiri.support.ApiClient;
import fi.tukipiiri.support.ApiClient.Response;
import fi.tukipiiri.support.ApiClient.Session;
import fi.tukipiiri.support.IntegrationTest;

/**
 * A parent registers, signs in and switches language in a real headless Chromium, against
 * a real node; an administrator finds a person, and their role change and mute in the
 * audit log, said in words.
 */
@IntegrationTest
class FoundationBrowserIT {

	@Autowired
	ApiClient api;

	@Test
	void registerSignInAndSwitchLanguage() throws Exception {
		String person = "Etsitty " + UUID.randomUUID().toString().substring(0, 8);
		Session registered = api.registerParent(person);
		// muted for half an hour in a room, for the audit log to say until when
		UUID room = api.createRoom("Mykistyshuone " + person, "OPEN");
		Session facilitator = api.staffMember("Ohjaaja Mykistäjä", "FACILITATOR");
		assertThat(api.addMember(room, facilitator.id(), "FACILITATOR").status()).isEqualTo(200);
		assertThat(api.post("/api/rooms/" + room + "/join", Map.of(), registered.accessToken()).status())
			.isEqualTo(200);
		Response muted = api.post("/api/moderation/rooms/" + room + "/mutes",
				Map.of("accountId", registered.id(), "minutes", 30), facilitator.accessToken());
		assertThat(muted.status()).isEqualTo(201);
		BrowserScenarios.run("foundation.e2e.mjs", api.baseUrl(),
				Map.of("TUKIPIIRI_E2E_ADMIN_USERNAME", "root-admin", "TUKIPIIRI_E2E_ADMIN_PASSWORD",
						"test-admin-password", "TUKIPIIRI_E2E_PERSON_NAME", person, "TUKIPIIRI_E2E_MUTE_UNTIL",
						muted.text("endsAt")));
	}

}
