package fi.tukipiiri.floor;

import static fi.tukipiiri.support.StompTestClient.awaitSubscribed;
import static fi.tukipiiri.support.StompTestClient.next;
import static fi.tukipiiri.support.StompTestClient.nothing;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.messaging.simp.user.SimpUserRegistry;

import fi.tukipiiri.support.ApiClient;
import fi.tukipiiri.support.ApiClient.Response;
import fi.tukipiiri.support.ApiClient.Session;
import fi.tukipiiri.support.IntegrationTest;
import fi.tukipiiri.support.Nodes;
import fi.tukipiiri.support.StompTestClient;

/**
 * Raised hands in a room, against the real PostgreSQL and Redis with real STOMP clients:
 * the queue in order for everyone, each change heard live on the floor topic (also on
 * another node), turns given only by the room's facilitators and administrators, no hand
 * raised while muted or in a locked room, and a removed member's hand taken down.
 */
@IntegrationTest
class FloorIT {

	static ConfigurableApplicationContext secondNode;

	@Autowired
	ApiClient api;

	@Autowired
	SimpUserRegistry users;

	UUID room;

	Session pia;

	Session pekka;

	Session facilitator;

	Session peerSupporter;

	@BeforeAll
	static void startSecondNode() {
		secondNode = Nodes.start();
	}

	@AfterAll
	static void stopSecondNode() {
		secondNode.close();
	}

	@BeforeEach
	void aRoomWithTwoParentsAFacilitatorAndAPeerSupporter() {
		room = api.createRoom("Puheenvuorot " + UUID.randomUUID().toString().substring(0, 6), "OPEN");
		pia = api.registerParent("Pia");
		pekka = api.registerParent("Pekka");
		facilitator = api.staffMember("Ohjaaja Outi", "FACILITATOR");
		peerSupporter = api.staffMember("Vertais-Ville", "PEER_SUPPORTER");
		assertThat(api.addMember(room, facilitator.id(), "FACILITATOR").status()).isEqualTo(200);
		assertThat(api.addMember(room, peerSupporter.id(), "PEER_SUPPORTER").status()).isEqualTo(200);
		join(pia);
		join(pekka);
	}

