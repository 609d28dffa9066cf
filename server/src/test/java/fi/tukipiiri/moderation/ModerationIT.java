package fi.tukipiiri.moderation;

import static fi.tukipiiri.support.StompTestClient.next;
import static fi.tukipiiri.support.StompTestClient.nothing;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.messaging.simp.user.SimpUserRegistry;

import fi.tukipiiri.support.ApiClient;
import fi.tukipiiri.support.ApiClient.Response;
import fi.tukipiiri.support.ApiClient.Session;
import fi.tukipiiri.support.IntegrationTest;
import fi.tukipiiri.support.Nodes;
import fi.tukipiiri.support.StompTestClient;

/**
 * Facilitators' powers, over REST and STOMP, against the real PostgreSQL and Redis and a
 * second node in the same cluster: who may do what to whom, that each action takes effect
 * everywhere at once, and that it is audited.
 */
@IntegrationTest
class ModerationIT {

	static ConfigurableApplicationContext secondNode;

	@Autowired
	ApiClient api;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	SimpUserRegistry users;

	UUID room;

	Session facilitator;

	Session peerSupporter;

	Session parent;

	Session target;

	Session admin;

	@BeforeAll
	static void startSecondNode() {
		secondNode = Nodes.start();
	}

	@AfterAll
	static void stopSecondNode() {
		secondNode.close();
	}

	@BeforeEach
	void aRoomWithEveryRole() {
		room = api.createRoom("Tunteet ja arki " + UUID.randomUUID().toString().substring(0, 6), "OPEN");
		facilitator = api.staffMember("Ohjaaja Outi", "FACILITATOR");
		peerSupporter = api.staffMember("Vertais-Ville", "PEER_SUPPORTER");
		parent = api.registerParent("Pia");
		target = api.registerParent("Teemu");
		admin = api.login("root-admin", "test-admin-password");
		assertThat(api.addMember(room, facilitator.id(), "FACILITATOR").status()).isEqualTo(200);
		assertThat(api.addMember(room, peerSupporter.id(), "PEER_SUPPORTER").status()).isEqualTo(200);
		join(parent);
		join(target);
	}

	/** One power over REST, asked of the room by one person. */
	record Power(String name, Function<Session, Response> use) {
	}

	List<Power> punitivePowers(UUID messageId) {
		String base = "/api/moderation/rooms/" + room;
		return List.of(new Power("remove message", s -> api.delete(base + "/messages/" + messageId, s.accessToken())),
				new Power("mute",
						s -> api.post(base + "/mutes", Map.of("accountId", target.id(), "minutes", 5),
								s.accessToken())),
				new Power("unmute", s -> api.delete(base + "/mutes/" + target.id(), s.accessToken())),
				new Power("lock", s -> api.put(base + "/lock", Map.of("locked", false), s.accessToken())),
				new Power("slow mode", s -> api.put(base + "/slow-mode", Map.of("seconds", 0), s.accessToken())),
				new Power("unban", s -> api.delete(base + "/bans/" + target.id(), s.accessToken())),
				new Power("reports", s -> api.get("/api/moderation/reports?roomId=" + room, s.accessToken())),
				new Power("risk flags", s -> api.get(base + "/risk-flags", s.accessToken())),
				new Power("private talk",
						s -> api.post(base + "/private-talks", Map.of("accountId", target.id()), s.accessToken())),
				new Power("remove member",
						s -> api.post(base + "/removals", Map.of("accountId", target.id()), s.accessToken())),
				new Power("ban", s -> api.post(base + "/bans", Map.of("accountId", target.id()), s.accessToken())));
	}

	@Test
	void eachPowerIsRefusedToLowerRolesAndAllowedToFacilitators() {
		UUID messageId = send(target, "Hei kaikki");
		for (Power power : punitivePowers(messageId)) {
			for (Session lower : List.of(parent, peerSupporter)) {
				Response refused = power.use().apply(lower);
				assertThat(refused.status()).as(power.name() + " by a lower role").isEqualTo(403);
				assertThat(refused.code()).as(power.name()).isEqualTo("moderation.forbidden");
			}
		}
		for (Power power : punitivePowers(messageId)) {
			assertThat(power.use().apply(facilitator).status()).as(power.name() + " by the facilitator")
				.isBetween(200, 204);
		}
		Response outsider = api.post("/api/moderation/rooms/" + room + "/mutes", Map.of("accountId", target.id()),
				api.registerParent("Ulla").accessToken());
		assertThat(outsider.status()).isEqualTo(403);
		assertThat(outsider.code()).isEqualTo("rooms.not_member");
	}

	@Test
	void peerSupportersPinButParentsOnlyReport() {
		String pin = "/api/moderation/rooms/" + room + "/pin";
		assertThat(api.put(pin, Map.of("text", "Muistakaa luottamuksellisuus"), parent.accessToken()).code())
			.isEqualTo("moderation.forbidden");
		Response pinned = api.put(pin, Map.of("text", "Muistakaa luottamuksellisuus"), peerSupporter.accessToken());
		assertThat(pinned.status()).isEqualTo(200);
		JsonNode view = api.get("/api/moderation/rooms/" + room, parent.accessToken()).body();
		assertThat(view.path("pinned").path("text").asString()).isEqualTo("Muistakaa luottamuksellisuus");
		assertThat(view.path("pinned").path("pinnedByName").asString()).isEqualTo(api.displayName(peerSupporter));
		assertThat(texts(view.path("powers"))).containsExactly("REPORT");
		assertThat(texts(api.get("/api/moderation/rooms/" + room, peerSupporter.accessToken()).body().path("powers")))
			.containsExactlyInAnyOrder("PIN", "REPORT");
		assertThat(api.put(pin, Map.of("text", " "), facilitator.accessToken()).status()).isEqualTo(400);
		assertThat(api.delete(pin, peerSupporter.accessToken()).status()).isEqualTo(204);
	}

