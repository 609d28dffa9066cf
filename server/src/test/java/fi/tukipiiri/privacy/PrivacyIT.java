package fi.tukipiiri.privacy;

import static fi.tukipiiri.support.StompTestClient.next;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import fi.tukipiiri.platform.RetentionJob;
import fi.tukipiiri.series.Recurrence;
import fi.tukipiiri.support.ApiClient;
import fi.tukipiiri.support.ApiClient.Response;
import fi.tukipiiri.support.ApiClient.Session;
import fi.tukipiiri.support.IntegrationTest;
import fi.tukipiiri.support.Nodes;
import fi.tukipiiri.support.SeriesPlans;
import fi.tukipiiri.support.SharedTestClock;
import fi.tukipiiri.support.StompTestClient;

/**
 * A person's own data: the export, erasure on every node, and retention run once across
 * two nodes.
 */
@IntegrationTest
@Import(SharedTestClock.Config.class)
@ExtendWith(OutputCaptureExtension.class)
class PrivacyIT {

	private static final SharedTestClock CLOCK = SharedTestClock.INSTANCE;

	private static ConfigurableApplicationContext secondNode;

	@Autowired
	ApiClient api;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	RetentionJob retention;

	@BeforeAll
	static void startSecondNode() {
		secondNode = Nodes.start(List.of(SharedTestClock.Config.class));
	}

	@AfterAll
	static void stopSecondNode() {
		secondNode.close();
	}

	@AfterEach
	void resetClock() {
		CLOCK.reset();
	}

	@Test
	void theExportHoldsAllOfAPersonsDataAndNothingOfAnyoneElses() {
		Session admin = api.login("root-admin", "test-admin-password");
		Session facilitator = api.staffMember("Ohjaaja Outi", "FACILITATOR");
		Session anna = api.registerParent("Anna Export");
		Session berit = api.registerParent("Berit Toinen");
		UUID room = api.createRoom("Arjen sujuminen", "OPEN");
		api.post("/api/rooms/" + room + "/join", Map.of(), anna.accessToken());
		api.post("/api/rooms/" + room + "/join", Map.of(), berit.accessToken());
		send(anna, room, "Annan oma viesti");
		UUID beritsMessage = send(berit, room, "Beritin yksityinen asia");
		api.post("/api/moderation/rooms/" + room + "/reports",
				Map.of("messageId", beritsMessage, "reason", "OTHER", "note", "Huoli"), anna.accessToken());
		api.put("/api/me/hidden-members/" + berit.id(), Map.of(), anna.accessToken());
		UUID infoSession = infoSession("Infotilaisuus " + UUID.randomUUID().toString().substring(0, 6));
		api.post("/api/rooms/" + infoSession + "/join", Map.of(), anna.accessToken());
		api.post("/api/rooms/" + infoSession + "/join", Map.of(), berit.accessToken());
		assertThat(api
			.post("/api/rooms/" + infoSession + "/questions",
					Map.of("clientId", "a1", "body", "Annan kysymys ohjaajille"), anna.accessToken())
			.status()).isEqualTo(201);
		assertThat(api
			.post("/api/rooms/" + infoSession + "/questions", Map.of("clientId", "b1", "body", "Beritin oma kysymys"),
					berit.accessToken())
			.status()).isEqualTo(201);
		UUID seriesId = UUID.fromString(api.post("/api/series",
				SeriesPlans.closedGroup("Export " + UUID.randomUUID().toString().substring(0, 6),
						LocalDate.now(Recurrence.HELSINKI).plusWeeks(2), 8, 1, facilitator.id()),
				admin.accessToken())
			.text("id"));
		api.post("/api/series/" + seriesId + "/enrolment", Map.of(), anna.accessToken());
		api.post("/api/series/" + seriesId + "/enrolment", Map.of(), berit.accessToken());
		await().atMost(5, TimeUnit.SECONDS)
			.until(() -> api.get("/api/notifications", anna.accessToken()).body().size() > 0);

		Response exported = api.get("/api/me/export", anna.accessToken());
		assertThat(exported.status()).isEqualTo(200);
		assertThat(exported.header("Content-Disposition")).contains("attachment");
		JsonNode export = exported.body();
		String annasUsername = api.get("/api/me", anna.accessToken()).text("username");
		assertThat(export.path("profile").path("username").asString()).isEqualTo(annasUsername);
		assertThat(export.path("profile").path("displayName").asString()).isEqualTo("Anna Export");
		// memberships made at one instant of the test clock have no order among
		// themselves
		assertThat(export.path("rooms").path("memberships").findValuesAsString("roomId")).contains(room.toString());
		assertThat(export.path("rooms").path("messages").get(0).path("body").asString()).isEqualTo("Annan oma viesti");
		assertThat(export.path("rooms").path("messages").size()).isEqualTo(1);
		assertThat(export.path("series").path("enrolments").get(0).path("status").asString()).isEqualTo("ENROLLED");
		assertThat(export.path("notifications").get(0).path("kind").asString()).isEqualTo("enrolment.enrolled");
		assertThat(export.path("moderation").path("reportsFiled").get(0).path("note").asString()).isEqualTo("Huoli");
		assertThat(export.path("moderation").path("hiddenMembers").size()).isEqualTo(1);
		assertThat(export.path("feedback").path("feedback").isArray()).isTrue();
		assertThat(export.path("questions").size()).isEqualTo(1);
		assertThat(export.path("questions").get(0).path("body").asString()).isEqualTo("Annan kysymys ohjaajille");
		assertThat(export.path("questions").get(0).path("state").asString()).isEqualTo("ASKED");
		assertThat(export.path("questions").get(0).path("roomId").asString()).isEqualTo(infoSession.toString());

		String everything = export.toString();
		String beritsUsername = api.get("/api/me", berit.accessToken()).text("username");
		assertThat(everything).doesNotContain("Beritin yksityinen asia")
			.doesNotContain("Beritin oma kysymys")
			.doesNotContain("Berit Toinen")
			.doesNotContain(beritsUsername)
			.doesNotContain("passwordHash")
			.doesNotContain("password_hash")
			.doesNotContain("$2a$");
	}

