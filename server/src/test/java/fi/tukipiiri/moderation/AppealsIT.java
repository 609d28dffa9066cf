package fi.tukipiiri.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import fi.tukipiiri.support.ApiClient;
import fi.tukipiiri.support.ApiClient.Response;
import fi.tukipiiri.support.ApiClient.Session;
import fi.tukipiiri.support.IntegrationTest;
import fi.tukipiiri.support.StompTestClient;

/**
 * Appeals against the real PostgreSQL and Redis: a muted or banned person sees their
 * sanctions in force and appeals each once; coordinators and administrators, and nobody
 * else, read the appeals and answer each once; a lifting answer lifts the mute or the ban
 * as a facilitator's unmute or unban does, and the person is told the outcome, and of
 * every lifted ban.
 */
@IntegrationTest
class AppealsIT {

	@Autowired
	ApiClient api;

	UUID room;

	String roomTitle;

	String base;

	Session facilitator;

	Session coordinator;

	Session parent;

	Session other;

	Session admin;

	@BeforeEach
	void aRoomWithAFacilitatorAndTwoParents() {
		roomTitle = "Vuorovaikutustavat " + UUID.randomUUID().toString().substring(0, 6);
		room = api.createRoom(roomTitle, "OPEN");
		base = "/api/moderation/rooms/" + room;
		facilitator = api.staffMember("Ohjaaja Outi", "FACILITATOR");
		coordinator = api.staffMember("Koordinaattori Kaisa", "COORDINATOR");
		parent = api.registerParent("Pekka");
		other = api.registerParent("Olli");
		admin = api.login("root-admin", "test-admin-password");
		assertThat(api.addMember(room, facilitator.id(), "FACILITATOR").status()).isEqualTo(200);
		join(parent);
		join(other);
	}

