package fi.tukipiiri.platform;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

import org.springframework.context.ConfigurableApplicationContext;

import fi.tukipiiri.support.ApiClient;
import fi.tukipiiri.support.ApiClient.Response;
import fi.tukipiiri.support.ApiClient.Session;
import fi.tukipiiri.support.BareStompConnect;
import fi.tukipiiri.support.FaultyLink;
import fi.tukipiiri.support.StompTestClient;

import static fi.tukipiiri.support.StompTestClient.next;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a node does while Redis is stopped or hangs (decision 23): no request answers 500;
 * each either works or answers {@code 503 server.unavailable} with {@code Retry-After},
 * soon; a chat message sent on an open connection is stored and acknowledged, and slow
 * mode still holds on the node; a new connection is refused with
 * {@code server.unavailable}; once Redis is back, everything works again, live delivery
 * between connections included. The node reaches the real embedded Redis through a
 * {@link FaultyLink}.
 */
class RedisOutageIT {

	/** Redis' command timeout is 2 s; the rest is slack for a loaded machine. */
	private static final Duration ANSWER_LIMIT = Duration.ofSeconds(4);

	private static final Logger log = LoggerFactory.getLogger(RedisOutageIT.class);

	private static FaultyLink redis;

	private static ConfigurableApplicationContext node;

	private static ApiClient api;

	private static Session parent;

	private static Session facilitator;

	private static UUID room;

	private static String username;

	@BeforeAll
	static void startNodeBehindALink() throws IOException {
		redis = NodeBehindLinks.linkToRedis();
		node = NodeBehindLinks.start(null, redis);
		api = new ApiClient(node.getEnvironment());
		parent = api.registerParent("Outi Odottaja");
		facilitator = api.staffMember("Ohjaaja Olli", "FACILITATOR");
		room = api.createRoom("Katkon aikana", "OPEN");
		join(room);
		username = api.get("/api/me", parent.accessToken()).text("username");
	}

	private static void join(UUID each) {
		assertThat(api.addMember(each, facilitator.id(), "FACILITATOR").status()).isIn(200, 201);
		assertThat(api.post("/api/rooms/" + each + "/join", Map.of(), parent.accessToken()).status()).isIn(200, 201,
				204);
	}

	@AfterAll
	static void stop() throws IOException {
		if (node != null) {
			node.close();
		}
		if (redis != null) {
			redis.close();
		}
	}

	@Test
	void aStoppedRedisIsAnsweredWithoutAServerError() throws Exception {
		outage("Redis stopped", () -> redis.stop());
	}

	@Test
	void aHungRedisIsAnsweredWithoutAServerErrorAndSoon() throws Exception {
		outage("Redis hung", () -> redis.silence());
	}