	@Test
	void onlyAnAdministratorModeratesAFacilitator() {
		Session second = api.staffMember("Ohjaaja Olli", "FACILITATOR");
		api.addMember(room, second.id(), "FACILITATOR");
		join(admin);
		String mutes = "/api/moderation/rooms/" + room + "/mutes";
		Response refused = api.post(mutes, Map.of("accountId", facilitator.id()), second.accessToken());
		assertThat(refused.status()).isEqualTo(403);
		assertThat(refused.code()).isEqualTo("moderation.protected_member");
		assertThat(api.post(mutes, Map.of("accountId", admin.id()), facilitator.accessToken()).code())
			.isEqualTo("moderation.protected_member");
		assertThat(api.post(mutes, Map.of("accountId", facilitator.id()), facilitator.accessToken()).code())
			.isEqualTo("moderation.self");
		assertThat(api.post(mutes, Map.of("accountId", facilitator.id(), "minutes", 1), admin.accessToken()).status())
			.isEqualTo(201);
	}

	@Test
	void stompCommandsAreAuthorisedLikeRest() {
		try (var byParent = connect(api.baseUrl(), parent); var byFacilitator = connect(api.baseUrl(), facilitator)) {
			var parentErrors = byParent.subscribe("/user/queue/errors");
			var results = byFacilitator.subscribe("/user/queue/moderation-results");
			byParent.send("/app/rooms/" + room + "/moderation",
					Map.of("clientId", "m-1", "action", "MUTE", "accountId", target.id()));
			JsonNode error = next(parentErrors, "refusal of a parent's mute");
			assertThat(error.path("code").asString()).isEqualTo("moderation.forbidden");
			assertThat(error.path("clientId").asString()).isEqualTo("m-1");

			byFacilitator.send("/app/rooms/" + room + "/moderation",
					Map.of("clientId", "m-2", "action", "SLOW_MODE", "seconds", 10));
			JsonNode done = next(results, "the facilitator's slow mode");
			assertThat(done.path("clientId").asString()).isEqualTo("m-2");
			assertThat(done.path("action").asString()).isEqualTo("SLOW_MODE");
			assertThat(api.get("/api/moderation/rooms/" + room, parent.accessToken())
				.body()
				.path("slowModeSeconds")
				.asInt()).isEqualTo(10);

			var facilitatorErrors = byFacilitator.subscribe("/user/queue/errors");
			byFacilitator.send("/app/rooms/" + room + "/moderation", Map.of("clientId", "m-3", "action", "MUTE"));
			JsonNode missing = next(facilitatorErrors, "a command without its target");
			assertThat(missing.path("code").asString()).isEqualTo("validation.failed");
			assertThat(missing.path("field").asString()).isEqualTo("accountId");
			assertThat(missing.path("clientId").asString()).isEqualTo("m-3");
		}
	}

	/** Every STOMP command, with what it needs. */
	List<Map<String, Object>> stompCommands(UUID messageId) {
		List<Map<String, Object>> commands = new ArrayList<>();
		commands.add(Map.of("action", "REMOVE_MESSAGE", "messageId", messageId));
		commands.add(Map.of("action", "MUTE", "accountId", target.id(), "minutes", 5));
		commands.add(Map.of("action", "UNMUTE", "accountId", target.id()));
		commands.add(Map.of("action", "LOCK"));
		commands.add(Map.of("action", "UNLOCK"));
		commands.add(Map.of("action", "SLOW_MODE", "seconds", 5));
		commands.add(Map.of("action", "PIN", "text", "Tervetuloa"));
		commands.add(Map.of("action", "UNPIN"));
		commands.add(Map.of("action", "REMOVE_MEMBER", "accountId", target.id()));
		commands.add(Map.of("action", "BAN", "accountId", target.id()));
		commands.add(Map.of("action", "UNBAN", "accountId", target.id()));
		return commands;
	}

