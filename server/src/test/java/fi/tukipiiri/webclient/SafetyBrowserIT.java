package fi.tukipiiri.webclient;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import fi.tukipiiri.support.ApiClient;
import fi.tukipiiri.support.ApiClient.Session;
import fi.tukipiiri.support.IntegrationTest;

/**
 * In real Chromium: a risk flag in an open chat nobody leads reaches the coordinator on
 * duty (alert, safety page, private talk), the writer gets a help card in their own
 * language, and the coordinator appoints a facilitator to the room
 * ({@code web-client/e2e/safety.e2e.mjs}).
 */
@IntegrationTest
class SafetyBrowserIT {

	private static final String PASSWORD = "pitka-salasana-turvaan";

	@Autowired
	ApiClient api;

	@Autowired
	JdbcClient jdbc;

	record Person(String username, String displayName, UUID id) {
	}

	@Test
	void aRiskFlagInARoomWithNoFacilitatorReachesTheCoordinatorOnDutyAndTheWriterGetsAHelpCard() throws Exception {
		jdbc.sql("delete from duty_roster").update();
		String suffix = UUID.randomUUID().toString().substring(0, 8);
		String title = "Ilta ilman ohjaajaa " + suffix;
		UUID room = api.createRoom(title, "OPEN");
		Person coordinator = register("koordinaattori_" + suffix, "Koordinaattori " + suffix, "COORDINATOR");
		Person facilitator = register("ohjaaja_" + suffix, "Ohjaaja " + suffix, "FACILITATOR");
		Person parent = register("vanhempi_" + suffix, "Vanhempi " + suffix, null);

		BrowserScenarios.run("safety.e2e.mjs", api.baseUrl(),
				Map.of("TUKIPIIRI_E2E_ROOM_TITLE", title, "TUKIPIIRI_E2E_COORDINATOR_USERNAME", coordinator.username(),
						"TUKIPIIRI_E2E_COORDINATOR_PASSWORD", PASSWORD, "TUKIPIIRI_E2E_COORDINATOR_NAME",
						coordinator.displayName(), "TUKIPIIRI_E2E_PARENT_USERNAME", parent.username(),
						"TUKIPIIRI_E2E_PARENT_PASSWORD", PASSWORD, "TUKIPIIRI_E2E_PARENT_NAME", parent.displayName(),
						"TUKIPIIRI_E2E_FACILITATOR_NAME", facilitator.displayName()));

		assertThat(jdbc.sql("select taken_by from safety_escalations where room_id = :room and signal = 'RISK_FLAG'")
			.param("room", room)
			.query(UUID.class)
			.list()).containsExactly(coordinator.id());
		// appointed, then taken out again after the question
		assertThat(jdbc.sql("select count(*) from room_members where room_id = :room and account_id = :id")
			.param("room", room)
			.param("id", facilitator.id())
			.query(Long.class)
			.single()).isZero();
		Awaitility.await()
			.atMost(5, TimeUnit.SECONDS)
			.untilAsserted(() -> assertThat(jdbc.sql(
					"select action from moderation_audit where room_id = :room and target_id = :id and actor_id = :by order by at")
				.param("room", room)
				.param("id", facilitator.id())
				.param("by", coordinator.id())
				.query(String.class)
				.list()).containsExactly("STAFF_APPOINTED", "STAFF_DISMISSED"));
		jdbc.sql("delete from duty_roster").update();
	}

	private Person register(String username, String displayName, String role) {
		ApiClient.Response registered = api.post("/api/auth/register",
				Map.of("username", username, "password", PASSWORD, "displayName", displayName));
		assertThat(registered.status()).as("registration of %s: %s", username, registered.body()).isEqualTo(201);
		UUID id = api.login(username, PASSWORD).id();
		if (role != null) {
			Session admin = api.login("root-admin", "test-admin-password");
			assertThat(api.put("/api/admin/users/" + id + "/roles", Map.of("roles", List.of(role)), admin.accessToken())
				.status()).isEqualTo(200);
		}
		return new Person(username, displayName, id);
	}

}