	@Test
	void aMutedParentAppealsOnceAndAnAnswerThatUpholdsKeepsTheMute() {
		assertThat(api.get("/api/me/sanctions", parent.accessToken()).body().size()).isZero();
		UUID mute = mute(parent, "Kiihtynyt keskustelu");

		JsonNode sanctions = api.get("/api/me/sanctions", parent.accessToken()).body();
		assertThat(sanctions.size()).isEqualTo(1);
		JsonNode sanction = sanctions.get(0);
		assertThat(sanction.path("id").asString()).isEqualTo(mute.toString());
		assertThat(sanction.path("kind").asString()).isEqualTo("MUTE");
		assertThat(sanction.path("roomId").asString()).isEqualTo(room.toString());
		assertThat(sanction.path("roomTitle").asString()).isEqualTo(roomTitle);
		assertThat(sanction.path("reason").asString()).isEqualTo("Kiihtynyt keskustelu");
		assertThat(sanction.path("endsAt").isNull()).isTrue();
		assertThat(sanction.path("appealed").asBoolean()).isFalse();
		assertThat(sanction.path("appealId").isNull()).isTrue();
		assertThat(sanction.has("imposedBy")).as("who imposed it is not told").isFalse();
		assertThat(api.get("/api/me/sanctions", other.accessToken()).body().size()).as("only one's own").isZero();

		// the text is folded as other notes are: spaces at line ends go, the lines stay
		Response appealed = appeal(parent, mute, "En tarkoittanut pahaa.  \nSaanko jatkaa?");
		assertThat(appealed.status()).isEqualTo(201);
		UUID appealId = UUID.fromString(appealed.text("id"));
		assertThat(appealed.text("sanctionId")).isEqualTo(mute.toString());
		assertThat(appealed.text("kind")).isEqualTo("MUTE");
		assertThat(appealed.text("roomTitle")).isEqualTo(roomTitle);
		assertThat(appealed.text("text")).isEqualTo("En tarkoittanut pahaa.\nSaanko jatkaa?");
		assertThat(appealed.body().path("answer").isNull()).isTrue();
		assertThat(appealed.body().path("outcome").isNull()).isTrue();

		Response again = appeal(parent, mute, "Toinen yritys");
		assertThat(again.status()).isEqualTo(409);
		assertThat(again.code()).isEqualTo("moderation.appeal_exists");
		JsonNode appealedNow = api.get("/api/me/sanctions", parent.accessToken()).body().get(0);
		assertThat(appealedNow.path("appealed").asBoolean()).isTrue();
		assertThat(appealedNow.path("appealId").asString()).isEqualTo(appealId.toString());

		JsonNode listed = listed(coordinator, "?open=true", appealId);
		assertThat(listed).as("the open appeal in the coordinators' queue").isNotNull();
		assertThat(listed.path("accountId").asString()).isEqualTo(parent.id().toString());
		assertThat(listed.path("displayName").asString()).isEqualTo("Pekka");
		assertThat(listed.path("text").asString()).isEqualTo("En tarkoittanut pahaa.\nSaanko jatkaa?");
		JsonNode appealedSanction = listed.path("sanction");
		assertThat(appealedSanction.path("id").asString()).isEqualTo(mute.toString());
		assertThat(appealedSanction.path("kind").asString()).isEqualTo("MUTE");
		assertThat(appealedSanction.path("roomId").asString()).isEqualTo(room.toString());
		assertThat(appealedSanction.path("roomTitle").asString()).isEqualTo(roomTitle);
		assertThat(appealedSanction.path("reason").asString()).isEqualTo("Kiihtynyt keskustelu");
		assertThat(appealedSanction.path("imposedBy").asString()).isEqualTo(facilitator.id().toString());
		assertThat(appealedSanction.path("imposedByName").asString()).isEqualTo(api.displayName(facilitator));
		assertThat(appealedSanction.path("imposedAt").isNull()).isFalse();
		assertThat(appealedSanction.path("endsAt").isNull()).isTrue();
		assertThat(appealedSanction.path("inForce").asBoolean()).isTrue();
		assertThat(listed.path("outcome").isNull()).isTrue();
		assertThat(listed(admin, "", appealId)).as("administrators read them too").isNotNull();
		assertThat(listed(coordinator, "?open=false", appealId)).as("not among the answered").isNull();

		for (Session notAllowed : List.of(parent, facilitator)) {
			Response read = api.get("/api/moderation/appeals", notAllowed.accessToken());
			assertThat(read.status()).isEqualTo(403);
			assertThat(read.code()).isEqualTo("auth.forbidden");
			Response answered = answer(notAllowed, appealId, "Puretaan", true);
			assertThat(answered.status()).isEqualTo(403);
			assertThat(answered.code()).isEqualTo("auth.forbidden");
		}
		assertThat(trySend(parent)).as("still muted").isEqualTo("moderation.muted");

		Response upheld = answer(coordinator, appealId, "Mykistys pysyy tämän illan.", false);
		assertThat(upheld.status()).isEqualTo(200);
		assertThat(upheld.text("outcome")).isEqualTo("UPHELD");
		assertThat(upheld.text("answer")).isEqualTo("Mykistys pysyy tämän illan.");
		assertThat(upheld.text("answeredBy")).isEqualTo(coordinator.id().toString());
		assertThat(upheld.body().path("sanction").path("inForce").asBoolean()).isTrue();
		Response twice = answer(admin, appealId, "Puretaan sittenkin", true);
		assertThat(twice.status()).isEqualTo(409);
		assertThat(twice.code()).isEqualTo("moderation.appeal_answered");

		assertThat(trySend(parent)).as("an upheld mute holds").isEqualTo("moderation.muted");
		assertThat(api.get(base, parent.accessToken()).body().path("muted").asBoolean()).isTrue();
		JsonNode own = api.get("/api/me/appeals", parent.accessToken()).body();
		assertThat(own.size()).isEqualTo(1);
		assertThat(own.get(0).path("answer").asString()).isEqualTo("Mykistys pysyy tämän illan.");
		assertThat(own.get(0).path("outcome").asString()).isEqualTo("UPHELD");
		assertThat(own.get(0).path("answeredAt").isNull()).isFalse();
		assertThat(own.get(0).has("answeredBy")).as("who answered is not told").isFalse();
		JsonNode notice = awaitNotice(parent, "moderation.appeal_answered", appealId);
		assertThat(notice.path("params").path("outcome").asString()).isEqualTo("UPHELD");
		assertThat(notice.path("params").path("kind").asString()).isEqualTo("MUTE");
		assertThat(notice.path("params").path("roomTitle").asString()).isEqualTo(roomTitle);
		assertThat(notice.path("params").path("roomId").asString()).isEqualTo(room.toString());
		assertThat(listed(coordinator, "?open=true", appealId)).as("no longer open").isNull();
		assertThat(listed(coordinator, "?open=false", appealId)).as("among the answered").isNotNull();
		assertThat(actions()).contains("APPEAL", "APPEAL_ANSWERED").doesNotContain("UNMUTE");
		assertThat(export(parent)).contains("Mykistys pysyy tämän illan.", "Saanko jatkaa?");
	}

