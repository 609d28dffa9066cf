package fi.tukipiiri.accounts;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import fi.tukipiiri.support.ApiClient;
import fi.tukipiiri.support.ApiClient.Session;
import fi.tukipiiri.support.IntegrationTest;
import fi.tukipiiri.support.StompTestClient;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class AdminUsersIT {

	@Autowired
	ApiClient api;

	Session admin;

	@BeforeEach
	void signInAsTheFirstAdmin() {
		admin = api.login("root-admin", "test-admin-password");
	}

	@Test
	void aRoleChangeClosesThePersonsLiveConnectionsSoTheyAreAuthorisedAnew() {
		Session parent = api.registerParent("Roolinvaihtaja");
		try (var live = StompTestClient.connect(api.baseUrl(), parent.accessToken())) {
			assertThat(live.isConnected()).isTrue();
			api.put("/api/admin/users/" + parent.id() + "/roles", Map.of("roles", List.of("PARENT", "PEER_SUPPORTER")),
					admin.accessToken());
			Awaitility.await().atMost(5, TimeUnit.SECONDS).until(() -> !live.isConnected() || !live.failures.isEmpty());
		}
	}

	@Test
	void theFirstAdminIsCreatedFromTheEnvironment() {
		var me = api.get("/api/me", admin.accessToken());
		assertThat(me.body().path("roles").toString()).isEqualTo("[\"ADMIN\"]");
	}

	@Test
	void aParentCannotUseTheAdminEndpoints() {
		Session parent = api.registerParent("Curious");
		for (var response : List.of(api.get("/api/admin/users", parent.accessToken()),
				api.get("/api/admin/users/" + parent.id(), parent.accessToken()),
				api.put("/api/admin/users/" + parent.id() + "/roles", Map.of("roles", List.of("ADMIN")),
						parent.accessToken()))) {
			assertThat(response.status()).isEqualTo(403);
			assertThat(response.code()).isEqualTo("auth.forbidden");
		}
		assertThat(api.get("/api/me", parent.accessToken()).body().path("roles").toString()).isEqualTo("[\"PARENT\"]");
	}

	@Test
	void staffBelowAdminCannotUseTheAdminEndpointsEither() {
		Session coordinator = api.registerParent("Koordinaattori");
		api.put("/api/admin/users/" + coordinator.id() + "/roles",
				Map.of("roles", List.of("COORDINATOR", "FACILITATOR")), admin.accessToken());
		String token = api.post("/api/auth/refresh", Map.of("refreshToken", coordinator.refreshToken()))
			.text("accessToken");
		var list = api.get("/api/admin/users", token);
		assertThat(list.status()).isEqualTo(403);
	}

	@Test
	void anonymousCallersMustSignIn() {
		var list = api.get("/api/admin/users", null);
		assertThat(list.status()).isEqualTo(401);
		assertThat(list.code()).isEqualTo("auth.unauthenticated");
	}

	@Test
	void adminListsAndSearchesUsersWithoutPasswordHashes() {
		Session parent = api.registerParent("Haettava Hanna");
		var found = api.get("/api/admin/users?q=haettava", admin.accessToken());
		assertThat(found.status()).isEqualTo(200);
		assertThat(found.body().size()).isEqualTo(1);
		assertThat(found.body().get(0).path("id").asString()).isEqualTo(parent.id().toString());
		assertThat(found.body().toString()).doesNotContain("password").doesNotContain("$2a$");
	}

	@Test
	void roleChangeTakesEffectAndIsRecordedWithWhoAndWhen() {
		Session parent = api.registerParent("Tuleva ohjaaja");
		var changed = api.put("/api/admin/users/" + parent.id() + "/roles",
				Map.of("roles", List.of("FACILITATOR", "PARENT")), admin.accessToken());
		assertThat(changed.status()).isEqualTo(200);
		assertThat(changed.body().path("roles").toString()).contains("FACILITATOR").contains("PARENT");

		// the old token carried the old roles: it stops at once, and the refreshed one
		// has the new roles
		assertThat(api.get("/api/me", parent.accessToken()).status()).isEqualTo(401);
		String fresh = api.post("/api/auth/refresh", Map.of("refreshToken", parent.refreshToken())).text("accessToken");
		assertThat(api.get("/api/me", fresh).body().path("roles").toString()).contains("FACILITATOR");

		var history = api.get("/api/admin/users/" + parent.id() + "/role-changes", admin.accessToken());
		assertThat(history.body().size()).isEqualTo(1);
		var change = history.body().get(0);
		assertThat(change.path("changedBy").asString()).isEqualTo(admin.id().toString());
		assertThat(change.path("changedByDisplayName").asString()).isEqualTo("root-admin");
		assertThat(change.path("previousRoles").toString()).isEqualTo("[\"PARENT\"]");
		assertThat(change.path("newRoles").toString()).contains("FACILITATOR");
		assertThat(change.path("changedAt").asString()).isNotBlank();
	}

	@Test
	void unknownRolesAndEmptyRoleListsAreRefused() {
		Session parent = api.registerParent("Role typo");
		var unknown = api.put("/api/admin/users/" + parent.id() + "/roles", Map.of("roles", List.of("SUPERUSER")),
				admin.accessToken());
		assertThat(unknown.status()).isEqualTo(400);
		assertThat(unknown.code()).isEqualTo("validation.failed");
		assertThat(unknown.body().path("errors").get(0).path("field").asString()).startsWith("roles");

		var empty = api.put("/api/admin/users/" + parent.id() + "/roles", Map.of("roles", List.of()),
				admin.accessToken());
		assertThat(empty.status()).isEqualTo(400);
		assertThat(empty.body().path("errors").get(0).path("field").asString()).isEqualTo("roles");
	}

	@Test
	void aGuestPassStaysAParent() {
		Session guest = api.guest("Vieras");
		var change = api.put("/api/admin/users/" + guest.id() + "/roles", Map.of("roles", List.of("FACILITATOR")),
				admin.accessToken());
		assertThat(change.status()).isEqualTo(409);
		assertThat(change.code()).isEqualTo("accounts.guest_roles_fixed");
	}

	@Test
	void unknownUserIsNotFound() {
		var missing = api.get("/api/admin/users/00000000-0000-0000-0000-000000000000", admin.accessToken());
		assertThat(missing.status()).isEqualTo(404);
		assertThat(missing.code()).isEqualTo("accounts.not_found");
		var malformed = api.get("/api/admin/users/not-a-uuid", admin.accessToken());
		assertThat(malformed.status()).isEqualTo(400);
	}

	@Test
	void theLastAdministratorCannotBeDemoted() {
		var admins = api.get("/api/admin/users?limit=200", admin.accessToken()).body();
		for (var user : admins) {
			boolean isOtherAdmin = user.path("roles").toString().contains("ADMIN")
					&& !user.path("id").asString().equals(admin.id().toString());
			if (isOtherAdmin) {
				api.put("/api/admin/users/" + user.path("id").asString() + "/roles", Map.of("roles", List.of("PARENT")),
						admin.accessToken());
			}
		}
		var demote = api.put("/api/admin/users/" + admin.id() + "/roles", Map.of("roles", List.of("PARENT")),
				admin.accessToken());
		assertThat(demote.status()).isEqualTo(409);
		assertThat(demote.code()).isEqualTo("accounts.last_admin");
	}

}