	private void outage(String outage, Breaking breakIt) throws Exception {
		Session signedIn = api.login(username, "correct horse battery");
		Session leaving = api.login(username, "correct horse battery");
		UUID slowRoom = api.createRoom("Hidas huone", "OPEN");
		join(slowRoom);
		assertThat(api
			.put("/api/moderation/rooms/" + slowRoom + "/slow-mode", Map.of("seconds", 60), facilitator.accessToken())
			.status()).isEqualTo(200);
		try (StompTestClient writer = StompTestClient.connect(api.baseUrl(), parent.accessToken());
				StompTestClient reader = StompTestClient.connect(api.baseUrl(), facilitator.accessToken())) {
			BlockingQueue<JsonNode> acks = writer.subscribe("/user/queue/acks");
			BlockingQueue<JsonNode> errors = writer.subscribe("/user/queue/errors");
			BlockingQueue<JsonNode> heard = reader.subscribe("/topic/rooms/" + room);

			breakIt.now();
			for (int round = 1; round <= 2; round++) {
				// the second round meets Redis already known to be down
				assertNoServerError(outage, "rooms list", () -> api.get("/api/rooms", signedIn.accessToken()), round);
				assertNoServerError(outage, "message history",
						() -> api.get("/api/rooms/" + room + "/messages", signedIn.accessToken()), round);
				assertNoServerError(outage, "series", () -> api.get("/api/series", signedIn.accessToken()), round);
				assertNoServerError(outage, "notices", () -> api.get("/api/notifications", signedIn.accessToken()),
						round);
				assertNoServerError(outage, "presence",
						() -> api.get("/api/rooms/" + room + "/presence", signedIn.accessToken()), round);
				assertNoServerError(outage, "sign-in", () -> api.post("/api/auth/login",
						Map.of("username", username, "password", "correct horse battery")), round);
				assertNoServerError(outage, "refresh",
						() -> api.post("/api/auth/refresh", Map.of("refreshToken", signedIn.refreshToken())), round);
				assertNoServerError(outage, "moderation action",
						() -> api.post("/api/moderation/rooms/" + room + "/mutes",
								Map.of("accountId", parent.id().toString(), "minutes", 1), facilitator.accessToken()),
						round);
			}
			// sign-out ends the sign-in in PostgreSQL, and asks to be sent again
			Response signOut = timed(outage, "sign-out",
					() -> api.post("/api/auth/logout", Map.of("refreshToken", leaving.refreshToken())));
			assertThat(signOut.status()).isEqualTo(503);
			assertThat(signOut.code()).isEqualTo("server.unavailable");

			// the refresh token was not spent by the refused refresh
			Response unspent = timed(outage, "limits without a sign-in", () -> api.get("/api/limits", null));
			assertThat(unspent.status()).isEqualTo(200);

			// a message on an open connection is stored and acknowledged; it is not
			// relayed
			String clientId = "outage-" + UUID.randomUUID();
			writer.sendMessage(room, clientId, "Katkon aikana kirjoitettu");
			JsonNode ack = next(acks, outage + ": ack of a message stored during the outage", 10);
			assertThat(ack.path("clientId").asString()).isEqualTo(clientId);
			long storedSeq = ack.path("seq").asLong();

			// slow mode holds on the node: the first message goes, the second waits
			writer.sendMessage(slowRoom, "slow-1-" + clientId, "Ensimmäinen");
			assertThat(next(acks, outage + ": first message in slow mode", 10).path("clientId").asString())
				.isEqualTo("slow-1-" + clientId);
			writer.sendMessage(slowRoom, "slow-2-" + clientId, "Toinen");
			JsonNode slow = next(errors, outage + ": second message in slow mode", 10);
			assertThat(slow.path("code").asString()).isEqualTo("moderation.slow_mode");
			assertThat(slow.path("clientId").asString()).isEqualTo("slow-2-" + clientId);
			assertThat(slow.path("retryAfterSeconds").asLong()).isPositive();

			// a frame that cannot be handled without Redis is answered, not dropped: a
			// renewal's token cannot be checked
			writer.sendWithHeaders("/app/auth/renew", "{}", Map.of("Authorization", "Bearer " + parent.accessToken()));
			JsonNode unavailable = next(errors, outage + ": a renewal that cannot be checked", 10);
			assertThat(unavailable.path("code").asString()).isEqualTo("server.unavailable");
			assertThat(unavailable.path("retryAfterSeconds").asLong())
				.isEqualTo(ServiceUnavailable.RETRY_AFTER_SECONDS);
			assertThat(writer.isConnected()).isTrue();

			// a new connection cannot have its token checked
			long started = System.nanoTime();
			BareStompConnect.Answer refused = BareStompConnect.connect(api.baseUrl(), parent.accessToken());
			log.info("{}: CONNECT answered {} in {} ms", outage, refused.firstFrame().lines().findFirst().orElse(""),
					TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
			assertThat(refused.firstFrame()).startsWith("ERROR").contains("message:server.unavailable");

			redis.restore();
			Awaitility.await(outage + ": ready again")
				.atMost(Duration.ofSeconds(60))
				.pollInterval(Duration.ofMillis(200))
				.until(() -> api.get("/actuator/health/readiness", null).status() == 200);

			// everything works again: REST, sign-in, refresh, live delivery through the
			// relay
			Awaitility.await(outage + ": signed-in requests answered again")
				.atMost(Duration.ofSeconds(10))
				.until(() -> api.get("/api/rooms", signedIn.accessToken()).status() == 200);
			Response history = api.get("/api/rooms/" + room + "/messages?afterSeq=" + (storedSeq - 1),
					signedIn.accessToken());
			assertThat(history.status()).isEqualTo(200);
			assertThat(history.raw().body()).contains("Katkon aikana kirjoitettu");
			assertThat(api.post("/api/auth/refresh", Map.of("refreshToken", leaving.refreshToken())).code())
				.as("the sign-in ended during the outage stays ended")
				.isEqualTo("auth.invalid_refresh_token");
			assertThat(api.post("/api/auth/logout", Map.of("refreshToken", leaving.refreshToken())).status())
				.isEqualTo(204);
			Session again = api.login(username, "correct horse battery");
			assertThat(api.post("/api/auth/refresh", Map.of("refreshToken", signedIn.refreshToken())).status())
				.isEqualTo(200);
			assertThat(api.get("/api/me", again.accessToken()).status()).isEqualTo(200);
			Awaitility.await(outage + ": a message heard live again")
				.atMost(Duration.ofSeconds(20))
				.pollInterval(Duration.ofMillis(500))
				.until(() -> {
					String after = "after-" + UUID.randomUUID();
					writer.sendMessage(room, after, "Taas kuuluu");
					JsonNode live = heard.poll(2, TimeUnit.SECONDS);
					while (live != null && !after.equals(live.path("clientId").asString())) {
						live = heard.poll(2, TimeUnit.SECONDS);
					}
					return live != null;
				});
			StompTestClient.connect(api.baseUrl(), again.accessToken()).close();
		}
	}

	private static void assertNoServerError(String outage, String what, Supplier<Response> request, int round) {
		Response answer = timed(outage, what + " (round " + round + ")", request);
		assertThat(answer.status()).as("%s: %s", outage, what).isNotEqualTo(500);
		if (answer.status() >= 500) {
			assertThat(answer.status()).as("%s: %s", outage, what).isEqualTo(503);
			assertThat(answer.code()).as("%s: %s", outage, what).isEqualTo("server.unavailable");
			assertThat(answer.header("Retry-After")).as("%s: %s", outage, what).isEqualTo("5");
			assertThat(answer.body().path("retryAfterSeconds").asLong()).isEqualTo(5);
		}
		else {
			assertThat(answer.status()).as("%s: %s", outage, what).isLessThan(300);
		}
	}

	private static Response timed(String outage, String what, Supplier<Response> request) {
		long started = System.nanoTime();
		Response answer = request.get();
		Duration took = Duration.ofNanos(System.nanoTime() - started);
		log.info("{}: {} answered {} {} in {} ms", outage, what, answer.status(), answer.code(), took.toMillis());
		assertThat(took).as("%s: %s", outage, what).isLessThan(ANSWER_LIMIT);
		return answer;
	}

	@FunctionalInterface
	private interface Breaking {

		void now() throws IOException;

	}

}