	@Test
	void aLiftingAnswerLetsTheMutedWriteAgainAndTheBannedEnterAgain() {
		UUID mute = mute(parent, "");
		assertThat(trySend(parent)).isEqualTo("moderation.muted");
		UUID muteAppeal = UUID.fromString(appeal(parent, mute, "Pahoittelen").text("id"));
		Response lifted = answer(coordinator, muteAppeal, "Puretaan, kiitos anteeksipyynnöstä.", true);
		assertThat(lifted.status()).isEqualTo(200);
		assertThat(lifted.text("outcome")).isEqualTo("LIFTED");
		assertThat(lifted.body().path("sanction").path("inForce").asBoolean()).isFalse();
		assertThat(lifted.body().path("sanction").path("liftedAt").isNull()).isFalse();
		assertThat(trySend(parent)).as("writes again").isEqualTo("ack");
		assertThat(api.get("/api/me/sanctions", parent.accessToken()).body().size()).isZero();
		assertThat(
				awaitNotice(parent, "moderation.appeal_answered", muteAppeal).path("params").path("outcome").asString())
			.isEqualTo("LIFTED");

		Response ban = api.post(base + "/bans", Map.of("accountId", other.id(), "reason", "Uhkailu"),
				facilitator.accessToken());
		assertThat(ban.status()).isEqualTo(201);
		assertThat(api.post("/api/rooms/" + room + "/join", Map.of(), other.accessToken()).code())
			.isEqualTo("rooms.barred");
		JsonNode own = api.get("/api/me/sanctions", other.accessToken()).body();
		assertThat(own.size()).isEqualTo(1);
		assertThat(own.get(0).path("kind").asString()).isEqualTo("BAN");
		assertThat(own.get(0).path("roomTitle").asString()).as("the room's title also when no longer in it")
			.isEqualTo(roomTitle);
		UUID banAppeal = UUID
			.fromString(appeal(other, UUID.fromString(ban.text("id")), "Se oli väärinkäsitys").text("id"));
		assertThat(listed(coordinator, "?open=true", banAppeal).path("sanction").path("kind").asString())
			.isEqualTo("BAN");
		assertThat(answer(coordinator, banAppeal, "Kielto puretaan.", true).text("outcome")).isEqualTo("LIFTED");
		assertThat(api.post("/api/rooms/" + room + "/join", Map.of(), other.accessToken()).status()).as("enters again")
			.isEqualTo(200);
		JsonNode answered = awaitNotice(other, "moderation.appeal_answered", banAppeal);
		assertThat(answered.path("params").path("kind").asString()).isEqualTo("BAN");
		assertThat(answered.path("params").path("outcome").asString()).isEqualTo("LIFTED");
		JsonNode unbanned = awaitNotice(other, "moderation.unbanned", null);
		assertThat(unbanned.path("params").path("roomTitle").asString()).isEqualTo(roomTitle);
		assertThat(unbanned.path("params").path("roomId").asString()).isEqualTo(room.toString());

		List<String> actions = actions();
		assertThat(actions).contains("UNMUTE", "UNBAN");
		assertThat(actions.stream().filter("APPEAL"::equals).count()).isEqualTo(2);
		assertThat(actions.stream().filter("APPEAL_ANSWERED"::equals).count()).isEqualTo(2);
	}