	@Test
	void erasureLeavesADeletedUsersEmptyMessagesAndEndsTokensAndConnectionsOnEveryNode(CapturedOutput output) {
		Session anna = api.registerParent("Anna Poistuva");
		Session berit = api.registerParent("Berit Jää");
		UUID room = api.createRoom("Uusi arki", "OPEN");
		api.post("/api/rooms/" + room + "/join", Map.of(), anna.accessToken());
		api.post("/api/rooms/" + room + "/join", Map.of(), berit.accessToken());
		send(anna, room, "Tämä katoaa kun lähden");
		send(berit, room, "Tämä jää");
		String secondNodeUrl = Nodes.baseUrl(secondNode);
		ApiClient onSecond = new ApiClient(secondNode.getEnvironment());
		assertThat(onSecond.get("/api/me", anna.accessToken()).status()).isEqualTo(200);
		StompTestClient live = StompTestClient.connect(secondNodeUrl, anna.accessToken());
		live.subscribe("/topic/rooms/" + room);

		assertThat(api.post("/api/me/erasure", Map.of("password", "wrong password"), anna.accessToken()).code())
			.isEqualTo("accounts.password_mismatch");
		assertThat(
				api.post("/api/me/erasure", Map.of("password", "correct horse battery"), anna.accessToken()).status())
			.isEqualTo(204);

		assertThat(onSecond.get("/api/me", anna.accessToken()).status()).as("the access token on the other node")
			.isEqualTo(401);
		assertThat(api.post("/api/auth/refresh", Map.of("refreshToken", anna.refreshToken())).status()).isEqualTo(401);
		await().atMost(5, TimeUnit.SECONDS).until(() -> !live.isConnected() || !live.failures.isEmpty());
		// the client says goodbye on a connection the server has just ended: no ERROR in
		// the log
		live.close();

		JsonNode history = api.get("/api/rooms/" + room + "/messages", berit.accessToken()).body().path("messages");
		assertThat(history.size()).isEqualTo(2);
		JsonNode gone = history.get(0);
		assertThat(gone.path("removed").asBoolean()).isTrue();
		assertThat(gone.path("authorId").isNull()).isTrue();
		assertThat(gone.path("authorDisplayName").isNull()).isTrue();
		assertThat(gone.path("body").isNull()).isTrue();
		assertThat(history.get(1).path("body").asString()).isEqualTo("Tämä jää");
		assertThat(jdbc.sql("select count(*) from messages where body like '%katoaa%'").query(Long.class).single())
			.isZero();
		assertThat(jdbc.sql("select count(*) from accounts where id = :id")
			.param("id", anna.id())
			.query(Long.class)
			.single()).isZero();
		assertThat(jdbc.sql("select count(*) from room_members where account_id = :id")
			.param("id", anna.id())
			.query(Long.class)
			.single()).isZero();

		Session guest = api.guest("Vieras");
		assertThat(api.post("/api/me/erasure", Map.of(), guest.accessToken()).status()).as("a guest needs no password")
			.isEqualTo(204);
		Session admin = api.login("root-admin", "test-admin-password");
		long admins = jdbc.sql("select count(*) from account_roles where role = 'ADMIN'").query(Long.class).single();
		if (admins == 1) {
			assertThat(
					api.post("/api/me/erasure", Map.of("password", "test-admin-password"), admin.accessToken()).code())
				.isEqualTo("accounts.last_admin");
		}
		assertThat(output.getAll().lines().filter(line -> line.contains(" ERROR ")))
			.as("an erasure, its ended connections and their goodbyes are no errors")
			.isEmpty();
	}