	@Test
	void everyStompCommandIsRefusedToLowerRolesAndDoneForTheFacilitator() {
		UUID messageId = send(target, "Viesti komentoja varten");
		try (var byParent = connect(api.baseUrl(), parent);
				var bySupporter = connect(api.baseUrl(), peerSupporter);
				var byFacilitator = connect(secondNodeUrl(), facilitator)) {
			var parentErrors = byParent.subscribe("/user/queue/errors");
			var supporterErrors = bySupporter.subscribe("/user/queue/errors");
			var supporterResults = bySupporter.subscribe("/user/queue/moderation-results");
			var results = byFacilitator.subscribe("/user/queue/moderation-results");
			var facilitatorErrors = byFacilitator.subscribe("/user/queue/errors");
			int n = 0;
			for (Map<String, Object> command : stompCommands(messageId)) {
				String action = (String) command.get("action");
				Map<String, Object> asParent = new HashMap<>(command);
				asParent.put("clientId", "p-" + n);
				byParent.send("/app/rooms/" + room + "/moderation", asParent);
				JsonNode refused = next(parentErrors, action + " by a parent");
				assertThat(refused.path("code").asString()).as(action).isEqualTo("moderation.forbidden");
				assertThat(refused.path("clientId").asString()).isEqualTo("p-" + n);

				Map<String, Object> asSupporter = new HashMap<>(command);
				asSupporter.put("clientId", "s-" + n);
				bySupporter.send("/app/rooms/" + room + "/moderation", asSupporter);
				if (action.equals("PIN") || action.equals("UNPIN")) {
					assertThat(next(supporterResults, action + " by a peer supporter").path("action").asString())
						.isEqualTo(action);
				}
				else {
					assertThat(next(supporterErrors, action + " by a peer supporter").path("code").asString())
						.as(action)
						.isEqualTo("moderation.forbidden");
				}

				Map<String, Object> asFacilitator = new HashMap<>(command);
				asFacilitator.put("clientId", "f-" + n);
				byFacilitator.send("/app/rooms/" + room + "/moderation", asFacilitator);
				JsonNode done = next(results, action + " by the facilitator");
				assertThat(done.path("action").asString()).isEqualTo(action);
				assertThat(done.path("clientId").asString()).isEqualTo("f-" + n);
				n++;
			}
			nothing(facilitatorErrors, 300);
		}
		assertThat(actions()).contains("REMOVE_MESSAGE", "MUTE", "UNMUTE", "LOCK", "UNLOCK", "SLOW_MODE", "PIN",
				"UNPIN", "REMOVE_MEMBER", "BAN", "UNBAN");
	}

	@Test
	void aMutedParentIsRefusedOnTheOtherNodeAtOnceAndHearsOfIt() {
		try (var onSecond = connect(secondNodeUrl(), target)) {
			var notices = onSecond.subscribe("/user/queue/moderation");
			var errors = onSecond.subscribe("/user/queue/errors");
			var acks = onSecond.subscribe("/user/queue/acks");
			onSecond.sendMessage(room, "before", "Ennen mykistystä");
			next(acks, "the message before the mute");

			Response muted = api.post("/api/moderation/rooms/" + room + "/mutes",
					Map.of("accountId", target.id(), "reason", "Rauhoitutaan hetki"), facilitator.accessToken());
			assertThat(muted.status()).isEqualTo(201);
			JsonNode notice = next(notices, "the mute notice on the other node");
			assertThat(notice.path("type").asString()).isEqualTo("muted");
			assertThat(notice.path("reason").asString()).isEqualTo("Rauhoitutaan hetki");

			onSecond.sendMessage(room, "while-muted", "Saanko sanoa jotain?");
			JsonNode refusal = next(errors, "the refused send");
			assertThat(refusal.path("code").asString()).isEqualTo("moderation.muted");
			assertThat(refusal.path("clientId").asString()).isEqualTo("while-muted");
			// until lifted: the refusal says so with a null end, as over REST
			assertThat(refusal.has("until")).isTrue();
			assertThat(refusal.path("until").isNull()).isTrue();
			assertThat(api.get("/api/moderation/rooms/" + room, target.accessToken()).body().path("muted").asBoolean())
				.isTrue();

			// a timed mute instead: the refusal names when it ends
			assertThat(api.delete("/api/moderation/rooms/" + room + "/mutes/" + target.id(), facilitator.accessToken())
				.status()).isEqualTo(204);
			next(notices, "the unmute notice");
			Response timed = api.post("/api/moderation/rooms/" + room + "/mutes",
					Map.of("accountId", target.id(), "minutes", 30), facilitator.accessToken());
			assertThat(timed.status()).isEqualTo(201);
			next(notices, "the timed mute notice");
			onSecond.sendMessage(room, "while-timed", "Entä nyt?");
			JsonNode timedRefusal = next(errors, "the refused send under a timed mute");
			assertThat(timedRefusal.path("code").asString()).isEqualTo("moderation.muted");
			assertThat(timedRefusal.path("until").asString()).isEqualTo(timed.text("endsAt"));

			assertThat(api.delete("/api/moderation/rooms/" + room + "/mutes/" + target.id(), facilitator.accessToken())
				.status()).isEqualTo(204);
			onSecond.sendMessage(room, "after", "Kiitos");
			assertThat(next(acks, "the send after the mute was lifted").path("clientId").asString()).isEqualTo("after");
		}
		assertThat(actions()).contains("MUTE", "UNMUTE");
	}