	@Test
	void handsQueueInOrderForEveryoneAndEveryChangeIsHeardLive() {
		try (StompTestClient listening = StompTestClient.connect(api.baseUrl(), facilitator.accessToken())) {
			BlockingQueue<JsonNode> heard = listening.subscribe(floor());
			awaitSubscribed(users, facilitator.id(), floor(), 1);

			Response first = api.post(path("/hand"), Map.of(), pia.accessToken());
			assertThat(first.status()).isEqualTo(201);
			assertThat(first.text("accountId")).isEqualTo(pia.id().toString());
			assertThat(first.text("displayName")).isEqualTo("Pia");
			JsonNode raised = next(heard, "Pia's hand, live");
			assertThat(raised.path("type").asString()).isEqualTo("hand-raised");
			assertThat(raised.path("roomId").asString()).isEqualTo(room.toString());
			assertThat(raised.path("accountId").asString()).isEqualTo(pia.id().toString());
			assertThat(raised.path("displayName").asString()).isEqualTo("Pia");
			assertThat(raised.path("raisedAt").asString()).isEqualTo(first.text("raisedAt"));

			assertThat(api.post(path("/hand"), Map.of(), pekka.accessToken()).status()).isEqualTo(201);
			assertThat(next(heard, "Pekka's hand").path("accountId").asString()).isEqualTo(pekka.id().toString());

			// Raising again keeps the place and tells nobody.
			Response again = api.post(path("/hand"), Map.of(), pia.accessToken());
			assertThat(again.status()).isEqualTo(200);
			assertThat(again.text("raisedAt")).isEqualTo(first.text("raisedAt"));
			nothing(heard, 500);

			for (Session asker : List.of(pia, pekka, facilitator, peerSupporter)) {
				assertThat(queue(asker)).as("the queue as %s sees it", asker.id())
					.containsExactly(pia.id(), pekka.id());
			}
			JsonNode firstInQueue = api.get(path("/hands"), pekka.accessToken()).body().get(0);
			assertThat(firstInQueue.path("displayName").asString()).isEqualTo("Pia");
			assertThat(firstInQueue.path("raisedAt").asString()).isEqualTo(first.text("raisedAt"));

			// The facilitator gives the first the turn: off the queue, and the room hears
			// it.
			assertThat(api.post(turn(pia), Map.of(), facilitator.accessToken()).status()).isEqualTo(204);
			JsonNode given = next(heard, "the turn, live");
			assertThat(given.path("type").asString()).isEqualTo("turn-given");
			assertThat(given.path("accountId").asString()).isEqualTo(pia.id().toString());
			assertThat(given.path("displayName").asString()).isEqualTo("Pia");
			assertThat(given.path("by").asString()).isEqualTo(facilitator.id().toString());
			assertThat(queue(pia)).containsExactly(pekka.id());
			Response twice = api.post(turn(pia), Map.of(), facilitator.accessToken());
			assertThat(twice.status()).isEqualTo(404);
			assertThat(twice.code()).isEqualTo("floor.hand_not_raised");

			// Pekka passes in this round: his hand goes down too.
			assertThat(api.post(path("/pass"), Map.of(), pekka.accessToken()).status()).isEqualTo(204);
			JsonNode passed = next(heard, "the pass, live");
			assertThat(passed.path("type").asString()).isEqualTo("passed");
			assertThat(passed.path("accountId").asString()).isEqualTo(pekka.id().toString());
			assertThat(passed.path("displayName").asString()).isEqualTo("Pekka");
			assertThat(queue(pia)).isEmpty();

			// Lowering one's own hand; lowering it again changes nothing.
			api.post(path("/hand"), Map.of(), pia.accessToken());
			next(heard, "Pia's hand again");
			assertThat(api.delete(path("/hand"), pia.accessToken()).status()).isEqualTo(204);
			JsonNode lowered = next(heard, "the lowering, live");
			assertThat(lowered.path("type").asString()).isEqualTo("hand-lowered");
			assertThat(lowered.path("accountId").asString()).isEqualTo(pia.id().toString());
			assertThat(api.delete(path("/hand"), pia.accessToken()).status()).isEqualTo(204);
			nothing(heard, 500);

			// A new round: every hand goes down.
			api.post(path("/hand"), Map.of(), pia.accessToken());
			api.post(path("/hand"), Map.of(), pekka.accessToken());
			next(heard, "a hand");
			next(heard, "another hand");
			assertThat(api.delete(path("/hands"), facilitator.accessToken()).status()).isEqualTo(204);
			JsonNode cleared = next(heard, "the clearing, live");
			assertThat(cleared.path("type").asString()).isEqualTo("hands-cleared");
			assertThat(cleared.path("roomId").asString()).isEqualTo(room.toString());
			assertThat(queue(pekka)).isEmpty();
		}
	}

	@Test
	void onlyTheRoomsFacilitatorsAndAdministratorsGiveTurnsOrClearTheQueue() {
		api.post(path("/hand"), Map.of(), pia.accessToken());
		expect(api.post(turn(pia), Map.of(), pekka.accessToken()), 403, "moderation.forbidden");
		expect(api.post(turn(pia), Map.of(), pia.accessToken()), 403, "moderation.forbidden");
		expect(api.post(turn(pia), Map.of(), peerSupporter.accessToken()), 403, "moderation.forbidden");
		expect(api.delete(path("/hands"), pekka.accessToken()), 403, "moderation.forbidden");
		expect(api.delete(path("/hands"), peerSupporter.accessToken()), 403, "moderation.forbidden");
		Session outsider = api.registerParent("Ulla");
		expect(api.post(turn(pia), Map.of(), outsider.accessToken()), 403, "rooms.not_member");
		// a staff member of another room leads nothing here
		Session otherFacilitator = api.staffMember("Ohjaaja Olli", "FACILITATOR");
		join(otherFacilitator);
		expect(api.post(turn(pia), Map.of(), otherFacilitator.accessToken()), 403, "moderation.forbidden");
		assertThat(queue(pekka)).containsExactly(pia.id());

		// an administrator, not a member, may
		Session admin = api.login("root-admin", "test-admin-password");
		assertThat(api.post(turn(pia), Map.of(), admin.accessToken()).status()).isEqualTo(204);
		assertThat(queue(pekka)).isEmpty();
		assertThat(api.delete(path("/hands"), admin.accessToken()).status()).isEqualTo(204);

		// ids in the path are checked, never a fault
		expect(api.post("/api/rooms/" + room + "/hands/not-an-id/turn", Map.of(), facilitator.accessToken()), 400,
				"request.malformed");
		expect(api.get("/api/rooms/not-a-room/hands", pia.accessToken()), 400, "request.malformed");
		expect(api.post("/api/rooms/" + room + "/hands/" + UUID.randomUUID() + "/turn", Map.of(),
				facilitator.accessToken()), 404, "floor.hand_not_raised");
	}

