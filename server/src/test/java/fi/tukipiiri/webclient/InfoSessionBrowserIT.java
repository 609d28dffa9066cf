package fi.tukipiiri.webclient;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import fi.tukipiiri.support.ApiClient;
import fi.tukipiiri.support.ApiClient.Session;
import fi.tukipiiri.support.IntegrationTest;

/**
 * A live information session in three real browsers: a facilitator on a laptop hosts, two
 * parents follow on phones, one of them asks; the facilitator publishes, answers and sets
 * aside (web-client/e2e/info-session.e2e.mjs). Afterwards the server is asked whether
 * what the screens showed is true: the published questions name nobody in the stream.
 */
@IntegrationTest
class InfoSessionBrowserIT {

	private static final String PASSWORD = "pitka-salasana-infoon";

	@Autowired
	ApiClient api;

	record Person(String username, String displayName, UUID id) {
	}

	@Test
	void theHostsSpeakAParentAsksAndNobodyElseLearnsWhoAsked() throws Exception {
		String suffix = UUID.randomUUID().toString().substring(0, 8);
		String title = "Infotilaisuus: sovittelu " + suffix;
		Session admin = api.login("root-admin", "test-admin-password");
		ApiClient.Response created = api.post("/api/rooms",
				Map.of("title", title, "kind", "OPEN", "format", "INFO_SESSION"), admin.accessToken());
		assertThat(created.status()).isEqualTo(201);
		UUID room = UUID.fromString(created.text("id"));
		Person facilitator = register("isanta_" + suffix, "Ohjaaja " + suffix);
		Person asker = register("kysyja_" + suffix, "Kysyjä " + suffix);
		Person reader = register("lukija_" + suffix, "Lukija " + suffix);
		assertThat(api
			.put("/api/admin/users/" + facilitator.id() + "/roles", Map.of("roles", List.of("FACILITATOR")),
					admin.accessToken())
			.status()).isEqualTo(200);
		assertThat(api.addMember(room, facilitator.id(), "FACILITATOR").status()).isBetween(200, 201);

		BrowserScenarios.run("info-session.e2e.mjs", api.baseUrl(),
				Map.ofEntries(Map.entry("TUKIPIIRI_E2E_ROOM_TITLE", title),
						Map.entry("TUKIPIIRI_E2E_FACILITATOR_USERNAME", facilitator.username()),
						Map.entry("TUKIPIIRI_E2E_FACILITATOR_PASSWORD", PASSWORD),
						Map.entry("TUKIPIIRI_E2E_FACILITATOR_NAME", facilitator.displayName()),
						Map.entry("TUKIPIIRI_E2E_PARENT_USERNAME", asker.username()),
						Map.entry("TUKIPIIRI_E2E_PARENT_PASSWORD", PASSWORD),
						Map.entry("TUKIPIIRI_E2E_PARENT_NAME", asker.displayName()),
						Map.entry("TUKIPIIRI_E2E_READER_USERNAME", reader.username()),
						Map.entry("TUKIPIIRI_E2E_READER_PASSWORD", PASSWORD),
						Map.entry("TUKIPIIRI_E2E_READER_NAME", reader.displayName())));

		String readerToken = api.login(reader.username(), PASSWORD).accessToken();
		JsonNode stream = api.get("/api/rooms/" + room + "/messages", readerToken).body().path("messages");
		List<JsonNode> questions = stream.valueStream()
			.filter(message -> message.path("kind").asString().equals("QUESTION"))
			.toList();
		assertThat(questions).hasSize(2);
		assertThat(questions).allSatisfy(question -> {
			assertThat(question.path("authorId").isNull()).isTrue();
			assertThat(question.toString()).doesNotContain(asker.id().toString()).doesNotContain(asker.displayName());
		});
		JsonNode answer = stream.valueStream()
			.filter(message -> message.path("kind").asString().equals("ANSWER"))
			.findFirst()
			.orElseThrow();
		assertThat(answer.path("answersSeq").asLong()).isEqualTo(questions.get(1).path("seq").asLong());
		assertThat(answer.path("authorId").asString()).isEqualTo(facilitator.id().toString());
		String facilitatorToken = api.login(facilitator.username(), PASSWORD).accessToken();
		assertThat(api.get("/api/rooms/" + room + "/questions", facilitatorToken)
			.body()
			.valueStream()
			.map(question -> question.path("state").asString())
			.toList()).containsExactly("PUBLISHED", "ANSWERED", "SET_ASIDE");
	}

	private Person register(String username, String displayName) {
		ApiClient.Response registered = api.post("/api/auth/register",
				Map.of("username", username, "password", PASSWORD, "displayName", displayName));
		assertThat(registered.status()).as("registration of %s: %s", username, registered.body()).isEqualTo(201);
		return new Person(username, displayName, api.login(username, PASSWORD).id());
	}

}
