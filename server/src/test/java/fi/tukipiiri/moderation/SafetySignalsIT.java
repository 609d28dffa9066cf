package fi.tukipiiri.moderation;

import static fi.tukipiiri.support.StompTestClient.next;
import static fi.tukipiiri.support.StompTestClient.nothing;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.messaging.simp.user.SimpUserRegistry;

import fi.tukipiiri.support.ApiClient;
import fi.tukipiiri.support.ApiClient.Response;
import fi.tukipiiri.support.ApiClient.Session;
import fi.tukipiiri.support.IntegrationTest;
import fi.tukipiiri.support.StompTestClient;

/**
 * Every room has someone responsible: a risk flag, a report or a request for a private
 * talk reaches a facilitator who is present, or else the coordinators and administrators
 * on duty (all of them when nobody is on duty), live and by a notice. The writer of a
 * self-harm or violence message gets a private help card; the crisis message goes out in
 * every language.
 */
@IntegrationTest
class SafetySignalsIT {

	@Autowired
	ApiClient api;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	SimpUserRegistry users;

	Session admin;

	Session coordinatorOnDuty;

	Session coordinatorOffDuty;

	@BeforeEach
	void nobodyIsOnDuty() {
		jdbc.sql("delete from duty_roster").update();
		admin = api.login("root-admin", "test-admin-password");
		coordinatorOnDuty = api.staffMember("Koordinaattori Kaisa", "COORDINATOR");
		coordinatorOffDuty = api.staffMember("Koordinaattori Kalle", "COORDINATOR");
	}

	@Test
	void aRiskFlagInAnOpenChatWithNoFacilitatorReachesTheCoordinatorsOnDutyAndTheWriterGetsAHelpCard() {
		assertThat(onDuty(coordinatorOnDuty, true).path("onDuty").asBoolean()).isTrue();
		UUID room = api.createRoom("Avoin ilta " + suffix(), "OPEN");
		Session writer = joined(api.registerParent("Yksinäinen"), room);
		Session bystander = joined(api.registerParent("Sivullinen"), room);
		try (var onDuty = StompTestClient.connect(api.baseUrl(), coordinatorOnDuty.accessToken());
				var offDuty = StompTestClient.connect(api.baseUrl(), coordinatorOffDuty.accessToken());
				var writing = StompTestClient.connect(api.baseUrl(), writer.accessToken());
				var watching = StompTestClient.connect(api.baseUrl(), bystander.accessToken())) {
			var alerts = listen(onDuty, coordinatorOnDuty, "/user/queue/moderation");
			var notices = listen(onDuty, coordinatorOnDuty, "/user/queue/notifications");
			var offDutyAlerts = listen(offDuty, coordinatorOffDuty, "/user/queue/moderation");
			var toWriter = listen(writing, writer, "/user/queue/moderation");
			var toBystander = listen(watching, bystander, "/user/queue/moderation");
			watching.subscribe("/topic/rooms/" + room);
			api.awaitPresence(room, bystander, 1);
			writing.sendMessage(room, "risk-1", "en jaksa enää, haluan kuolla");

			JsonNode alert = next(alerts, "the live alert");
			assertThat(alert.path("type").asString()).isEqualTo("escalation");
			assertThat(alert.path("signal").asString()).isEqualTo("RISK_FLAG");
			assertThat(alert.path("roomId").asString()).isEqualTo(room.toString());
			assertThat(next(notices, "the notice").path("kind").asString()).isEqualTo("safety.escalated");
			JsonNode card = next(toWriter, "the help card");
			assertThat(card.path("type").asString()).isEqualTo("help-card");
			assertThat(card.path("categories").toString()).contains("self-harm");
			nothing(offDutyAlerts, 300);
			nothing(toBystander, 100);
			nothing(toWriter, 100);
		}
		JsonNode escalations = api.get("/api/moderation/escalations", coordinatorOffDuty.accessToken()).body();
		JsonNode escalation = find(escalations, room);
		assertThat(escalation.path("signal").asString()).isEqualTo("RISK_FLAG");
		assertThat(escalation.path("excerpt").asString()).isEqualTo("en jaksa enää, haluan kuolla");
		assertThat(escalation.path("subjectName").asString()).isEqualTo("Yksinäinen");
		assertThat(escalation.path("categories").toString()).contains("self-harm");
		assertThat(notices(coordinatorOffDuty)).doesNotContain("safety.escalated");
		Response refused = api.get("/api/moderation/escalations", api.registerParent("Utelias").accessToken());
		assertThat(refused.status()).isEqualTo(403);
		assertThat(refused.code()).isEqualTo("auth.forbidden");
	}