	@Test
	void aBannedParentLosesTheRoomLiveAndCannotRejoin() {
		try (var bannedClient = connect(secondNodeUrl(), target); var other = connect(api.baseUrl(), parent)) {
			var toBanned = bannedClient.subscribe("/topic/rooms/" + room);
			var notices = bannedClient.subscribe("/user/queue/moderation");
			var errors = bannedClient.subscribe("/user/queue/errors");
			api.awaitPresence(room, parent, 1);

			assertThat(api
				.post("/api/moderation/rooms/" + room + "/bans", Map.of("accountId", target.id(), "reason", "Uhkailu"),
						facilitator.accessToken())
				.status()).isEqualTo(201);
			assertThat(next(notices, "the ban notice").path("type").asString()).isEqualTo("banned");

			other.sendMessage(room, "after-ban", "Jatketaan");
			nothing(toBanned, 1000);
			// told why, over REST and STOMP alike: they were told of the ban when it was
			// made
			Response rejoin = api.post("/api/rooms/" + room + "/join", Map.of(), target.accessToken());
			assertThat(rejoin.status()).isEqualTo(403);
			assertThat(rejoin.code()).isEqualTo("rooms.barred");
			assertThat(api.get("/api/rooms/" + room + "/messages", target.accessToken()).code())
				.isEqualTo("rooms.not_member");
			bannedClient.subscribe("/topic/rooms/" + room);
			JsonNode refusedSubscription = next(errors, "the refused subscription");
			assertThat(refusedSubscription.path("code").asString()).isEqualTo("rooms.barred");
			assertThat(refusedSubscription.path("roomId").asString()).isEqualTo(room.toString());
			bannedClient.subscribe("/topic/rooms/" + room + "/presence");
			assertThat(next(errors, "the refused presence subscription").path("code").asString())
				.isEqualTo("rooms.barred");
			assertThat(api.addMember(room, target.id(), "PARTICIPANT").code()).as("appointed while banned")
				.isEqualTo("rooms.barred");

			Response seriesBan = api.post("/api/moderation/rooms/" + room + "/bans",
					Map.of("accountId", parent.id(), "scope", "SERIES"), facilitator.accessToken());
			assertThat(seriesBan.code()).isEqualTo("moderation.no_series");

			api.delete("/api/moderation/rooms/" + room + "/bans/" + target.id(), facilitator.accessToken());
			assertThat(api.post("/api/rooms/" + room + "/join", Map.of(), target.accessToken()).status())
				.isEqualTo(200);
		}
	}

	@Test
	void aRemovedMessageVanishesForOthersButStaysInTheAuditTrail() {
		UUID messageId = send(target, "Tämä viesti poistetaan");
		try (var watcher = connect(api.baseUrl(), parent)) {
			var moderationTopic = watcher.subscribe("/topic/rooms/" + room + "/moderation");
			watcher.subscribe("/topic/rooms/" + room);
			api.awaitPresence(room, parent, 1);
			Response removed = api.delete("/api/moderation/rooms/" + room + "/messages/" + messageId,
					facilitator.accessToken());
			assertThat(removed.status()).isEqualTo(204);
			JsonNode event = next(moderationTopic, "the removal event");
			assertThat(event.path("type").asString()).isEqualTo("message-removed");
			assertThat(event.path("messageId").asString()).isEqualTo(messageId.toString());
		}
		JsonNode history = api.get("/api/rooms/" + room + "/messages", parent.accessToken()).body().path("messages");
		JsonNode shown = history.get(history.size() - 1);
		assertThat(shown.path("removed").asBoolean()).isTrue();
		assertThat(shown.path("body").isMissingNode() || shown.path("body").isNull()).isTrue();
		assertThat(history.toString()).doesNotContain("Tämä viesti poistetaan");

		JsonNode audit = api.get("/api/moderation/audit?roomId=" + room + "&action=REMOVE_MESSAGE", admin.accessToken())
			.body();
		assertThat(audit.size()).isEqualTo(1);
		assertThat(audit.get(0).path("details").path("text").asString()).isEqualTo("Tämä viesti poistetaan");
		assertThat(audit.get(0).path("actorName").asString()).isEqualTo(api.displayName(facilitator));
		assertThat(audit.get(0).path("targetId").asString()).isEqualTo(target.id().toString());
		assertThat(jdbc.sql("select body from messages where id = :id")
			.param("id", messageId)
			.query(String.class)
			.single()).isEqualTo("Tämä viesti poistetaan");
	}

	@Test
	void theAuditLogIsForAdministratorsAndCoordinatorsAndCannotBeChanged() {
		Session coordinator = api.staffMember("Koordinaattori Kaisa", "COORDINATOR");
		assertThat(api
			.get("/api/moderation/audit?action=ROLES_CHANGED&targetId=" + coordinator.id(), coordinator.accessToken())
			.status()).isEqualTo(200);
		Awaitility.await()
			.atMost(5, TimeUnit.SECONDS)
			.until(() -> api
				.get("/api/moderation/audit?action=ROLES_CHANGED&targetId=" + coordinator.id(), admin.accessToken())
				.body()
				.size() == 1);
		assertThat(api.get("/api/moderation/audit", parent.accessToken()).status()).isEqualTo(403);
		assertThat(api.get("/api/moderation/audit", facilitator.accessToken()).status()).isEqualTo(403);
		assertThat(api.get("/api/moderation/audit?action=drop%20table", admin.accessToken()).status()).isEqualTo(400);
		org.assertj.core.api.Assertions
			.assertThatThrownBy(() -> jdbc.sql("update moderation_audit set reason = 'x'").update())
			.hasMessageContaining("append-only");
	}

