package fi.tukipiiri.webclient;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import fi.tukipiiri.support.ApiClient;
import fi.tukipiiri.support.ApiClient.Session;
import fi.tukipiiri.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * In two real browsers, a facilitator removes a parent's message and mutes the parent,
 * who sees both at once; then both leave with the quick exit. Afterwards the server is
 * asked whether what the screens showed is true.
 */
@IntegrationTest
class ModerationBrowserIT {

	private static final String PASSWORD = "pitka-salasana-moderointiin";

	@Autowired
	ApiClient api;

	record Person(String username, String displayName, UUID id) {
	}

	@Test
	void facilitatorRemovesAMessageAndMutesAParentWhoThenLeavesQuickly() throws Exception {
		String suffix = UUID.randomUUID().toString().substring(0, 8);
		String title = "Eron jälkeinen arki " + suffix;
		UUID room = api.createRoom(title, "CLOSED");
		Person facilitator = register("ohjaaja_" + suffix, "Ohjaaja " + suffix);
		Person parent = register("vanhempi_" + suffix, "Vanhempi " + suffix);
		Person coFacilitator = register("tyopari_" + suffix, "Työpari " + suffix);
		Session admin = api.login("root-admin", "test-admin-password");
		assertThat(api
			.put("/api/admin/users/" + facilitator.id() + "/roles", Map.of("roles", List.of("FACILITATOR")),
					admin.accessToken())
			.status()).isEqualTo(200);
		assertThat(api
			.put("/api/admin/users/" + coFacilitator.id() + "/roles", Map.of("roles", List.of("FACILITATOR")),
					admin.accessToken())
			.status()).isEqualTo(200);
		assertThat(api.addMember(room, facilitator.id(), "FACILITATOR").status()).isBetween(200, 201);
		assertThat(api.addMember(room, coFacilitator.id(), "FACILITATOR").status()).isBetween(200, 201);
		assertThat(api.addMember(room, parent.id(), "PARTICIPANT").status()).isBetween(200, 201);

		BrowserScenarios.run("moderation.e2e.mjs", api.baseUrl(),
				Map.ofEntries(Map.entry("TUKIPIIRI_E2E_ROOM_TITLE", title),
						Map.entry("TUKIPIIRI_E2E_FACILITATOR_USERNAME", facilitator.username()),
						Map.entry("TUKIPIIRI_E2E_FACILITATOR_PASSWORD", PASSWORD),
						Map.entry("TUKIPIIRI_E2E_FACILITATOR_NAME", facilitator.displayName()),
						Map.entry("TUKIPIIRI_E2E_COFACILITATOR_USERNAME", coFacilitator.username()),
						Map.entry("TUKIPIIRI_E2E_COFACILITATOR_PASSWORD", PASSWORD),
						Map.entry("TUKIPIIRI_E2E_COFACILITATOR_NAME", coFacilitator.displayName()),
						Map.entry("TUKIPIIRI_E2E_PARENT_USERNAME", parent.username()),
						Map.entry("TUKIPIIRI_E2E_PARENT_PASSWORD", PASSWORD),
						Map.entry("TUKIPIIRI_E2E_PARENT_NAME", parent.displayName())));

		String parentToken = api.login(parent.username(), PASSWORD).accessToken();
		JsonNode history = api.get("/api/rooms/" + room + "/messages", parentToken).body().path("messages");
		// The parent's two messages of the removal scenario (the raise-hand scenario
		// before it wrote one too).
		List<JsonNode> byParent = history.valueStream()
			.filter(message -> message.path("authorId").asString().equals(parent.id().toString()))
			.filter(message -> message.path("removed").asBoolean()
					|| message.path("body").asString().startsWith("Tämä viesti"))
			.toList();
		assertThat(byParent).hasSize(2);
		assertThat(byParent.get(0).path("removed").asBoolean()).isTrue();
		assertThat(byParent.get(0).path("body").isNull() || byParent.get(0).path("body").isMissingNode()).isTrue();
		assertThat(byParent.get(1).path("removed").asBoolean()).isFalse();
		JsonNode view = api.get("/api/moderation/rooms/" + room, parentToken).body();
		assertThat(view.path("muted").asBoolean()).isTrue();
		assertThat(view.path("mutedUntil").isNull()).isFalse();
	}

	private Person register(String username, String displayName) {
		ApiClient.Response registered = api.post("/api/auth/register",
				Map.of("username", username, "password", PASSWORD, "displayName", displayName));
		assertThat(registered.status()).as("registration of %s: %s", username, registered.body()).isEqualTo(201);
		return new Person(username, displayName, api.login(username, PASSWORD).id());
	}

}