	@Test
	void withNobodyOnDutyEveryCoordinatorAndAdministratorIsReached() {
		UUID room = api.createRoom("Kukaan ei päivystä " + suffix(), "OPEN");
		Session reporter = joined(api.registerParent("Huolestunut"), room);
		Session subject = joined(api.registerParent("Huolen aihe"), room);
		Response worry = api.post("/api/moderation/rooms/" + room + "/reports",
				Map.of("accountId", subject.id(), "reason", "WORRY"), reporter.accessToken());
		assertThat(worry.status()).isEqualTo(201);
		for (Session responsible : List.of(coordinatorOnDuty, coordinatorOffDuty, admin)) {
			Awaitility.await()
				.atMost(5, TimeUnit.SECONDS)
				.until(() -> notices(responsible).contains("safety.escalated"));
		}
		// a worry names no message, and it is not told to the person it is about, nor
		// back to the reporter
		assertThat(
				find(api.get("/api/moderation/escalations", admin.accessToken()).body(), room).path("excerpt").isNull())
			.isTrue();
		assertThat(notices(subject)).isEmpty();
		assertThat(notices(reporter)).isEmpty();
	}

	@Test
	void someoneOnDutyWithoutTheAppOpenIsNoOneToRelyOnSoEveryCoordinatorAndAdministratorIsReached() {
		onDuty(coordinatorOnDuty, true);
		JsonNode away = onDuty(coordinatorOnDuty, true).path("everyoneOnDuty").get(0);
		assertThat(away.path("connected").asBoolean()).isFalse();
		UUID room = api.createRoom("Päivystäjä poissa " + suffix(), "OPEN");
		Session writer = joined(api.registerParent("Kirjoittaja"), room);
		try (var offDuty = StompTestClient.connect(api.baseUrl(), coordinatorOffDuty.accessToken())) {
			var alerts = listen(offDuty, coordinatorOffDuty, "/user/queue/moderation");
			send(writer, room, "Mietin itsemurhaa joka päivä");
			assertThat(next(alerts, "the escalation").path("type").asString()).isEqualTo("escalation");
		}
		for (Session responsible : List.of(coordinatorOnDuty, coordinatorOffDuty, admin)) {
			Awaitility.await()
				.atMost(5, TimeUnit.SECONDS)
				.until(() -> notices(responsible).contains("safety.escalated"));
		}
		try (var present = StompTestClient.connect(api.baseUrl(), coordinatorOnDuty.accessToken())) {
			listen(present, coordinatorOnDuty, "/user/queue/moderation");
			JsonNode duty = api.get("/api/moderation/duty", admin.accessToken()).body();
			assertThat(duty.path("everyoneOnDuty").get(0).path("connected").asBoolean()).isTrue();
		}
	}

