package fi.tukipiiri.questions;

import static fi.tukipiiri.support.StompTestClient.awaitSubscribed;
import static fi.tukipiiri.support.StompTestClient.next;
import static fi.tukipiiri.support.StompTestClient.nothing;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
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
 * Questions in a live information session, against the real PostgreSQL and Redis with
 * real STOMP clients on two nodes: a participant asks on one node, the staff on the other
 * hear it live with who asked, publish it, and everyone reads it in the stream without a
 * name; answers, answers given aloud, setting aside, withdrawing; only the staff write
 * ordinary messages, read the queue and act on it; the room's rules and the risk words
 * apply to questions as to messages.
 */
@IntegrationTest
class QuestionsIT {

	static ConfigurableApplicationContext secondNode;

	@Autowired
	ApiClient api;

	@Autowired
	SimpUserRegistry users;

	UUID room;

	Session pia;

	Session pekka;

	Session facilitator;

	Session volunteer;

	@BeforeAll
	static void startSecondNode() {
		secondNode = Nodes.start();
	}

	@AfterAll
	static void stopSecondNode() {
		secondNode.close();
	}

	@BeforeEach
	void anInformationSessionWithTwoParentsAProfessionalAndAVolunteer() {
		room = infoSession("OPEN");
		pia = api.registerParent("Pia");
		pekka = api.registerParent("Pekka");
		facilitator = api.staffMember("Ohjaaja Outi", "FACILITATOR");
		volunteer = api.staffMember("Vapaaehtoinen Ville", "PEER_SUPPORTER");
		assertThat(api.addMember(room, facilitator.id(), "FACILITATOR").status()).isEqualTo(200);
		assertThat(api.addMember(room, volunteer.id(), "PEER_SUPPORTER").status()).isEqualTo(200);
		join(pia);
		join(pekka);
	}

