package fi.tukipiiri.presence;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import tools.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.messaging.simp.user.SimpUserRegistry;

import fi.tukipiiri.support.ApiClient;
import fi.tukipiiri.support.ApiClient.Session;
import fi.tukipiiri.support.IntegrationTest;
import fi.tukipiiri.support.StompTestClient;

import static fi.tukipiiri.support.StompTestClient.next;
import static fi.tukipiiri.support.StompTestClient.nothing;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@IntegrationTest
class PresenceIT {

	@Autowired
	ApiClient api;

	@Autowired
	SimpUserRegistry users;

	@Test
	void peopleArriveAndLeaveWithDisplayNamesAndRoomRolesOnly() {
		UUID room = api.createRoom("Paikalla", "OPEN");
		Session anna = api.registerParent("Anna");
		Session ohjaaja = api.staffMember("Ohjaaja Sari", "FACILITATOR");
		api.addMember(room, ohjaaja.id(), "FACILITATOR");
		String ohjaajaName = api.displayName(ohjaaja);
		try (var a = StompTestClient.connect(api.baseUrl(), anna.accessToken())) {
			a.subscribe("/topic/rooms/" + room);
			awaitCount(room, anna, 1);
			var presence = a.subscribe("/topic/rooms/" + room + "/presence");
			StompTestClient.awaitSubscribed(users, anna.id(), "/topic/rooms/" + room + "/presence", 1);
			var o = StompTestClient.connect(api.baseUrl(), ohjaaja.accessToken());
			o.subscribe("/topic/rooms/" + room);

			JsonNode joined = next(presence, "facilitator arriving");
			assertThat(joined.path("type").asString()).isEqualTo("joined");
			assertThat(joined.path("displayName").asString()).isEqualTo(ohjaajaName);
			assertThat(joined.path("role").asString()).isEqualTo("FACILITATOR");

			JsonNode list = api.get("/api/rooms/" + room + "/presence", anna.accessToken()).body();
			assertThat(list.size()).isEqualTo(2);
			assertThat(list.get(0).path("displayName").asString()).isEqualTo(ohjaajaName);
			assertThat(list.toString()).doesNotContain("username").doesNotContain("\"p");

			o.close();
			JsonNode left = next(presence, "facilitator leaving");
			assertThat(left.path("type").asString()).isEqualTo("left");
			assertThat(left.path("accountId").asString()).isEqualTo(ohjaaja.id().toString());
			awaitCount(room, anna, 1);
		}
	}

	@Test
	void aSecondTabDoesNotAnnounceTheSamePersonTwice() {
		UUID room = api.createRoom("Kaksi välilehteä", "OPEN");
		Session anna = api.registerParent("Anna");
		Session matti = api.registerParent("Matti");
		try (var a = StompTestClient.connect(api.baseUrl(), anna.accessToken())) {
			a.subscribe("/topic/rooms/" + room);
			awaitCount(room, anna, 1);
			var presence = a.subscribe("/topic/rooms/" + room + "/presence");
			StompTestClient.awaitSubscribed(users, anna.id(), "/topic/rooms/" + room + "/presence", 1);
			var tab1 = StompTestClient.connect(api.baseUrl(), matti.accessToken());
			tab1.subscribe("/topic/rooms/" + room);
			next(presence, "Matti's first tab");
			var tab2 = StompTestClient.connect(api.baseUrl(), matti.accessToken());
			tab2.subscribe("/topic/rooms/" + room);
			nothing(presence, 800);
			tab1.close();
			nothing(presence, 800);
			tab2.close();
			assertThat(next(presence, "Matti's last tab closing").path("type").asString()).isEqualTo("left");
		}
	}

	@Test
	void typingIsThrottledAndReachesOthers() {
		UUID room = api.createRoom("Kirjoittaa", "OPEN");
		Session anna = api.registerParent("Anna");
		Session matti = api.registerParent("Matti");
		api.post("/api/rooms/" + room + "/join", Map.of(), anna.accessToken());
		try (var a = StompTestClient.connect(api.baseUrl(), anna.accessToken());
				var m = StompTestClient.connect(api.baseUrl(), matti.accessToken())) {
			var typing = m.subscribe("/topic/rooms/" + room + "/typing");
			// frames of one session are handled in order: once Matti counts as present,
			// his typing subscription is in place
			m.subscribe("/topic/rooms/" + room);
			awaitCount(room, anna, 1);
			a.send("/app/rooms/" + room + "/typing", Map.of());
			a.send("/app/rooms/" + room + "/typing", Map.of());
			JsonNode notice = next(typing, "typing notice");
			assertThat(notice.path("type").asString()).isEqualTo("typing");
			assertThat(notice.path("displayName").asString()).isEqualTo("Anna");
			nothing(typing, 800);
		}
	}

	@Test
	void presenceAndTypingOfAClosedGroupStayInside() {
		UUID room = api.createRoom("Suljettu", "CLOSED");
		Session member = api.registerParent("Jäsen");
		Session outsider = api.registerParent("Ulkopuolinen");
		api.addMember(room, member.id(), "PARTICIPANT");
		var presence = api.get("/api/rooms/" + room + "/presence", outsider.accessToken());
		assertThat(presence.status()).isEqualTo(403);
		assertThat(presence.code()).isEqualTo("rooms.not_member");
		try (var out = StompTestClient.connect(api.baseUrl(), outsider.accessToken())) {
			var errors = out.subscribe("/user/queue/errors");
			out.subscribe("/topic/rooms/" + room + "/presence");
			assertThat(next(errors, "presence refusal").path("code").asString()).isEqualTo("rooms.not_member");
			out.subscribe("/topic/rooms/" + room + "/typing");
			assertThat(next(errors, "typing topic refusal").path("code").asString()).isEqualTo("rooms.not_member");
			out.send("/app/rooms/" + room + "/typing", Map.of());
			assertThat(next(errors, "typing send refusal").path("code").asString()).isEqualTo("rooms.not_member");
		}
	}

	private void awaitCount(UUID room, Session asker, int people) {
		await().atMost(5, TimeUnit.SECONDS)
			.until(() -> api.get("/api/rooms/" + room + "/presence", asker.accessToken()).body().size() == people);
	}

}