	@Test
	void aHeldEscalationIsTakenOverByAnAdministratorOrFromSomeoneWhoLeftButNotFromSomeoneStillThere() {
		Escalated escalated = escalatedRiskFlag("Siirto", "Siirrettävä");
		UUID room = escalated.room();
		String id = escalated.id();
		String takeOver = "/api/moderation/escalations/" + id + "/take-over";
		String kaisa = api.displayName(coordinatorOnDuty);

		try (var kaisaThere = StompTestClient.connect(api.baseUrl(), coordinatorOnDuty.accessToken())) {
			listen(kaisaThere, coordinatorOnDuty, "/user/queue/moderation");
			Response taken = api.post("/api/moderation/escalations/" + id + "/take", Map.of(),
					coordinatorOnDuty.accessToken());
			assertThat(taken.body().path("takenByConnected").asBoolean()).isTrue();
			Response refused = api.post(takeOver, Map.of(), coordinatorOffDuty.accessToken());
			assertThat(refused.status()).isEqualTo(409);
			assertThat(refused.code()).isEqualTo("moderation.escalation_taken");
			assertThat(refused.text("takenByName")).isEqualTo(kaisa);
			Response byAdmin = api.post(takeOver, Map.of(), admin.accessToken());
			assertThat(byAdmin.status()).isEqualTo(200);
			assertThat(byAdmin.text("takenBy")).isEqualTo(admin.id().toString());
			assertThat(
					api.post("/api/moderation/escalations/" + id + "/take", Map.of(), coordinatorOnDuty.accessToken())
						.code())
				.isEqualTo("moderation.escalation_taken");
		}
		// the administrator holds it without the app open: a coordinator may take it over
		Awaitility.await()
			.atMost(5, TimeUnit.SECONDS)
			.until(() -> !find(api.get("/api/moderation/escalations", coordinatorOffDuty.accessToken()).body(), room)
				.path("takenByConnected")
				.asBoolean());
		Response fromAway = api.post(takeOver, Map.of(), coordinatorOffDuty.accessToken());
		assertThat(fromAway.status()).isEqualTo(200);
		assertThat(fromAway.text("takenBy")).isEqualTo(coordinatorOffDuty.id().toString());
		assertThat(api.post(takeOver, Map.of(), api.registerParent("Ei koordinaattori").accessToken()).status())
			.isEqualTo(403);
		assertThat(api
			.post("/api/moderation/escalations/" + UUID.randomUUID() + "/take-over", Map.of(), admin.accessToken())
			.code()).isEqualTo("moderation.escalation_not_found");
		assertThat(jdbc.sql("select action from moderation_audit where details like :id order by at")
			.param("id", "%" + id + "%")
			.query(String.class)
			.list()).containsExactly("ESCALATION_TAKEN", "ESCALATION_TAKEN_OVER", "ESCALATION_TAKEN_OVER");
		// the audit log says from whom, by name, and what raised the concern
		JsonNode takenOver = api
			.get("/api/moderation/audit?roomId=" + room + "&action=ESCALATION_TAKEN_OVER", admin.accessToken())
			.body();
		assertThat(takenOver.size()).isEqualTo(2);
		JsonNode fromKaisa = takenOver.get(1).path("details");
		assertThat(fromKaisa.path("source").asString()).isEqualTo("RISK_FLAG");
		assertThat(fromKaisa.path("escalationId").asString()).isEqualTo(id);
		assertThat(fromKaisa.path("previousHolderId").asString()).isEqualTo(coordinatorOnDuty.id().toString());
		assertThat(fromKaisa.path("previousHolderName").asString()).isEqualTo(kaisa);
		assertThat(takenOver.get(0).path("details").path("previousHolderId").asString())
			.isEqualTo(admin.id().toString());
	}