	@Test
	void slowModeHoldsAcrossNodesForParentsButNotFacilitators() {
		api.put("/api/moderation/rooms/" + room + "/slow-mode", Map.of("seconds", 30), facilitator.accessToken());
		try (var first = connect(api.baseUrl(), target);
				var second = connect(secondNodeUrl(), target);
				var leader = connect(secondNodeUrl(), facilitator)) {
			var acks = first.subscribe("/user/queue/acks");
			var errors = second.subscribe("/user/queue/errors");
			first.sendMessage(room, "s-1", "Ensimmäinen");
			next(acks, "the first message");
			second.sendMessage(room, "s-2", "Toinen heti perään");
			JsonNode refusal = next(errors, "the slow-mode refusal on the other node");
			assertThat(refusal.path("code").asString()).isEqualTo("moderation.slow_mode");
			assertThat(refusal.path("retryAfterSeconds").asLong()).isBetween(1L, 30L);

			var leaderAcks = leader.subscribe("/user/queue/acks");
			leader.sendMessage(room, "f-1", "Ohjaajan viesti");
			leader.sendMessage(room, "f-2", "Ja toinen");
			next(leaderAcks, "the facilitator's first");
			next(leaderAcks, "the facilitator's second");
		}
	}

	@Test
	void aLockedRoomIsReadableButClosedToMessages() {
		try (var client = connect(api.baseUrl(), target)) {
			var errors = client.subscribe("/user/queue/errors");
			var acks = client.subscribe("/user/queue/acks");
			assertThat(api
				.put("/api/moderation/rooms/" + room + "/lock", Map.of("locked", true), facilitator.accessToken())
				.text("state")).isEqualTo("READ_ONLY");
			client.sendMessage(room, "l-1", "Onko täällä ketään?");
			assertThat(next(errors, "the refusal in a locked room").path("code").asString())
				.isEqualTo("rooms.read_only");
			assertThat(api.get("/api/rooms/" + room + "/messages", target.accessToken()).status()).isEqualTo(200);
			api.put("/api/moderation/rooms/" + room + "/lock", Map.of("locked", false), facilitator.accessToken());
			client.sendMessage(room, "l-2", "Nyt toimii");
			assertThat(next(acks, "the send after unlocking").path("clientId").asString()).isEqualTo("l-2");
		}
	}

	@Test
	void reportsReachTheFacilitatorsQueueWithContextAndTheReporterHearsTheyWereHandled() {
		send(parent, "Ennen");
		UUID reported = send(target, "Sinä et ymmärrä mitään");
		send(parent, "Jälkeen");
		Response filed = api.post("/api/moderation/rooms/" + room + "/reports",
				Map.of("messageId", reported, "reason", "HARASSMENT", "note", "Loukkaavaa"), parent.accessToken());
		assertThat(filed.status()).isEqualTo(201);
		assertThat(
				api.post("/api/moderation/rooms/" + room + "/reports", Map.of("reason", "SPAM"), parent.accessToken())
					.code())
			.isEqualTo("moderation.invalid_report");
		assertThat(api
			.post("/api/moderation/rooms/" + room + "/reports", Map.of("messageId", reported, "reason", "NOPE"),
					parent.accessToken())
			.status()).isEqualTo(400);
		assertThat(api.get("/api/moderation/reports?roomId=" + room, parent.accessToken()).code())
			.isEqualTo("moderation.forbidden");

		Awaitility.await()
			.atMost(5, TimeUnit.SECONDS)
			.until(() -> kinds(facilitator).contains("moderation.report_filed"));
		JsonNode queue = api.get("/api/moderation/reports", facilitator.accessToken()).body();
		JsonNode report = null;
		for (JsonNode each : queue) {
			if (each.path("id").asString().equals(filed.text("id"))) {
				report = each;
			}
		}
		assertThat(report).as("the report in the facilitator's queue").isNotNull();
		assertThat(report.path("targetId").asString()).isEqualTo(target.id().toString());
		assertThat(report.path("note").asString()).isEqualTo("Loukkaavaa");
		List<String> context = new ArrayList<>();
		report.path("context").forEach(message -> context.add(message.path("body").asString()));
		assertThat(context).containsExactly("Ennen", "Sinä et ymmärrä mitään", "Jälkeen");

		Response closed = api.post("/api/moderation/reports/" + filed.text("id") + "/close",
				Map.of("actionTaken", true, "note", "Keskusteltu"), facilitator.accessToken());
		assertThat(closed.status()).isEqualTo(204);
		assertThat(api
			.post("/api/moderation/reports/" + filed.text("id") + "/close", Map.of("actionTaken", false),
					facilitator.accessToken())
			.code()).isEqualTo("moderation.report_not_found");
		Awaitility.await()
			.atMost(5, TimeUnit.SECONDS)
			.until(() -> api.get("/api/notifications", parent.accessToken())
				.body()
				.toString()
				.contains("report.handled"));
	}