	@Test
	void askedOnOneNodeHeardByTheStaffOnTheOtherAndPublishedForEveryoneWithoutAName() {
		ApiClient second = new ApiClient(secondNode.getEnvironment());
		SimpUserRegistry secondUsers = secondNode.getBean(SimpUserRegistry.class);
		try (StompTestClient staff = StompTestClient.connect(second.baseUrl(), facilitator.accessToken());
				StompTestClient reader = StompTestClient.connect(second.baseUrl(), pekka.accessToken());
				StompTestClient asker = StompTestClient.connect(api.baseUrl(), pia.accessToken())) {
			BlockingQueue<JsonNode> queue = staff.subscribe(questions());
			BlockingQueue<JsonNode> stream = reader.subscribe(messages());
			BlockingQueue<JsonNode> own = asker.subscribe("/user/queue/questions");
			awaitSubscribed(secondUsers, facilitator.id(), questions(), 1);
			awaitSubscribed(secondUsers, pekka.id(), messages(), 1);
			awaitSubscribed(users, pia.id(), "/user/queue/questions", 1);

			// Pia asks on this node.
			Response asked = ask(api, pia, "q1", "Miten lapsen tapaamisista sovitaan?");
			assertThat(asked.status()).isEqualTo(201);
			assertThat(asked.text("state")).isEqualTo("ASKED");
			assertThat(asked.text("body")).isEqualTo("Miten lapsen tapaamisista sovitaan?");
			assertThat(asked.body().has("askerId")).as("her own view does not name her").isFalse();
			String questionId = asked.text("id");
			assertThat(next(own, "her own question, told to her tabs").path("type").asString())
				.isEqualTo("question-updated");

			// The staff on the other node hear it, with who asked.
			JsonNode heard = next(queue, "the question, on the other node");
			assertThat(heard.path("type").asString()).isEqualTo("question-asked");
			assertThat(heard.path("roomId").asString()).isEqualTo(room.toString());
			assertThat(heard.path("question").path("id").asString()).isEqualTo(questionId);
			assertThat(heard.path("question").path("askerId").asString()).isEqualTo(pia.id().toString());
			assertThat(heard.path("question").path("askerName").asString()).isEqualTo("Pia");
			assertThat(heard.path("question").path("riskCategories").size()).isZero();

			// The same client id again changes nothing.
			Response again = ask(api, pia, "q1", "Miten lapsen tapaamisista sovitaan?");
			assertThat(again.status()).isEqualTo(200);
			assertThat(again.text("id")).isEqualTo(questionId);
			nothing(queue, 500);

			// The facilitator publishes it from the other node: it is in the stream,
			// nameless.
			Response published = second.post(question(questionId, "/publish"), Map.of(), facilitator.accessToken());
			assertThat(published.status()).isEqualTo(200);
			assertThat(published.text("state")).isEqualTo("PUBLISHED");
			JsonNode inStream = next(stream, "the published question in the stream");
			assertThat(inStream.path("kind").asString()).isEqualTo("QUESTION");
			assertThat(inStream.path("body").asString()).isEqualTo("Miten lapsen tapaamisista sovitaan?");
			assertThat(inStream.path("authorId").isNull()).isTrue();
			assertThat(inStream.path("authorDisplayName").isNull()).isTrue();
			assertThat(inStream.toString()).doesNotContain(pia.id().toString()).doesNotContain("Pia");
			long questionSeq = inStream.path("seq").asLong();
			assertThat(published.body().path("messageSeq").asLong()).isEqualTo(questionSeq);
			assertThat(next(queue, "the publication, to the staff").path("type").asString())
				.isEqualTo("question-published");
			JsonNode toPia = next(own, "the publication, to Pia");
			assertThat(toPia.path("question").path("state").asString()).isEqualTo("PUBLISHED");
			assertThat(toPia.path("question").path("messageSeq").asLong()).isEqualTo(questionSeq);
			assertThat(toPia.toString()).doesNotContain(facilitator.id().toString());
			JsonNode history = api.get(messages("") + "?afterSeq=" + (questionSeq - 1), pekka.accessToken())
				.body()
				.path("messages")
				.get(0);
			assertThat(history.path("kind").asString()).isEqualTo("QUESTION");
			assertThat(history.path("authorId").isNull()).isTrue();
			assertThat(history.path("answersSeq").isNull()).isTrue();
			expect(second.post(question(questionId, "/publish"), Map.of(), volunteer.accessToken()), 409,
					"questions.already_handled");

			// Answered aloud afterwards: marked, nothing more in the stream.
			Response aloud = second.post(question(questionId, "/answer"), Map.of(), facilitator.accessToken());
			assertThat(aloud.status()).isEqualTo(200);
			assertThat(aloud.text("state")).isEqualTo("ANSWERED");
			assertThat(aloud.body().path("answerSeq").isNull()).isTrue();
			assertThat(next(queue, "answered, to the staff").path("type").asString()).isEqualTo("question-answered");
			assertThat(next(own, "answered, to Pia").path("question").path("state").asString()).isEqualTo("ANSWERED");
			nothing(stream, 500);

			// Pekka's question, answered in writing by the volunteer: question and answer
			// come one after the other.
			String second1 = ask(second, pekka, "k1", "Mistä löydän sovittelun?").text("id");
			next(queue, "Pekka's question");
			Response written = api.post(question(second1, "/answer"),
					Map.of("answer", "Perheasioiden sovittelua haetaan kunnan sovittelijalta."),
					volunteer.accessToken());
			assertThat(written.status()).isEqualTo(200);
			JsonNode pekkasQuestion = next(stream, "Pekka's question in the stream");
			JsonNode answer = next(stream, "the answer right after it");
			assertThat(pekkasQuestion.path("kind").asString()).isEqualTo("QUESTION");
			assertThat(pekkasQuestion.toString()).doesNotContain(pekka.id().toString());
			assertThat(answer.path("kind").asString()).isEqualTo("ANSWER");
			assertThat(answer.path("seq").asLong()).isEqualTo(pekkasQuestion.path("seq").asLong() + 1);
			assertThat(answer.path("answersSeq").asLong()).isEqualTo(pekkasQuestion.path("seq").asLong());
			assertThat(answer.path("authorId").asString()).isEqualTo(volunteer.id().toString());
			assertThat(answer.path("authorRole").asString()).isEqualTo("PEER_SUPPORTER");
			assertThat(answer.path("body").asString())
				.isEqualTo("Perheasioiden sovittelua haetaan kunnan sovittelijalta.");
			assertThat(written.body().path("answerSeq").asLong()).isEqualTo(answer.path("seq").asLong());
			next(queue, "answered in writing, to the staff");

			// A third is set aside: Pia is told, and it never reaches the stream.
			String third = ask(api, pia, "q2", "Voiko tapaamisista sopia ilman sovittelua?").text("id");
			next(own, "her second question, to her tabs");
			next(queue, "her second question, to the staff");
			Response aside = second.post(question(third, "/set-aside"), Map.of(), facilitator.accessToken());
			assertThat(aside.status()).isEqualTo(200);
			assertThat(aside.text("state")).isEqualTo("SET_ASIDE");
			assertThat(next(own, "set aside, to Pia").path("question").path("state").asString()).isEqualTo("SET_ASIDE");
			assertThat(next(queue, "set aside, to the staff").path("type").asString()).isEqualTo("question-set-aside");
			nothing(stream, 500);
			expect(api.post(question(third, "/answer"), Map.of(), facilitator.accessToken()), 409,
					"questions.already_handled");

			// Each asker reads their own; the staff read the queue in order, with names.
			List<JsonNode> mine = api.get(questions("/mine"), pia.accessToken()).body().valueStream().toList();
			assertThat(mine).extracting(item -> item.path("state").asString()).containsExactly("ANSWERED", "SET_ASIDE");
			assertThat(mine.toString()).doesNotContain("Pekka").doesNotContain("askerId");
			List<JsonNode> all = second.get(questions(""), volunteer.accessToken()).body().valueStream().toList();
			assertThat(all).extracting(item -> item.path("askerName").asString())
				.containsExactly("Pia", "Pekka", "Pia");
			assertThat(all.get(1).path("handledByName").asString()).isEqualTo(api.displayName(volunteer));
		}
	}