	@Test
	void aConcernAboutACoordinatorIsNeitherSeenNorHandledByThemButByTheOthers() {
		onDuty(coordinatorOnDuty, true);
		UUID room = api.createRoom("Koordinaattori mukana " + suffix(), "OPEN");
		Session reporter = joined(api.registerParent("Huomauttaja"), room);
		joined(coordinatorOffDuty, room);
		Response report = api.post("/api/moderation/rooms/" + room + "/reports",
				Map.of("accountId", coordinatorOffDuty.id(), "reason", "HARASSMENT", "note", "Puhuu alentavasti"),
				reporter.accessToken());
		assertThat(report.status()).isEqualTo(201);
		Awaitility.await().atMost(5, TimeUnit.SECONDS).until(() -> escalationsIn(room) == 1);
		String id = find(api.get("/api/moderation/escalations", coordinatorOnDuty.accessToken()).body(), room)
			.path("id")
			.asString();

		assertThat(api.get("/api/moderation/escalations", coordinatorOffDuty.accessToken()).body().toString())
			.doesNotContain(id);
		for (String step : List.of("take", "take-over", "private-talk", "close")) {
			Response refused = api.post("/api/moderation/escalations/" + id + "/" + step, Map.of(),
					coordinatorOffDuty.accessToken());
			assertThat(refused.status()).as(step).isEqualTo(404);
			assertThat(refused.code()).as(step).isEqualTo("moderation.escalation_not_found");
		}
		// notices are made after commit, apart from the request: once those on duty have
		// theirs, the other's is not coming
		Awaitility.await()
			.atMost(5, TimeUnit.SECONDS)
			.until(() -> notices(coordinatorOnDuty).contains("safety.escalated"));
		assertThat(notices(coordinatorOffDuty)).doesNotContain("safety.escalated");
		assertThat(api.post("/api/moderation/escalations/" + id + "/close", Map.of(), admin.accessToken()).status())
			.isEqualTo(204);
	}

	@Test
	void aFacilitatorPresentInTheRoomAnswersItAndNothingIsEscalated() {
		onDuty(coordinatorOnDuty, true);
		UUID room = api.createRoom("Ohjattu " + suffix(), "OPEN");
		Session facilitator = api.staffMember("Ohjaaja Paikalla", "FACILITATOR");
		assertThat(api.addMember(room, facilitator.id(), "FACILITATOR").status()).isEqualTo(200);
		Session writer = joined(api.registerParent("Kirjoittaja"), room);
		try (var leading = StompTestClient.connect(api.baseUrl(), facilitator.accessToken());
				var onDuty = StompTestClient.connect(api.baseUrl(), coordinatorOnDuty.accessToken())) {
			var toLeader = listen(leading, facilitator, "/user/queue/moderation");
			var alerts = listen(onDuty, coordinatorOnDuty, "/user/queue/moderation");
			leading.subscribe("/topic/rooms/" + room);
			api.awaitPresence(room, facilitator, 1);
			send(writer, room, "Hän löi minua eilen");
			assertThat(next(toLeader, "the flag").path("type").asString()).isEqualTo("risk-flag");
			nothing(alerts, 500);
		}
		assertThat(escalationsIn(room)).isZero();
	}

	@Test
	void noRoomCanProduceAFlagOrReportThatReachesNoOne() {
		onDuty(coordinatorOnDuty, true);
		People people = new People(api.staffMember("Ohjaaja Kaikki", "FACILITATOR"), api.registerParent("Osallistuja"),
				api.registerParent("Toinen"));
		int cases = 0;
		for (String kind : List.of("OPEN", "CLOSED")) {
			for (String staffing : List.of("no facilitator", "facilitator away", "facilitator present",
					"facilitator writes")) {
				for (Signal signal : Signal.values()) {
					assertReachesSomeone(people, kind, staffing, signal);
					cases++;
				}
			}
		}
		assertThat(cases).isEqualTo(2 * 4 * Signal.values().length);
	}