	@Test
	void riskWordsInEachLanguageReachOnlyTheFacilitators() {
		try (var leader = connect(secondNodeUrl(), facilitator);
				var bystander = connect(api.baseUrl(), parent);
				var writer = connect(api.baseUrl(), target)) {
			var toLeader = leader.subscribe("/user/queue/moderation");
			var toBystander = bystander.subscribe("/user/queue/moderation");
			var toWriter = writer.subscribe("/user/queue/moderation");
			awaitSubscribed(secondNode.getBean(SimpUserRegistry.class), facilitator, "/user/queue/moderation");
			awaitSubscribed(users, parent, "/user/queue/moderation");
			awaitSubscribed(users, target, "/user/queue/moderation");
			Map<String, String> expected = new HashMap<>();
			expected.put(send(target, "Joskus mietin itsemurhaa illalla").toString(), "self-harm");
			expected.put(send(target, "Han slog mig igår framför barnen").toString(), "violence");
			expected.put(send(target, "He said he will kill you if you go").toString(), "threat");
			send(target, "Lapset nukkuvat jo, hyvää yötä kaikille");

			Map<String, String> flagged = new HashMap<>();
			for (int i = 0; i < 3; i++) {
				JsonNode flag = next(toLeader, "a risk flag");
				assertThat(flag.path("type").asString()).isEqualTo("risk-flag");
				assertThat(flag.path("crisisMessage").path("fi").asString()).contains("112");
				flagged.put(flag.path("messageId").asString(), flag.path("categories").get(0).asString());
			}
			assertThat(flagged).isEqualTo(expected);
			nothing(toLeader, 500);
			nothing(toBystander, 200);
			// the writer learns nothing of the flags; for self-harm and violence they get
			// a private help card
			List<String> cards = new ArrayList<>();
			for (int i = 0; i < 2; i++) {
				JsonNode card = next(toWriter, "a help card");
				assertThat(card.path("type").asString()).isEqualTo("help-card");
				assertThat(card.has("crisisMessage")).isFalse();
				cards.add(card.path("categories").get(0).asString());
			}
			assertThat(cards).containsExactlyInAnyOrder("self-harm", "violence");
			nothing(toWriter, 200);
		}
		assertThat(api.get("/api/moderation/rooms/" + room + "/risk-flags", facilitator.accessToken()).body().size())
			.isEqualTo(3);
		Awaitility.await()
			.atMost(5, TimeUnit.SECONDS)
			.until(() -> kinds(facilitator).stream().filter("moderation.risk_flag"::equals).count() == 3);
		assertThat(kinds(parent)).doesNotContain("moderation.risk_flag");
		assertThat(api.get("/api/moderation/rooms/" + room + "/risk-flags", parent.accessToken()).code())
			.isEqualTo("moderation.forbidden");
		assertThat(api.get("/api/rooms/" + room + "/messages", parent.accessToken()).body().toString())
			.contains("itsemurhaa");
	}

	@Test
	void aPrivateTalkIsReadableOnlyByItsTwoAndAuditedAdministrators() {
		Response opened = api.post("/api/moderation/rooms/" + room + "/private-talks", Map.of("accountId", target.id()),
				facilitator.accessToken());
		assertThat(opened.status()).isEqualTo(201);
		UUID talk = UUID.fromString(opened.text("id"));
		send(target, talk, "Voinko kertoa jotain kahden kesken?");
		assertThat(api.get("/api/rooms/" + talk + "/messages", facilitator.accessToken()).body().toString())
			.contains("kahden kesken");
		// the two already talk: opening it again leads back into the same talk
		Response again = api.post("/api/moderation/rooms/" + room + "/private-talks", Map.of("accountId", target.id()),
				facilitator.accessToken());
		assertThat(again.status()).isEqualTo(201);
		assertThat(again.text("id")).isEqualTo(talk.toString());
		assertThat(actions(talk)).filteredOn("PRIVATE_TALK_OPENED"::equals).hasSize(2);

		Response thirdParty = api.get("/api/rooms/" + talk + "/messages", parent.accessToken());
		assertThat(thirdParty.status()).isEqualTo(403);
		assertThat(api.post("/api/rooms/" + talk + "/join", Map.of(), parent.accessToken()).code())
			.isEqualTo("rooms.not_member");
		try (var snooper = connect(api.baseUrl(), parent)) {
			var errors = snooper.subscribe("/user/queue/errors");
			var topic = snooper.subscribe("/topic/rooms/" + talk);
			assertThat(next(errors, "the refused subscription").path("code").asString()).isEqualTo("rooms.not_member");
			send(target, talk, "Toinen viesti");
			nothing(topic, 500);
		}
		assertThat(api
			.post("/api/moderation/rooms/" + room + "/private-talks", Map.of("accountId", facilitator.id()),
					peerSupporter.accessToken())
			.code()).isEqualTo("moderation.forbidden");

		assertThat(api.get("/api/rooms/" + talk + "/messages", admin.accessToken()).status()).isEqualTo(200);
		Awaitility.await().atMost(5, TimeUnit.SECONDS).until(() -> actions(talk).contains("ADMIN_READ_ROOM"));
		assertThat(actions(talk)).contains("PRIVATE_TALK_OPENED");

		assertThat(api.put("/api/rooms/" + talk + "/state", Map.of("state", "ARCHIVED"), admin.accessToken()).status())
			.isEqualTo(200);
		UUID fresh = UUID.fromString(api.post("/api/moderation/rooms/" + room + "/private-talks",
				Map.of("accountId", target.id()), facilitator.accessToken())
			.text("id"));
		assertThat(fresh).as("an archived talk is not opened again").isNotEqualTo(talk);
	}