	@Test
	void onlyTheStaffWriteMessagesInAnInformationSession() {
		try (StompTestClient parent = StompTestClient.connect(api.baseUrl(), pia.accessToken());
				StompTestClient host = StompTestClient.connect(api.baseUrl(), facilitator.accessToken())) {
			BlockingQueue<JsonNode> errors = parent.subscribe("/user/queue/errors");
			BlockingQueue<JsonNode> stream = host.subscribe(messages());
			BlockingQueue<JsonNode> acks = host.subscribe("/user/queue/acks");
			BlockingQueue<JsonNode> typing = host.subscribe(messages() + "/typing");
			awaitSubscribed(users, facilitator.id(), messages(), 1);
			awaitSubscribed(users, facilitator.id(), messages() + "/typing", 1);
			// nobody learns that a participant is writing (a question to the hosts)
			parent.send("/app/rooms/" + room + "/typing", Map.of());
			nothing(typing, 500);
			host.send("/app/rooms/" + room + "/typing", Map.of());
			assertThat(next(typing, "the host typing").path("accountId").asString())
				.isEqualTo(facilitator.id().toString());
			parent.sendMessage(room, "m1", "Saanko sanoa jotain?");
			JsonNode refused = next(errors, "the refused message");
			assertThat(refused.path("code").asString()).isEqualTo("rooms.info_session_staff_only");
			assertThat(refused.path("clientId").asString()).isEqualTo("m1");
			nothing(stream, 500);

			host.sendMessage(room, "h1", "Tervetuloa infotilaisuuteen!");
			assertThat(next(acks, "the host's message, stored").path("clientId").asString()).isEqualTo("h1");
			assertThat(next(stream, "the host's message").path("kind").asString()).isEqualTo("TEXT");
		}
		// no raised hands either: there is no floor to give
		expect(api.post("/api/rooms/" + room + "/hand", Map.of(), pia.accessToken()), 403,
				"rooms.info_session_staff_only");
		// staff post, they do not ask
		expect(ask(api, facilitator, "s1", "Kysyisin itseltäni"), 403, "questions.participants_only");
		// a discussion takes messages, not questions
		UUID discussion = api.createRoom("Keskustelu " + UUID.randomUUID().toString().substring(0, 6), "OPEN");
		assertThat(api.post("/api/rooms/" + discussion + "/join", Map.of(), pia.accessToken()).status()).isEqualTo(200);
		expect(api.post("/api/rooms/" + discussion + "/questions", Map.of("clientId", "d1", "body", "Kysymys?"),
				pia.accessToken()), 409, "questions.not_info_session");
		assertThat(api.get("/api/rooms/" + room, pia.accessToken()).text("format")).isEqualTo("INFO_SESSION");
		// an information session outside any series follows the information-session
		// template's house rules
		assertThat(api.get("/api/rooms/" + room + "/guide", pia.accessToken())
			.body()
			.path("houseRules")
			.path("fi")
			.asString()).startsWith("1. Tässä tilaisuudessa puhuvat ohjaajat");
		assertThat(api.get("/api/rooms/" + discussion + "/guide", pia.accessToken())
			.body()
			.path("houseRules")
			.path("fi")
			.asString()).startsWith("1. Luottamuksellisuus");
		assertThat(api.get("/api/rooms/" + discussion, pia.accessToken()).text("format")).isEqualTo("DISCUSSION");
	}