	@Test
	void retentionDeletesExactlyWhatIsPastItsTimeOnceAcrossTwoNodes() throws Exception {
		Instant now = Instant.now();
		CLOCK.set(now.minus(Duration.ofDays(100)));
		Session facilitator = api.staffMember("Ohjaaja Retentio", "FACILITATOR");
		Session parent = api.registerParent("Vanha Viestijä");
		String parentsUsername = api.get("/api/me", parent.accessToken()).text("username");
		Session guest = api.guest("Vanha Vieras");
		UUID oldOpen = api.createRoom("Vanha avoin", "OPEN");
		UUID oldClosed = api.createRoom("Vanha suljettu", "CLOSED");
		api.addMember(oldClosed, parent.id(), "PARTICIPANT");
		api.addMember(oldOpen, facilitator.id(), "FACILITATOR");
		api.post("/api/rooms/" + oldOpen + "/join", Map.of(), parent.accessToken());
		UUID oldOpenMessage = send(parent, oldOpen, "Sata päivää sitten");
		UUID oldClosedMessage = send(parent, oldClosed, "Suljetussa ryhmässä");
		UUID privateTalk = UUID.fromString(api.post("/api/moderation/rooms/" + oldOpen + "/private-talks",
				Map.of("accountId", parent.id()), facilitator.accessToken())
			.text("id"));
		UUID oldPrivateMessage = send(parent, privateTalk, "Kahden kesken");
		UUID oldInfoSession = infoSession("Vanha infotilaisuus");
		api.post("/api/rooms/" + oldInfoSession + "/join", Map.of(), parent.accessToken());
		UUID oldQuestion = UUID.fromString(api.post("/api/rooms/" + oldInfoSession + "/questions",
				Map.of("clientId", "vanha", "body", "Sata päivää sitten?"), parent.accessToken())
			.text("id"));

		CLOCK.set(now.minus(Duration.ofDays(20)));
		Session recentParent = api.login(parentsUsername, "correct horse battery");
		UUID recentOpen = api.createRoom("Tuore avoin", "OPEN");
		api.post("/api/rooms/" + recentOpen + "/join", Map.of(), recentParent.accessToken());
		UUID recentMessage = send(recentParent, recentOpen, "Kaksikymmentä päivää sitten");
		UUID recentInfoSession = infoSession("Tuore infotilaisuus");
		api.post("/api/rooms/" + recentInfoSession + "/join", Map.of(), recentParent.accessToken());
		UUID recentQuestion = UUID.fromString(api
			.post("/api/rooms/" + recentInfoSession + "/questions",
					Map.of("clientId", "tuore", "body", "Kaksikymmentä päivää sitten?"), recentParent.accessToken())
			.text("id"));

		CLOCK.set(now);
		RetentionJob second = secondNode.getBean(RetentionJob.class);
		CompletableFuture<Map<String, Integer>> onFirst = CompletableFuture.supplyAsync(retention::run);
		CompletableFuture<Map<String, Integer>> onSecond = CompletableFuture.supplyAsync(second::run);
		List<Map<String, Integer>> results = List.of(onFirst.get(30, TimeUnit.SECONDS),
				onSecond.get(30, TimeUnit.SECONDS));
		assertThat(results).as("exactly one node ran the rules").filteredOn(result -> !result.isEmpty()).hasSize(1);
		assertThat(retention.run()).as("not again within the interval").isEmpty();
		assertThat(jdbc.sql("select count(*) from retention_runs where rule = 'messages.open' and ran_at = :at")
			.param("at", java.sql.Timestamp.from(now))
			.query(Long.class)
			.single()).isEqualTo(1);

		assertThat(exists(oldOpenMessage)).as("open chat, 100 days").isFalse();
		assertThat(exists(oldPrivateMessage)).as("private talk, 100 days").isFalse();
		assertThat(exists(oldClosedMessage)).as("closed group, kept a year").isTrue();
		assertThat(exists(recentMessage)).as("open chat, 20 days").isTrue();
		assertThat(questionExists(oldQuestion)).as("a question in an open chat, 100 days").isFalse();
		assertThat(questionExists(recentQuestion)).as("a question in an open chat, 20 days").isTrue();
		assertThat(jdbc.sql("select count(*) from accounts where id = :id")
			.param("id", guest.id())
			.query(Long.class)
			.single()).as("the guest pass expired long ago").isZero();
		assertThat(
				jdbc.sql("select count(*) from moderation_audit where room_id = :r and action = 'PRIVATE_TALK_OPENED'")
					.param("r", privateTalk)
					.query(Long.class)
					.single())
			.as("the audit line is kept longer")
			.isEqualTo(1);
	}