	@Test
	void aParentAsksForAPrivateTalkAndHidesAMemberForThemselves() {
		try (var leader = connect(api.baseUrl(), facilitator)) {
			var notices = leader.subscribe("/user/queue/moderation");
			awaitSubscribed(users, facilitator, "/user/queue/moderation");
			assertThat(
					api.post("/api/moderation/rooms/" + room + "/private-talk-requests", Map.of(), parent.accessToken())
						.status())
				.isEqualTo(202);
			JsonNode asked = next(notices, "the request");
			assertThat(asked.path("type").asString()).isEqualTo("private-talk-requested");
			assertThat(asked.path("displayName").asString()).isEqualTo("Pia");
		}
		assertThat(api.put("/api/me/hidden-members/" + target.id(), Map.of(), parent.accessToken()).status())
			.isEqualTo(200);
		assertThat(api.get("/api/me/hidden-members", parent.accessToken()).body().get(0).path("displayName").asString())
			.isEqualTo("Teemu");
		assertThat(api.get("/api/me/hidden-members", target.accessToken()).body().size()).isZero();
		assertThat(api.put("/api/me/hidden-members/" + parent.id(), Map.of(), parent.accessToken()).code())
			.isEqualTo("moderation.self");
		api.delete("/api/me/hidden-members/" + target.id(), parent.accessToken());
		assertThat(api.get("/api/me/hidden-members", parent.accessToken()).body().size()).isZero();
	}

	@Test
	void badModerationInputIsRefusedWithCodes() {
		String base = "/api/moderation/rooms/" + room;
		assertThat(
				api.post(base + "/removals", Map.of("accountId", UUID.randomUUID()), facilitator.accessToken()).code())
			.isEqualTo("accounts.not_found");
		assertThat(api
			.post(base + "/removals", Map.of("accountId", api.registerParent("Ulkopuolinen").id()),
					facilitator.accessToken())
			.code()).isEqualTo("moderation.not_in_room");
		assertThat(api.delete(base + "/messages/" + UUID.randomUUID(), facilitator.accessToken()).code())
			.isEqualTo("message.not_found");
		// as for a room the facilitator is not in: an id reveals nothing
		assertThat(api.get("/api/moderation/rooms/" + UUID.randomUUID(), facilitator.accessToken()).code())
			.isEqualTo("rooms.not_member");
		Response noVerdict = api.post("/api/moderation/reports/" + UUID.randomUUID() + "/close",
				Map.of("note", "Hoidettu"), facilitator.accessToken());
		assertThat(noVerdict.code()).isEqualTo("validation.failed");
		assertThat(noVerdict.body().path("errors").path(0).path("field").asString()).isEqualTo("actionTaken");
		Response noReason = api.post(base + "/reports", Map.of("accountId", target.id()), parent.accessToken());
		assertThat(noReason.code()).isEqualTo("validation.failed");
		assertThat(noReason.body().path("errors").path(0).path("field").asString()).isEqualTo("reason");
	}

	/**
	 * One mistake in a moderation command, made over REST and over STOMP; {@code field}
	 * is named by {@code validation.failed}.
	 */
	record Mistake(String what, Function<Session, Response> overRest, Map<String, Object> overStomp, String code,
			String field) {
	}