	@Test
	void onlyTheRoomsStaffReadTheQueueHearItOrActOnIt() {
		String asked = ask(api, pia, "q1", "Kysymys jonoon").text("id");
		expect(api.get(questions(""), pia.accessToken()), 403, "rooms.staff_only");
		expect(api.get(questions(""), pekka.accessToken()), 403, "rooms.staff_only");
		for (String action : List.of("/publish", "/answer", "/set-aside")) {
			expect(api.post(question(asked, action), Map.of(), pekka.accessToken()), 403, "rooms.staff_only");
			expect(api.post(question(asked, action), Map.of(), pia.accessToken()), 403, "rooms.staff_only");
		}
		Session outsider = api.registerParent("Ulla");
		expect(api.get(questions(""), outsider.accessToken()), 403, "rooms.not_member");
		expect(api.post(question(asked, "/publish"), Map.of(), outsider.accessToken()), 403, "rooms.not_member");
		// a facilitator of another room leads nothing here
		Session otherHost = api.staffMember("Ohjaaja Olli", "FACILITATOR");
		join(otherHost);
		expect(api.post(question(asked, "/publish"), Map.of(), otherHost.accessToken()), 403, "rooms.staff_only");

		// a participant cannot listen in on the queue
		try (StompTestClient listener = StompTestClient.connect(api.baseUrl(), pekka.accessToken())) {
			BlockingQueue<JsonNode> errors = listener.subscribe("/user/queue/errors");
			BlockingQueue<JsonNode> overheard = listener.subscribe(questions());
			JsonNode refused = next(errors, "the refused subscription");
			assertThat(refused.path("code").asString()).isEqualTo("rooms.staff_only");
			assertThat(refused.path("roomId").asString()).isEqualTo(room.toString());
			ask(api, pia, "q2", "Toinen kysymys");
			nothing(overheard, 1000);
		}
		assertThat(api.get(questions(""), facilitator.accessToken()).body().size()).isEqualTo(2);

		// an administrator, not a member, may act; unknown and malformed ids are told
		// apart
		Session admin = api.login("root-admin", "test-admin-password");
		assertThat(api.post(question(asked, "/set-aside"), Map.of(), admin.accessToken()).status()).isEqualTo(200);
		expect(api.post(question(UUID.randomUUID().toString(), "/publish"), Map.of(), facilitator.accessToken()), 404,
				"questions.not_found");
		expect(api.post(question("not-an-id", "/publish"), Map.of(), facilitator.accessToken()), 400,
				"request.malformed");
	}