	@Test
	void aSignalInAPrivateTalkWhoseFacilitatorIsAwayIsEscalated() {
		onDuty(coordinatorOnDuty, true);
		UUID room = api.createRoom("Lähtöhuone " + suffix(), "OPEN");
		Session facilitator = api.staffMember("Ohjaaja Kahden", "FACILITATOR");
		api.addMember(room, facilitator.id(), "FACILITATOR");
		Session parent = joined(api.registerParent("Kahdenkeskinen"), room);
		Response talk = api.post("/api/moderation/rooms/" + room + "/private-talks", Map.of("accountId", parent.id()),
				facilitator.accessToken());
		UUID privateRoom = UUID.fromString(talk.text("id"));
		send(parent, privateRoom, "Mietin itsemurhaa joka päivä");
		Awaitility.await().atMost(5, TimeUnit.SECONDS).until(() -> escalationsIn(privateRoom) == 1);
		Awaitility.await()
			.atMost(5, TimeUnit.SECONDS)
			.until(() -> notices(coordinatorOnDuty).contains("safety.escalated"));
		assertThat(notices(facilitator)).contains("moderation.risk_flag");
	}

	@Test
	void escalationsAreTakenOnceAndLeadToAPrivateTalkWithThePersonAndAreClosedUnderAudit() {
		Escalated escalated = escalatedRiskFlag("Käsittely", "Autettava");
		Session parent = escalated.parent();
		String id = escalated.id();

		Response taken = api.post("/api/moderation/escalations/" + id + "/take", Map.of(),
				coordinatorOnDuty.accessToken());
		assertThat(taken.status()).isEqualTo(200);
		String kaisa = api.displayName(coordinatorOnDuty);
		assertThat(taken.text("takenByName")).isEqualTo(kaisa);
		Response second = api.post("/api/moderation/escalations/" + id + "/take", Map.of(),
				coordinatorOffDuty.accessToken());
		assertThat(second.status()).isEqualTo(409);
		assertThat(second.code()).isEqualTo("moderation.escalation_taken");
		assertThat(second.text("takenByName")).isEqualTo(kaisa);

		Response talk = api.post("/api/moderation/escalations/" + id + "/private-talk", Map.of(),
				coordinatorOnDuty.accessToken());
		assertThat(talk.status()).isEqualTo(201);
		UUID privateRoom = UUID.fromString(talk.text("id"));
		assertThat(api.get("/api/rooms/" + privateRoom + "/members", parent.accessToken()).body().toString())
			.contains(kaisa)
			.contains("Autettava");
		Awaitility.await().atMost(5, TimeUnit.SECONDS).until(() -> notices(parent).contains("private_talk.opened"));

		assertThat(api
			.post("/api/moderation/escalations/" + id + "/close", Map.of("note", "Soitettu kriisipuhelimeen"),
					coordinatorOffDuty.accessToken())
			.code()).isEqualTo("moderation.escalation_taken");
		// a handling note is counted in code points: 1,000 emoji fit, one more character
		// does not
		String note = "Soitettu kriisipuhelimeen ";
		assertThat(api
			.post("/api/moderation/escalations/" + id + "/close",
					Map.of("note", note + "🙂".repeat(1001 - note.length())), coordinatorOnDuty.accessToken())
			.code()).isEqualTo("moderation.note_too_long");
		assertThat(api
			.post("/api/moderation/escalations/" + id + "/close",
					Map.of("note", note + "🙂".repeat(1000 - note.length())), coordinatorOnDuty.accessToken())
			.status()).isEqualTo(204);
		assertThat(api.get("/api/moderation/escalations", coordinatorOnDuty.accessToken()).body().toString())
			.doesNotContain(id);
		assertThat(api.post("/api/moderation/escalations/" + id + "/take", Map.of(), coordinatorOnDuty.accessToken())
			.code()).isEqualTo("moderation.escalation_not_found");
		assertThat(jdbc.sql("select action from moderation_audit where details like :id order by at")
			.param("id", "%" + id + "%")
			.query(String.class)
			.list()).containsExactly("ESCALATION_TAKEN", "ESCALATION_CLOSED");
		JsonNode closed = api
			.get("/api/moderation/audit?roomId=" + escalated.room() + "&action=ESCALATION_CLOSED", admin.accessToken())
			.body();
		assertThat(closed.size()).isEqualTo(1);
		assertThat(closed.get(0).path("details").path("source").asString()).isEqualTo("RISK_FLAG");
		assertThat(closed.get(0).path("details").path("escalationId").asString()).isEqualTo(id);
		assertThat(closed.get(0).path("details").has("previousHolderId")).isFalse();
		assertThat(closed.get(0).path("reason").asString()).startsWith(note);
	}