	@Test
	void aNonMemberNeitherReadsNorHearsTheFloorOfAClosedGroup() {
		UUID closed = api.createRoom("Suljettu ryhmä " + UUID.randomUUID().toString().substring(0, 6), "CLOSED");
		Session member = api.registerParent("Jäsen");
		Session outsider = api.registerParent("Ulkopuolinen");
		api.addMember(closed, member.id(), "PARTICIPANT");
		try (StompTestClient out = StompTestClient.connect(api.baseUrl(), outsider.accessToken())) {
			BlockingQueue<JsonNode> errors = out.subscribe("/user/queue/errors");
			BlockingQueue<JsonNode> overheard = out.subscribe("/topic/rooms/" + closed + "/floor");
			JsonNode refused = next(errors, "the refused subscription");
			assertThat(refused.path("code").asString()).isEqualTo("rooms.not_member");
			assertThat(refused.path("roomId").asString()).isEqualTo(closed.toString());

			assertThat(api.post("/api/rooms/" + closed + "/hand", Map.of(), member.accessToken()).status())
				.isEqualTo(201);
			nothing(overheard, 1000);
		}
		for (String refusedPath : List.of("/hands", "/hand", "/pass")) {
			Response answer = refusedPath.equals("/hands")
					? api.get("/api/rooms/" + closed + refusedPath, outsider.accessToken())
					: api.post("/api/rooms/" + closed + refusedPath, Map.of(), outsider.accessToken());
			expect(answer, 403, "rooms.not_member");
		}
		expect(api.delete("/api/rooms/" + closed + "/hand", outsider.accessToken()), 403, "rooms.not_member");
		expect(api.get("/api/rooms/" + UUID.randomUUID() + "/hands", outsider.accessToken()), 403, "rooms.not_member");
		assertThat(api.get("/api/rooms/" + closed + "/hands", member.accessToken()).body().size()).isEqualTo(1);
	}

	@Test
	void aMutedParentOrALockedRoomRaisesNoHandButHandsStillGoDown() {
		api.post(path("/hand"), Map.of(), pia.accessToken());
		assertThat(api
			.post("/api/moderation/rooms/" + room + "/mutes", Map.of("accountId", pia.id(), "minutes", 5),
					facilitator.accessToken())
			.status()).isEqualTo(201);
		assertThat(api.delete(path("/hand"), pia.accessToken()).status()).isEqualTo(204);
		expect(api.post(path("/hand"), Map.of(), pia.accessToken()), 403, "moderation.muted");
		assertThat(api.post(path("/pass"), Map.of(), pia.accessToken()).status()).isEqualTo(204);
		assertThat(queue(pekka)).isEmpty();

		assertThat(api.put("/api/moderation/rooms/" + room + "/lock", Map.of("locked", true), facilitator.accessToken())
			.status()).isEqualTo(200);
		expect(api.post(path("/hand"), Map.of(), pekka.accessToken()), 409, "rooms.read_only");
		assertThat(queue(pekka)).isEmpty();
	}

