package fi.tukipiiri.rooms;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import fi.tukipiiri.support.ApiClient;
import fi.tukipiiri.support.ApiClient.Response;
import fi.tukipiiri.support.ApiClient.Session;
import fi.tukipiiri.support.IntegrationTest;

/**
 * Coordinators and administrators appoint and remove the facilitators and peer supporters
 * of rooms.
 */
@IntegrationTest
class RoomStaffingIT {

	@Autowired
	ApiClient api;

	@Test
	void aCoordinatorAppointsAndRemovesARoomsFacilitatorAndTheStaffingListShowsRoomsWithoutOne() {
		Session coordinator = api.staffMember("Koordinaattori Kerttu", "COORDINATOR");
		Response created = api.post("/api/rooms",
				Map.of("title", "Ilman ohjaajaa " + UUID.randomUUID(), "theme", "", "kind", "OPEN"),
				coordinator.accessToken());
		UUID room = UUID.fromString(created.text("id"));
		assertThat(staffing(coordinator, room).path("hasFacilitator").asBoolean()).isFalse();
		assertThat(staffing(coordinator, room).path("staff").size()).isZero();

		Session facilitator = api.staffMember("Ohjaaja Olga", "FACILITATOR");
		Session peerSupporter = api.staffMember("Vertainen Veera", "PEER_SUPPORTER");
		String members = "/api/rooms/" + room + "/members";
		assertThat(
				api.post(members, Map.of("userId", facilitator.id(), "role", "FACILITATOR"), coordinator.accessToken())
					.status())
			.isEqualTo(200);
		assertThat(api
			.post(members, Map.of("userId", peerSupporter.id(), "role", "PEER_SUPPORTER"), coordinator.accessToken())
			.status()).isEqualTo(200);
		JsonNode staffed = staffing(coordinator, room);
		assertThat(staffed.path("hasFacilitator").asBoolean()).isTrue();
		assertThat(staffed.path("staff").toString()).contains("Ohjaaja Olga", "FACILITATOR", "Vertainen Veera",
				"PEER_SUPPORTER");
		// participants are nobody's business on this screen
		Session parent = api.registerParent("Pelkkä osallistuja");
		api.post("/api/rooms/" + room + "/join", Map.of(), parent.accessToken());
		assertThat(staffing(coordinator, room).path("staff").toString()).doesNotContain("Pelkkä osallistuja");

		assertThat(api.delete(members + "/" + facilitator.id(), coordinator.accessToken()).status()).isEqualTo(204);
		assertThat(staffing(coordinator, room).path("hasFacilitator").asBoolean()).isFalse();
		Response again = api.delete(members + "/" + facilitator.id(), coordinator.accessToken());
		assertThat(again.status()).isEqualTo(404);
		assertThat(again.code()).isEqualTo("rooms.member_not_found");
	}

	@Test
	void onlyAFacilitatorLeadsAndOnlyPeerSupportersOrFacilitatorsCoHost() {
		UUID room = api.createRoom("Roolit " + UUID.randomUUID(), "CLOSED");
		Session parent = api.registerParent("Ei ohjaaja");
		Session peerSupporter = api.staffMember("Vertainen Ville", "PEER_SUPPORTER");
		Session facilitator = api.staffMember("Ohjaaja Otto", "FACILITATOR");
		Response parentLeads = api.addMember(room, parent.id(), "FACILITATOR");
		assertThat(parentLeads.status()).isEqualTo(409);
		assertThat(parentLeads.code()).isEqualTo("rooms.invalid_staff");
		assertThat(api.addMember(room, parent.id(), "PEER_SUPPORTER").code()).isEqualTo("rooms.invalid_staff");
		assertThat(api.addMember(room, peerSupporter.id(), "FACILITATOR").code()).isEqualTo("rooms.invalid_staff");
		assertThat(api.addMember(room, facilitator.id(), "PEER_SUPPORTER").status()).isEqualTo(200);
		assertThat(api.addMember(room, facilitator.id(), "FACILITATOR").status()).isEqualTo(200);
		assertThat(api.addMember(room, parent.id(), "PARTICIPANT").status()).isEqualTo(200);
	}

	@Test
	void privateTalksKeepTheirTwoAndOnlyCoordinatorsAndAdministratorsStaffRooms() {
		Session facilitator = api.staffMember("Ohjaaja Pia", "FACILITATOR");
		UUID room = api.createRoom("Lähtö " + UUID.randomUUID(), "OPEN");
		api.addMember(room, facilitator.id(), "FACILITATOR");
		Session parent = api.registerParent("Kahdenkeskeinen");
		api.post("/api/rooms/" + room + "/join", Map.of(), parent.accessToken());
		UUID privateRoom = UUID.fromString(api.post("/api/moderation/rooms/" + room + "/private-talks",
				Map.of("accountId", parent.id()), facilitator.accessToken())
			.text("id"));
		Session coordinator = api.staffMember("Koordinaattori Uteliainen", "COORDINATOR");
		Response intrude = api.post("/api/rooms/" + privateRoom + "/members",
				Map.of("userId", coordinator.id(), "role", "PARTICIPANT"),
				api.login("root-admin", "test-admin-password").accessToken());
		assertThat(intrude.status()).isEqualTo(409);
		assertThat(intrude.code()).isEqualTo("rooms.private_talk_fixed");
		assertThat(
				api.delete("/api/rooms/" + privateRoom + "/members/" + parent.id(), coordinator.accessToken()).code())
			.isEqualTo("rooms.private_talk_fixed");
		assertThat(api.get("/api/rooms/staffing", coordinator.accessToken()).body().toString())
			.doesNotContain(privateRoom.toString());

		for (Response refused : new Response[] { api.get("/api/rooms/staffing", facilitator.accessToken()),
				api.delete("/api/rooms/" + room + "/members/" + parent.id(), facilitator.accessToken()),
				api.post("/api/rooms/" + room + "/members", Map.of("userId", parent.id(), "role", "PARTICIPANT"),
						parent.accessToken()) }) {
			assertThat(refused.status()).isEqualTo(403);
			assertThat(refused.code()).isEqualTo("auth.forbidden");
		}
	}

	private JsonNode staffing(Session coordinator, UUID room) {
		for (JsonNode entry : api.get("/api/rooms/staffing", coordinator.accessToken()).body()) {
			if (entry.path("id").asString().equals(room.toString())) {
				return entry;
			}
		}
		throw new AssertionError("Room " + room + " is not in the staffing list");
	}

}