	@Test
	void dutyIsForCoordinatorsAndAdministratorsAndListsWhoIsOnDuty() {
		JsonNode on = onDuty(coordinatorOnDuty, true);
		assertThat(on.path("since").asString()).isNotBlank();
		assertThat(on.path("everyoneOnDuty").toString()).contains(api.displayName(coordinatorOnDuty));
		JsonNode again = onDuty(coordinatorOnDuty, true);
		assertThat(again.path("since").asString()).isEqualTo(on.path("since").asString());
		assertThat(onDuty(coordinatorOnDuty, false).path("onDuty").asBoolean()).isFalse();
		Session parent = api.registerParent("Ei päivystäjä");
		Response refused = api.put("/api/moderation/duty", Map.of("onDuty", true), parent.accessToken());
		assertThat(refused.status()).isEqualTo(403);
		assertThat(api.put("/api/moderation/duty", Map.of(), coordinatorOnDuty.accessToken()).code())
			.isEqualTo("validation.failed");
	}

	@Test
	void theCrisisMessageReachesEveryReaderInEveryLanguageAndIsNeitherFlaggedNorDoubled() {
		UUID room = api.createRoom("Kriisiviesti " + suffix(), "OPEN");
		Session facilitator = api.staffMember("Ohjaaja Apu", "FACILITATOR");
		api.addMember(room, facilitator.id(), "FACILITATOR");
		Session reader = joined(api.registerParent("Lukija"), room);
		try (var leading = StompTestClient.connect(api.baseUrl(), facilitator.accessToken());
				var reading = StompTestClient.connect(api.baseUrl(), reader.accessToken())) {
			var results = listen(leading, facilitator, "/user/queue/moderation-results");
			var messages = reading.subscribe("/topic/rooms/" + room);
			api.awaitPresence(room, reader, 1);
			leading.send("/app/rooms/" + room + "/moderation",
					Map.of("clientId", "crisis-1", "action", "CRISIS_MESSAGE"));
			assertThat(next(results, "the result").path("action").asString()).isEqualTo("CRISIS_MESSAGE");
			JsonNode message = next(messages, "the crisis message");
			assertThat(message.path("kind").asString()).isEqualTo("CRISIS");
			assertThat(message.path("translations").path("fi").asString()).contains("112").contains("Nollalinja");
			assertThat(message.path("translations").path("sv").asString()).contains("112");
			assertThat(message.path("translations").path("en").asString()).contains("112");
			assertThat(message.path("body").asString()).contains(message.path("translations").path("sv").asString());
			// the same client id again stores nothing new
			leading.send("/app/rooms/" + room + "/moderation",
					Map.of("clientId", "crisis-1", "action", "CRISIS_MESSAGE"));
			next(results, "the second result");
			nothing(messages, 300);
		}
		JsonNode history = api.get("/api/rooms/" + room + "/messages", reader.accessToken()).body().path("messages");
		assertThat(history.size()).isEqualTo(1);
		assertThat(history.get(0).path("kind").asString()).isEqualTo("CRISIS");
		assertThat(history.get(0).path("translations").path("en").asString()).contains("112");
		assertThat(jdbc.sql("select count(*) from risk_flags where room_id = :room")
			.param("room", room)
			.query(Long.class)
			.single()).isZero();
		Response byParent = api.post("/api/moderation/rooms/" + room + "/crisis-message",
				Map.of("clientId", "crisis-2"), reader.accessToken());
		assertThat(byParent.status()).isEqualTo(403);
		assertThat(byParent.code()).isEqualTo("moderation.forbidden");
		Response overRest = api.post("/api/moderation/rooms/" + room + "/crisis-message",
				Map.of("clientId", "crisis-3"), facilitator.accessToken());
		assertThat(overRest.status()).isEqualTo(201);
		assertThat(overRest.text("kind")).isEqualTo("CRISIS");
	}