	@Test
	void aFacilitatorsUnbanTellsThePerson() {
		assertThat(api.post(base + "/bans", Map.of("accountId", parent.id()), facilitator.accessToken()).status())
			.isEqualTo(201);
		assertThat(api.delete(base + "/bans/" + parent.id(), facilitator.accessToken()).status()).isEqualTo(204);
		JsonNode unbanned = awaitNotice(parent, "moderation.unbanned", null);
		assertThat(unbanned.path("params").path("roomTitle").asString()).isEqualTo(roomTitle);
		// lifting nothing tells nothing
		assertThat(api.delete(base + "/bans/" + other.id(), facilitator.accessToken()).status()).isEqualTo(204);
		assertThat(api.post(base + "/bans", Map.of("accountId", parent.id()), facilitator.accessToken()).status())
			.isEqualTo(201);
		assertThat(api.delete(base + "/bans/" + parent.id(), facilitator.accessToken()).status()).isEqualTo(204);
		Awaitility.await().atMost(10, TimeUnit.SECONDS).until(() -> notices(parent, "moderation.unbanned").size() == 2);
		assertThat(notices(other, "moderation.unbanned")).isEmpty();
	}

	@Test
	void appealsAndAnswersAreRefusedWithCodes() {
		UUID mute = mute(parent, "");
		UUID othersMute = mute(other, "");

		Response notTheirs = appeal(parent, othersMute, "Tämä ei ole minun");
		assertThat(notTheirs.status()).isEqualTo(404);
		assertThat(notTheirs.code()).isEqualTo("moderation.sanction_not_found");
		assertThat(appeal(parent, UUID.randomUUID(), "Ei ole").code()).isEqualTo("moderation.sanction_not_found");

		assertField(appeal(parent, mute, "   \u200B "), "text", "not_blank");
		assertField(api.post("/api/me/appeals", Map.of("sanctionId", mute), parent.accessToken()), "text", "not_blank");
		assertField(appeal(parent, mute, "a".repeat(1001)), "text", "size");
		assertField(appeal(parent, mute, "ohjaus\u0007merkki"), "text", "control_character");
		assertField(api.post("/api/me/appeals", Map.of("text", "Ilman tunnusta"), parent.accessToken()), "sanctionId",
				"not_null");
		assertThat(api.post("/api/me/appeals", Map.of("sanctionId", "nope", "text", "x"), parent.accessToken()).code())
			.isEqualTo("validation.failed");
		assertThat(api.get("/api/me/appeals", parent.accessToken()).body().size()).as("nothing was stored").isZero();
		assertThat(appeal(parent, mute, "\u00E4".repeat(1000)).status()).as("1,000 characters are enough")
			.isEqualTo(201);

		// a lifted sanction can no longer be appealed
		assertThat(api.delete(base + "/mutes/" + other.id(), facilitator.accessToken()).status()).isEqualTo(204);
		Response lifted = appeal(other, othersMute, "Nyt jo purettu");
		assertThat(lifted.status()).isEqualTo(404);
		assertThat(lifted.code()).isEqualTo("moderation.sanction_not_found");
		// a timed mute can be appealed while it lasts
		UUID timed = UUID.fromString(
				api.post(base + "/mutes", Map.of("accountId", other.id(), "minutes", 1), facilitator.accessToken())
					.text("id"));
		assertThat(appeal(other, timed, "Minuutin mykistys").status()).isEqualTo(201);

		UUID appealId = UUID
			.fromString(api.get("/api/me/appeals", parent.accessToken()).body().get(0).path("id").asString());
		assertField(answer(coordinator, appealId, "", false), "answer", "not_blank");
		assertField(answer(coordinator, appealId, "b".repeat(1001), false), "answer", "size");
		Map<String, Object> noLift = new HashMap<>();
		noLift.put("answer", "Vastaus");
		assertField(api.post("/api/moderation/appeals/" + appealId + "/answer", noLift, coordinator.accessToken()),
				"lift", "not_null");
		Response unknown = answer(coordinator, UUID.randomUUID(), "Vastaus", false);
		assertThat(unknown.status()).isEqualTo(404);
		assertThat(unknown.code()).isEqualTo("moderation.appeal_not_found");
		assertThat(api.get("/api/moderation/appeals?open=maybe", coordinator.accessToken()).code())
			.isEqualTo("validation.failed");

		// a coordinator muted as a participant cannot answer their own appeal
		join(coordinator);
		UUID coordinatorsMute = mute(coordinator, "");
		UUID own = UUID.fromString(appeal(coordinator, coordinatorsMute, "Oma valitus").text("id"));
		Response self = answer(coordinator, own, "Hyväksyn itse", true);
		assertThat(self.status()).isEqualTo(400);
		assertThat(self.code()).isEqualTo("moderation.self");
		assertThat(api.get(base, coordinator.accessToken()).body().path("muted").asBoolean()).isTrue();
		assertThat(answer(admin, own, "Puretaan", true).text("outcome")).isEqualTo("LIFTED");
		assertThat(api.get(base, coordinator.accessToken()).body().path("muted").asBoolean()).isFalse();
	}