	@Test
	void logsCarryNoMessageTextsAndNoAddresses(CapturedOutput output) {
		Session anna = api.registerParent("Anna Loki");
		UUID room = api.createRoom("Lokit", "OPEN");
		api.post("/api/rooms/" + room + "/join", Map.of(), anna.accessToken());
		String secret = "salainen-" + UUID.randomUUID() + " anna.meikalainen@example.fi";
		UUID message = send(anna, room, secret);
		Session facilitator = api.staffMember("Ohjaaja Loki", "FACILITATOR");
		api.addMember(room, facilitator.id(), "FACILITATOR");
		api.post("/api/moderation/rooms/" + room + "/reports",
				Map.of("accountId", facilitator.id(), "reason", "OTHER", "note", secret), anna.accessToken());
		api.delete("/api/moderation/rooms/" + room + "/messages/" + message, facilitator.accessToken());
		try (var client = StompTestClient.connect(api.baseUrl(), anna.accessToken())) {
			var errors = client.subscribe("/user/queue/errors");
			client.sendMessage(room, "too-long", secret.repeat(200));
			next(errors, "the refusal of a too long message");
		}
		api.post("/api/me/erasure", Map.of("password", "correct horse battery"), anna.accessToken());
		assertThat(output.getAll()).doesNotContain(secret.substring(0, 20)).doesNotContain("meikalainen@example.fi");
	}

	private boolean questionExists(UUID questionId) {
		return jdbc.sql("select count(*) from room_questions where id = :id")
			.param("id", questionId)
			.query(Long.class)
			.single() == 1;
	}

	/** A new open information session, created by the first administrator. */
	private UUID infoSession(String title) {
		Response created = api.post("/api/rooms", Map.of("title", title, "kind", "OPEN", "format", "INFO_SESSION"),
				api.login("root-admin", "test-admin-password").accessToken());
		assertThat(created.status()).isEqualTo(201);
		return UUID.fromString(created.text("id"));
	}

	private boolean exists(UUID messageId) {
		return jdbc.sql("select count(*) from messages where id = :id")
			.param("id", messageId)
			.query(Long.class)
			.single() == 1;
	}

	private UUID send(Session author, UUID room, String body) {
		try (var client = StompTestClient.connect(api.baseUrl(), author.accessToken())) {
			var acks = client.subscribe("/user/queue/acks");
			client.sendMessage(room, "c" + UUID.randomUUID().toString().substring(0, 8), body);
			return UUID.fromString(next(acks, "the ack of " + body).path("messageId").asString());
		}
	}

}