	@Test
	void askingIsRefusedOutsideTheRoomAndForBadOrTooLongText() {
		UUID closed = infoSession("CLOSED");
		Session member = api.registerParent("Jäsen");
		api.addMember(closed, member.id(), "PARTICIPANT");
		expect(api.post("/api/rooms/" + closed + "/questions", Map.of("clientId", "x1", "body", "Kysymys"),
				pia.accessToken()), 403, "rooms.not_member");
		expect(api.post("/api/rooms/" + UUID.randomUUID() + "/questions", Map.of("clientId", "x1", "body", "Kysymys"),
				pia.accessToken()), 403, "rooms.not_member");
		expect(api.get("/api/rooms/" + closed + "/questions/mine", pia.accessToken()), 403, "rooms.not_member");
		assertThat(api
			.post("/api/rooms/" + closed + "/questions", Map.of("clientId", "x1", "body", "Kysymys"),
					member.accessToken())
			.status()).isEqualTo(201);

		Response tooLong = ask(api, pia, "long", "k".repeat(1001));
		expect(tooLong, 400, "validation.failed");
		assertThat(tooLong.body().path("errors").get(0).path("field").asString()).isEqualTo("body");
		assertThat(tooLong.body().path("errors").get(0).path("code").asString()).isEqualTo("size");
		assertThat(ask(api, pia, "longest", "k".repeat(1000)).status()).isEqualTo(201);
		Response blank = ask(api, pia, "blank", " \u200b ");
		expect(blank, 400, "validation.failed");
		assertThat(blank.body().path("errors").get(0).path("code").asString()).isEqualTo("not_blank");
		Map<String, Object> noClientId = new HashMap<>();
		noClientId.put("body", "Kysymys ilman tunnistetta");
		Response missing = api.post(questions(""), noClientId, pia.accessToken());
		expect(missing, 400, "validation.failed");
		assertThat(missing.body().path("errors").get(0).path("field").asString()).isEqualTo("clientId");
		expect(ask(api, pia, "bad id!", "Kysymys"), 400, "validation.failed");
		expect(api.postRaw(questions(""), "{\"clientId\": 5, \"body\": \"x\"}", pia.accessToken()), 400,
				"validation.failed");
	}

	@Test
	void theRoomsRulesHoldForQuestionsAndAskersKeepTheirOwn() {
		// five may wait at once, per person
		for (int i = 1; i <= 5; i++) {
			assertThat(ask(api, pekka, "w" + i, "Odottava kysymys " + i).status()).isEqualTo(201);
		}
		expect(ask(api, pekka, "w6", "Kuudes"), 409, "questions.too_many_waiting");
		String first = api.get(questions("/mine"), pekka.accessToken()).body().get(0).path("id").asString();

		// withdrawing one's own while it waits; not someone else's, not once handled
		expect(api.delete(question(first, ""), pia.accessToken()), 404, "questions.not_found");
		assertThat(api.delete(question(first, ""), pekka.accessToken()).status()).isEqualTo(204);
		expect(api.delete(question(first, ""), pekka.accessToken()), 404, "questions.not_found");
		assertThat(ask(api, pekka, "w6", "Kuudes").status()).isEqualTo(201);
		String second = api.get(questions("/mine"), pekka.accessToken()).body().get(0).path("id").asString();
		api.post(question(second, "/publish"), Map.of(), facilitator.accessToken());
		expect(api.delete(question(second, ""), pekka.accessToken()), 409, "questions.already_handled");

		// slow mode and a mute hold for questions as for messages
		String moderation = "/api/moderation/rooms/" + room;
		assertThat(api.put(moderation + "/slow-mode", Map.of("seconds", 60), facilitator.accessToken()).status())
			.isEqualTo(200);
		assertThat(ask(api, pia, "s1", "Ensimmäinen").status()).isEqualTo(201);
		Response slow = ask(api, pia, "s2", "Toinen heti perään");
		expect(slow, 429, "moderation.slow_mode");
		assertThat(slow.body().path("retryAfterSeconds").asInt()).isPositive();
		assertThat(api.put(moderation + "/slow-mode", Map.of("seconds", 0), facilitator.accessToken()).status())
			.isEqualTo(200);
		assertThat(
				api.post(moderation + "/mutes", Map.of("accountId", pia.id(), "minutes", 5), facilitator.accessToken())
					.status())
			.isEqualTo(201);
		expect(ask(api, pia, "m1", "Mykistettynä"), 403, "moderation.muted");
		assertThat(api.put(moderation + "/lock", Map.of("locked", true), facilitator.accessToken()).status())
			.isEqualTo(200);
		expect(ask(api, pekka, "l1", "Lukittuun"), 409, "rooms.read_only");
	}