	private UUID mute(Session person, String reason) {
		Response muted = api.post(base + "/mutes", Map.of("accountId", person.id(), "reason", reason),
				facilitator.accessToken());
		assertThat(muted.status()).isEqualTo(201);
		return UUID.fromString(muted.text("id"));
	}

	private Response appeal(Session person, UUID sanctionId, String text) {
		return api.post("/api/me/appeals", Map.of("sanctionId", sanctionId, "text", text), person.accessToken());
	}

	private Response answer(Session answerer, UUID appealId, String text, boolean lift) {
		return api.post("/api/moderation/appeals/" + appealId + "/answer", Map.of("answer", text, "lift", lift),
				answerer.accessToken());
	}

	/** The appeal as the reader finds it in the list with this query, or null. */
	private JsonNode listed(Session reader, String query, UUID appealId) {
		Response list = api.get("/api/moderation/appeals" + query, reader.accessToken());
		assertThat(list.status()).isEqualTo(200);
		for (JsonNode appeal : list.body()) {
			if (appeal.path("id").asString().equals(appealId.toString())) {
				return appeal;
			}
		}
		return null;
	}

	private static void assertField(Response refused, String field, String code) {
		assertThat(refused.status()).as(refused.raw().body()).isEqualTo(400);
		assertThat(refused.code()).isEqualTo("validation.failed");
		assertThat(refused.body().path("errors").get(0).path("field").asString()).isEqualTo(field);
		assertThat(refused.body().path("errors").get(0).path("code").asString()).isEqualTo(code);
	}

	/**
	 * Sends a message to the room over STOMP: {@code "ack"} when it was stored, else the
	 * refusal's code.
	 */
	private String trySend(Session author) {
		try (var client = StompTestClient.connect(api.baseUrl(), author.accessToken())) {
			var acks = client.subscribe("/user/queue/acks");
			var errors = client.subscribe("/user/queue/errors");
			client.sendMessage(room, "c" + UUID.randomUUID().toString().substring(0, 8), "Saanko sanoa jotain?");
			long deadline = System.currentTimeMillis() + 10_000;
			while (System.currentTimeMillis() < deadline) {
				if (acks.poll() != null) {
					return "ack";
				}
				JsonNode error = errors.poll();
				if (error != null) {
					return error.path("code").asString();
				}
				Thread.onSpinWait();
			}
			throw new AssertionError("Neither an ack nor a refusal arrived");
		}
	}

	/** The person's notice of this kind about this subject (any subject when null). */
	private JsonNode awaitNotice(Session person, String kind, UUID subjectId) {
		Awaitility.await()
			.atMost(10, TimeUnit.SECONDS)
			.until(() -> notices(person, kind).stream()
				.anyMatch(notice -> subjectId == null
						|| notice.path("subjectId").asString().equals(subjectId.toString())));
		return notices(person, kind).stream()
			.filter(notice -> subjectId == null || notice.path("subjectId").asString().equals(subjectId.toString()))
			.findFirst()
			.orElseThrow();
	}

	private List<JsonNode> notices(Session person, String kind) {
		List<JsonNode> found = new ArrayList<>();
		api.get("/api/notifications", person.accessToken()).body().forEach(notice -> {
			if (notice.path("kind").asString().equals(kind)) {
				found.add(notice);
			}
		});
		return found;
	}

	private List<String> actions() {
		List<String> actions = new ArrayList<>();
		api.get("/api/moderation/audit?roomId=" + room, admin.accessToken())
			.body()
			.forEach(line -> actions.add(line.path("action").asString()));
		return actions;
	}

	private String export(Session person) {
		return api.get("/api/me/export", person.accessToken()).raw().body();
	}

	private void join(Session person) {
		assertThat(api.post("/api/rooms/" + room + "/join", Map.of(), person.accessToken()).status()).isEqualTo(200);
	}

}
