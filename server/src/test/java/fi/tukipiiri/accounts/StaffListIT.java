package fi.tukipiiri.accounts;

import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import fi.tukipiiri.support.ApiClient;
import fi.tukipiiri.support.ApiClient.Session;
import fi.tukipiiri.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class StaffListIT {

	@Autowired
	ApiClient api;

	@Test
	void coordinatorsSeeFacilitatorsAndPeerSupportersByNameAndRoleOnly() {
		Session facilitator = api.staffMember("Ohjaaja Siiri", "FACILITATOR");
		Session peer = api.staffMember("Vertainen Ville", "PEER_SUPPORTER", "PARENT");
		Session parent = api.registerParent("Vanhempi Veikko");
		Session coordinator = api.staffMember("Koordinaattori Kaisu", "COORDINATOR");

		var listed = api.get("/api/staff", coordinator.accessToken());
		assertThat(listed.status()).isEqualTo(200);
		JsonNode siiri = find(listed.body(), facilitator.id().toString());
		assertThat(siiri.path("displayName").asString()).startsWith("Ohjaaja Siiri ")
			.isEqualTo(api.displayName(facilitator));
		assertThat(names(siiri)).containsExactly("id", "displayName", "roles");
		assertThat(siiri.path("roles").toString()).contains("FACILITATOR");
		assertThat(find(listed.body(), peer.id().toString()).path("roles").toString()).contains("PEER_SUPPORTER",
				"PARENT");
		assertThat(listed.body().toString()).doesNotContain(parent.id().toString())
			.doesNotContain(coordinator.id().toString());

		var byAdmin = api.get("/api/staff", api.login("root-admin", "test-admin-password").accessToken());
		assertThat(byAdmin.status()).isEqualTo(200);
		assertThat(byAdmin.body().toString()).contains(facilitator.id().toString());
	}

	@Test
	void parentsAndFacilitatorsCannotListStaff() {
		var parent = api.get("/api/staff", api.registerParent("Vanhempi").accessToken());
		assertThat(parent.status()).isEqualTo(403);
		assertThat(parent.code()).isEqualTo("auth.forbidden");
		assertThat(api.get("/api/staff", api.staffMember("Ohjaaja", "FACILITATOR").accessToken()).status())
			.isEqualTo(403);
		assertThat(api.get("/api/staff", null).status()).isEqualTo(401);
	}

	private static JsonNode find(JsonNode list, String id) {
		for (JsonNode item : list) {
			if (item.path("id").asString().equals(id)) {
				return item;
			}
		}
		throw new AssertionError("Not listed: " + id + " in " + list);
	}

	private static List<String> names(JsonNode object) {
		List<String> names = new ArrayList<>();
		object.propertyNames().forEach(names::add);
		return names;
	}

}