	@Test
	void onlySelfHarmAndViolenceBringTheWriterAHelpCard() {
		UUID room = api.createRoom("Kortit " + suffix(), "OPEN");
		Session writer = joined(api.registerParent("Vihainen"), room);
		try (var writing = StompTestClient.connect(api.baseUrl(), writer.accessToken())) {
			var toWriter = listen(writing, writer, "/user/queue/moderation");
			writing.subscribe("/user/queue/acks");
			writing.sendMessage(room, "threat-1", "Tapan sinut jos tulet");
			nothing(toWriter, 700);
			writing.sendMessage(room, "violence-1", "Hän hakkasi minua taas");
			assertThat(next(toWriter, "a help card for violence").path("categories").toString()).contains("violence");
		}
	}

	enum Signal {

		RISK_FLAG, MESSAGE_REPORT, WORRY, TALK_REQUEST

	}

	record People(Session facilitator, Session parent, Session other) {
	}

	/**
	 * Raises one signal in a new room and checks that someone other than those it
	 * concerns received it: a facilitator who is present, live, or else the coordinator
	 * on duty by a live alert, with an escalation recorded.
	 */
	private void assertReachesSomeone(People people, String kind, String staffing, Signal signal) {
		String what = kind + ", " + staffing + ", " + signal;
		UUID room = api.createRoom(what + " " + suffix(), kind);
		Session facilitator = people.facilitator();
		if (!staffing.equals("no facilitator")) {
			api.addMember(room, facilitator.id(), "FACILITATOR");
		}
		Session parent = member(people.parent(), room, kind);
		Session other = member(people.other(), room, kind);
		Session writer = staffing.equals("facilitator writes") ? facilitator : parent;
		try (var leading = StompTestClient.connect(api.baseUrl(), facilitator.accessToken());
				var onDuty = StompTestClient.connect(api.baseUrl(), coordinatorOnDuty.accessToken())) {
			var toLeader = listen(leading, facilitator, "/user/queue/moderation");
			var alerts = listen(onDuty, coordinatorOnDuty, "/user/queue/moderation");
			boolean present = staffing.equals("facilitator present") || staffing.equals("facilitator writes");
			if (present) {
				leading.subscribe("/topic/rooms/" + room);
				api.awaitPresence(room, facilitator, 1);
			}
			// only the risk-flag case writes risk words, so each case raises exactly one
			// signal
			UUID messageId = send(writer, room,
					signal == Signal.RISK_FLAG ? "Haluan kuolla, en jaksa" : "Tänään oli raskas päivä");
			String base = "/api/moderation/rooms/" + room;
			List<UUID> concerned = switch (signal) {
				case RISK_FLAG -> List.of(writer.id());
				case MESSAGE_REPORT -> {
					assertThat(api
						.post(base + "/reports", Map.of("messageId", messageId, "reason", "THREAT"),
								other.accessToken())
						.status()).as(what).isEqualTo(201);
					yield List.of(other.id(), writer.id());
				}
				case WORRY -> {
					assertThat(api
						.post(base + "/reports", Map.of("accountId", writer.id(), "reason", "WORRY"),
								other.accessToken())
						.status()).as(what).isEqualTo(201);
					yield List.of(other.id(), writer.id());
				}
				case TALK_REQUEST -> {
					assertThat(api.post(base + "/private-talk-requests", Map.of(), parent.accessToken()).status())
						.as(what)
						.isEqualTo(202);
					yield List.of(parent.id());
				}
			};
			String expected = switch (signal) {
				case RISK_FLAG -> "risk-flag";
				case MESSAGE_REPORT, WORRY -> "report-filed";
				case TALK_REQUEST -> "private-talk-requested";
			};
			if (present && !concerned.contains(facilitator.id())) {
				assertThat(next(toLeader, what).path("type").asString()).as(what).isEqualTo(expected);
				nothing(alerts, 200);
				assertThat(escalationsIn(room)).as(what).isZero();
			}
			else {
				JsonNode alert = next(alerts, what);
				assertThat(alert.path("type").asString()).as(what).isEqualTo("escalation");
				assertThat(alert.path("roomId").asString()).as(what).isEqualTo(room.toString());
				assertThat(escalationsIn(room)).as(what).isEqualTo(1);
			}
		}
	}