	@Test
	void aRemovedOrBannedMembersHandGoesDownAndTheyHearTheFloorNoMore() {
		api.post(path("/hand"), Map.of(), pia.accessToken());
		api.post(path("/hand"), Map.of(), pekka.accessToken());
		Session third = api.registerParent("Tiina");
		join(third);
		api.post(path("/hand"), Map.of(), third.accessToken());
		try (StompTestClient staff = StompTestClient.connect(api.baseUrl(), facilitator.accessToken());
				StompTestClient removed = StompTestClient.connect(api.baseUrl(), pia.accessToken())) {
			BlockingQueue<JsonNode> heard = staff.subscribe(floor());
			BlockingQueue<JsonNode> piaHears = removed.subscribe(floor());
			awaitSubscribed(users, facilitator.id(), floor(), 1);
			awaitSubscribed(users, pia.id(), floor(), 1);

			assertThat(api
				.post("/api/moderation/rooms/" + room + "/removals", Map.of("accountId", pia.id()),
						facilitator.accessToken())
				.status()).isEqualTo(204);
			JsonNode lowered = next(heard, "the removed member's hand going down");
			assertThat(lowered.path("type").asString()).isEqualTo("hand-lowered");
			assertThat(lowered.path("accountId").asString()).isEqualTo(pia.id().toString());
			assertThat(queue(pekka)).containsExactly(pekka.id(), third.id());

			assertThat(api
				.post("/api/moderation/rooms/" + room + "/bans", Map.of("accountId", pekka.id()),
						facilitator.accessToken())
				.status()).isEqualTo(201);
			assertThat(next(heard, "the banned member's hand going down").path("accountId").asString())
				.isEqualTo(pekka.id().toString());

			// a coordinator taking someone out of the room
			Session admin = api.login("root-admin", "test-admin-password");
			assertThat(api.delete("/api/rooms/" + room + "/members/" + third.id(), admin.accessToken()).status())
				.isEqualTo(204);
			assertThat(next(heard, "the dismissed member's hand going down").path("accountId").asString())
				.isEqualTo(third.id().toString());
			assertThat(queue(facilitator)).isEmpty();

			// Pia no longer hears the floor, and coming back she starts with no hand up.
			join(pia);
			assertThat(queue(pia)).isEmpty();
			api.post(path("/hand"), Map.of(), pia.accessToken());
			next(heard, "Pia's new hand");
			nothing(piaHears, 500);
		}
	}

	@Test
	void anotherNodeHearsTheFloorAndSeesTheSameQueue() {
		ApiClient second = new ApiClient(secondNode.getEnvironment());
		try (StompTestClient there = StompTestClient.connect(second.baseUrl(), pekka.accessToken());
				StompTestClient here = StompTestClient.connect(api.baseUrl(), facilitator.accessToken())) {
			BlockingQueue<JsonNode> heardThere = there.subscribe(floor());
			BlockingQueue<JsonNode> heardHere = here.subscribe(floor());
			awaitSubscribed(secondNode.getBean(SimpUserRegistry.class), pekka.id(), floor(), 1);
			awaitSubscribed(users, facilitator.id(), floor(), 1);

			assertThat(api.post(path("/hand"), Map.of(), pia.accessToken()).status()).isEqualTo(201);
			assertThat(next(heardThere, "the hand, on the other node").path("type").asString())
				.isEqualTo("hand-raised");
			next(heardHere, "the hand, here");
			Response queueThere = second.get(path("/hands"), pekka.accessToken());
			assertThat(queueThere.status()).isEqualTo(200);
			assertThat(queueThere.body().get(0).path("accountId").asString()).isEqualTo(pia.id().toString());

			// a turn given through the other node is heard here
			assertThat(second.post(turn(pia), Map.of(), facilitator.accessToken()).status()).isEqualTo(204);
			assertThat(next(heardHere, "the turn, from the other node").path("type").asString())
				.isEqualTo("turn-given");
			assertThat(next(heardThere, "the turn, there").path("type").asString()).isEqualTo("turn-given");
		}
	}

	private String floor() {
		return "/topic/rooms/" + room + "/floor";
	}

	private String path(String tail) {
		return "/api/rooms/" + room + tail;
	}

	private String turn(Session person) {
		return path("/hands/" + person.id() + "/turn");
	}

	private List<UUID> queue(Session asker) {
		Response answer = api.get(path("/hands"), asker.accessToken());
		assertThat(answer.status()).isEqualTo(200);
		return answer.body().valueStream().map(hand -> UUID.fromString(hand.path("accountId").asString())).toList();
	}

	private void join(Session person) {
		assertThat(api.post("/api/rooms/" + room + "/join", Map.of(), person.accessToken()).status()).isEqualTo(200);
	}

	private static void expect(Response response, int status, String code) {
		assertThat(response.status()).as("status of %s", response.body()).isEqualTo(status);
		assertThat(response.code()).isEqualTo(code);
	}

}