	@Test
	void eachMistakeInACommandIsRefusedWithTheSameCodeOverRestAndStomp() {
		String base = "/api/moderation/rooms/" + room;
		Object accountId = target.id().toString();
		String longReason = "x".repeat(501);
		List<Mistake> mistakes = List.of(new Mistake("a mute of no minutes",
				s -> api.post(base + "/mutes", Map.of("accountId", accountId, "minutes", 0), s.accessToken()),
				Map.of("action", "MUTE", "accountId", accountId, "minutes", 0), "moderation.invalid_duration", null),
				new Mistake("a mute over a week",
						s -> api.post(base + "/mutes", Map.of("accountId", accountId, "minutes", 10081),
								s.accessToken()),
						Map.of("action", "MUTE", "accountId", accountId, "minutes", 10081),
						"moderation.invalid_duration", null),
				new Mistake("minutes as text",
						s -> api.post(base + "/mutes", Map.of("accountId", accountId, "minutes", "5"), s.accessToken()),
						Map.of("action", "MUTE", "accountId", accountId, "minutes", "5"), "validation.failed",
						"minutes"),
				new Mistake("a mute of nobody", s -> api.post(base + "/mutes", Map.of("minutes", 5), s.accessToken()),
						Map.of("action", "MUTE", "minutes", 5), "validation.failed", "accountId"),
				new Mistake("a reason too long",
						s -> api.post(base + "/mutes", Map.of("accountId", accountId, "reason", longReason),
								s.accessToken()),
						Map.of("action", "MUTE", "accountId", accountId, "reason", longReason),
						"moderation.reason_too_long", null),
				new Mistake("a removal's reason too long",
						s -> api.post(base + "/removals", Map.of("accountId", accountId, "reason", longReason),
								s.accessToken()),
						Map.of("action", "REMOVE_MEMBER", "accountId", accountId, "reason", longReason),
						"moderation.reason_too_long", null),
				new Mistake("a ban of nobody", s -> api.post(base + "/bans", Map.of("scope", "ROOM"), s.accessToken()),
						Map.of("action", "BAN", "scope", "ROOM"), "validation.failed", "accountId"),
				new Mistake("an unknown ban scope",
						s -> api.post(base + "/bans", Map.of("accountId", accountId, "scope", "WORLD"),
								s.accessToken()),
						Map.of("action", "BAN", "accountId", accountId, "scope", "WORLD"), "validation.failed",
						"scope"),
				new Mistake("slow mode over an hour",
						s -> api.put(base + "/slow-mode", Map.of("seconds", 3601), s.accessToken()),
						Map.of("action", "SLOW_MODE", "seconds", 3601), "moderation.invalid_slow_mode", null),
				new Mistake("negative slow mode",
						s -> api.put(base + "/slow-mode", Map.of("seconds", -1), s.accessToken()),
						Map.of("action", "SLOW_MODE", "seconds", -1), "moderation.invalid_slow_mode", null),
				new Mistake("slow mode without seconds", s -> api.put(base + "/slow-mode", Map.of(), s.accessToken()),
						Map.of("action", "SLOW_MODE"), "validation.failed", "seconds"),
				new Mistake("an empty pin", s -> api.put(base + "/pin", Map.of("text", ""), s.accessToken()),
						Map.of("action", "PIN", "text", ""), "moderation.invalid_pin", null),
				new Mistake("a pin without text", s -> api.put(base + "/pin", Map.of(), s.accessToken()),
						Map.of("action", "PIN"), "moderation.invalid_pin", null),
				new Mistake("a pin too long",
						s -> api.put(base + "/pin", Map.of("text", "x".repeat(1001)), s.accessToken()),
						Map.of("action", "PIN", "text", "x".repeat(1001)), "moderation.invalid_pin", null),
				new Mistake("the crisis message without a client id",
						s -> api.post(base + "/crisis-message", Map.of(), s.accessToken()),
						Map.of("action", "CRISIS_MESSAGE"), "message.invalid_client_id", null));
		try (var client = connect(api.baseUrl(), facilitator)) {
			var errors = client.subscribe("/user/queue/errors");
			int n = 0;
			for (Mistake mistake : mistakes) {
				Response rest = mistake.overRest().apply(facilitator);
				assertThat(rest.status()).as(mistake.what() + " over REST").isEqualTo(400);
				assertThat(rest.code()).as(mistake.what() + " over REST").isEqualTo(mistake.code());
				Map<String, Object> command = new HashMap<>(mistake.overStomp());
				String clientId = "mistake-" + n++;
				if (!command.get("action").equals("CRISIS_MESSAGE")) {
					command.put("clientId", clientId);
				}
				client.send("/app/rooms/" + room + "/moderation", command);
				JsonNode stomp = next(errors, mistake.what() + " over STOMP");
				assertThat(stomp.path("code").asString()).as(mistake.what() + " over STOMP").isEqualTo(mistake.code());
				if (command.containsKey("clientId")) {
					assertThat(stomp.path("clientId").asString()).as(mistake.what()).isEqualTo(clientId);
				}
				if (mistake.field() != null) {
					assertThat(rest.body().path("errors").path(0).path("field").asString()).as(mistake.what())
						.isEqualTo(mistake.field());
					assertThat(stomp.path("field").asString()).as(mistake.what() + " over STOMP")
						.isEqualTo(mistake.field());
				}
			}
			nothing(errors, 300);
		}
		JsonNode view = api.get(base, target.accessToken()).body();
		assertThat(view.path("muted").asBoolean()).as("nothing was done").isFalse();
		assertThat(view.path("slowModeSeconds").asInt()).isZero();
		assertThat(view.path("pinned").isNull()).isTrue();
		assertThat(actions()).doesNotContain("MUTE", "REMOVE_MEMBER", "BAN", "SLOW_MODE", "PIN", "CRISIS_MESSAGE");
	}

	/**
	 * Waits until the node has registered the person's subscription, so that what follows
	 * cannot overtake it.
	 */
	private static void awaitSubscribed(SimpUserRegistry registry, Session person, String destination) {
		StompTestClient.awaitSubscribed(registry, person.id(), destination, 1);
	}

	private void join(Session person) {
		assertThat(api.post("/api/rooms/" + room + "/join", Map.of(), person.accessToken()).status()).isEqualTo(200);
	}

	private UUID send(Session author, String body) {
		return send(author, room, body);
	}

	/** Sends over STOMP and waits for the ack; the stored message's id. */
	private UUID send(Session author, UUID toRoom, String body) {
		try (var client = connect(api.baseUrl(), author)) {
			var acks = client.subscribe("/user/queue/acks");
			client.sendMessage(toRoom, "c" + UUID.randomUUID().toString().substring(0, 8), body);
			return UUID.fromString(next(acks, "the ack of " + body).path("messageId").asString());
		}
	}

	private List<String> kinds(Session person) {
		return texts(api.get("/api/notifications", person.accessToken()).body(), "kind");
	}

	private List<String> actions() {
		return actions(room);
	}

	private List<String> actions(UUID inRoom) {
		return texts(api.get("/api/moderation/audit?roomId=" + inRoom, admin.accessToken()).body(), "action");
	}

	private static List<String> texts(JsonNode array) {
		List<String> values = new ArrayList<>();
		array.forEach(value -> values.add(value.asString()));
		return values;
	}

	private static List<String> texts(JsonNode array, String field) {
		List<String> values = new ArrayList<>();
		array.forEach(value -> values.add(value.path(field).asString()));
		return values;
	}

	private static String secondNodeUrl() {
		return Nodes.baseUrl(secondNode);
	}

	private static StompTestClient connect(String baseUrl, Session session) {
		return StompTestClient.connect(baseUrl, session.accessToken());
	}

}