	private record Escalated(UUID room, Session parent, String id) {
	}

	/**
	 * A closed group nobody leads, where a parent writes about not wanting to live:
	 * escalated to the coordinator on duty.
	 */
	private Escalated escalatedRiskFlag(String roomTitle, String parentName) {
		onDuty(coordinatorOnDuty, true);
		UUID room = api.createRoom(roomTitle + " " + suffix(), "CLOSED");
		Session parent = api.registerParent(parentName);
		api.addMember(room, parent.id(), "PARTICIPANT");
		send(parent, room, "En halua elää enää");
		Awaitility.await().atMost(5, TimeUnit.SECONDS).until(() -> escalationsIn(room) == 1);
		String id = find(api.get("/api/moderation/escalations", coordinatorOnDuty.accessToken()).body(), room)
			.path("id")
			.asString();
		return new Escalated(room, parent, id);
	}

	/**
	 * Subscribes to one's own queue and waits until the node holds the subscription, so
	 * nothing sent next is missed.
	 */
	private BlockingQueue<JsonNode> listen(StompTestClient client, Session person, String destination) {
		BlockingQueue<JsonNode> queue = client.subscribe(destination);
		StompTestClient.awaitSubscribed(users, person.id(), destination, 1);
		return queue;
	}

	private Session member(Session person, UUID room, String kind) {
		if (kind.equals("CLOSED")) {
			api.addMember(room, person.id(), "PARTICIPANT");
			return person;
		}
		return joined(person, room);
	}

	private Session joined(Session person, UUID room) {
		assertThat(api.post("/api/rooms/" + room + "/join", Map.of(), person.accessToken()).status()).isEqualTo(200);
		return person;
	}

	private UUID send(Session author, UUID room, String body) {
		try (var client = StompTestClient.connect(api.baseUrl(), author.accessToken())) {
			var acks = client.subscribe("/user/queue/acks");
			client.sendMessage(room, UUID.randomUUID().toString(), body);
			return UUID.fromString(next(acks, "ack of " + body).path("messageId").asString());
		}
	}

	private JsonNode onDuty(Session person, boolean onDuty) {
		Response answer = api.put("/api/moderation/duty", Map.of("onDuty", onDuty), person.accessToken());
		assertThat(answer.status()).isEqualTo(200);
		return answer.body();
	}

	private List<String> notices(Session person) {
		List<String> kinds = new ArrayList<>();
		api.get("/api/notifications", person.accessToken())
			.body()
			.forEach(notice -> kinds.add(notice.path("kind").asString()));
		return kinds;
	}

	private long escalationsIn(UUID room) {
		return jdbc.sql("select count(*) from safety_escalations where room_id = :room")
			.param("room", room)
			.query(Long.class)
			.single();
	}

	private static JsonNode find(JsonNode escalations, UUID room) {
		for (JsonNode escalation : escalations) {
			if (escalation.path("roomId").asString().equals(room.toString())) {
				return escalation;
			}
		}
		throw new AssertionError("No escalation for room " + room + " in " + escalations);
	}

	private static String suffix() {
		return UUID.randomUUID().toString().substring(0, 6);
	}

}