	@Test
	void aQuestionNamingARiskIsFlaggedToTheFacilitatorsAndTheAskerGetsTheHelpCard() {
		try (StompTestClient host = StompTestClient.connect(api.baseUrl(), facilitator.accessToken());
				StompTestClient asker = StompTestClient.connect(api.baseUrl(), pia.accessToken())) {
			BlockingQueue<JsonNode> hostHears = host.subscribe("/user/queue/moderation");
			BlockingQueue<JsonNode> queue = host.subscribe(questions());
			BlockingQueue<JsonNode> askerHears = asker.subscribe("/user/queue/moderation");
			awaitSubscribed(users, facilitator.id(), questions(), 1);
			awaitSubscribed(users, pia.id(), "/user/queue/moderation", 1);

			String id = ask(api, pia, "r1", "En jaksa elää enää, mitä teen?").text("id");
			JsonNode asked = next(queue, "the question in the queue");
			assertThat(asked.path("question").path("riskCategories").get(0).asString()).isEqualTo("self-harm");
			JsonNode flagged = next(hostHears, "the flag, to the facilitator");
			assertThat(flagged.path("type").asString()).isEqualTo("question-flagged");
			assertThat(flagged.path("questionId").asString()).isEqualTo(id);
			assertThat(flagged.path("crisisMessage").path("fi").asString()).contains("112");
			JsonNode card = next(askerHears, "the help card, to the asker");
			assertThat(card.path("type").asString()).isEqualTo("help-card");
			assertThat(card.path("categories").get(0).asString()).isEqualTo("self-harm");
			assertThat(api.get(questions(""), facilitator.accessToken()).body().get(0).path("riskCategories").size())
				.isEqualTo(1);
			// the message flags stay as they were
			assertThat(
					api.get("/api/moderation/rooms/" + room + "/risk-flags", facilitator.accessToken()).body().size())
				.isZero();
		}
	}

	private UUID infoSession(String kind) {
		Session admin = api.login("root-admin", "test-admin-password");
		Response created = api.post("/api/rooms",
				Map.of("title", "Infotilaisuus " + UUID.randomUUID().toString().substring(0, 6), "kind", kind, "format",
						"INFO_SESSION"),
				admin.accessToken());
		assertThat(created.status()).isEqualTo(201);
		assertThat(created.text("format")).isEqualTo("INFO_SESSION");
		return UUID.fromString(created.text("id"));
	}

	private Response ask(ApiClient node, Session asker, String clientId, String body) {
		return node.post(questions(""), Map.of("clientId", clientId, "body", body), asker.accessToken());
	}

	private String questions() {
		return "/topic/rooms/" + room + "/questions";
	}

	private String questions(String tail) {
		return "/api/rooms/" + room + "/questions" + tail;
	}

	private String question(String id, String tail) {
		return questions("/" + id + tail);
	}

	private String messages() {
		return "/topic/rooms/" + room;
	}

	private String messages(String tail) {
		return "/api/rooms/" + room + "/messages" + tail;
	}

	private void join(Session person) {
		assertThat(api.post("/api/rooms/" + room + "/join", Map.of(), person.accessToken()).status()).isEqualTo(200);
	}

	private static void expect(Response response, int status, String code) {
		assertThat(response.status()).as("status of %s", response.body()).isEqualTo(status);
		assertThat(response.code()).isEqualTo(code);
	}

}
