package fi.tukipiiri.auth;

import static fi.tukipiiri.support.StompTestClient.next;
import static fi.tukipiiri.support.StompTestClient.nothing;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import fi.tukipiiri.support.ApiClient;
import fi.tukipiiri.support.ApiClient.Session;
import fi.tukipiiri.support.IntegrationTest;
import fi.tukipiiri.support.Nodes;
import fi.tukipiiri.support.StompTestClient;

/**
 * A live connection ends when the trust behind it ends, on every node and within a
 * second: signing out, a copied refresh token, and a revocation a node never heard
 * announced. Every frame that reads or writes is checked too, so a revoked connection
 * stores nothing.
 */
@IntegrationTest
class ConnectionTrustIT {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	static ConfigurableApplicationContext secondNode;

	@Autowired
	ApiClient api;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	StringRedisTemplate redis;

	@Autowired
	LiveConnections connections;

	@BeforeAll
	static void startSecondNode() {
		secondNode = Nodes.start();
	}

	@AfterAll
	static void stopSecondNode() {
		secondNode.close();
	}

	@Test
	void signingOutEndsEveryConnectionOfThatSignInOnEveryNodeWithinASecond() {
		UUID room = api.createRoom("Suljettu ryhmä", "CLOSED");
		String username = "anna" + UUID.randomUUID().toString().substring(0, 8);
		assertThat(api
			.post("/api/auth/register",
					Map.of("username", username, "password", "correct horse battery", "displayName", "Anna"))
			.status()).isEqualTo(201);
		Session anna = api.login(username, "correct horse battery");
		api.addMember(room, anna.id(), "PARTICIPANT");
		Session otherDevice = api.login(username, "correct horse battery");
		try (var here = connect(api.baseUrl(), anna.accessToken());
				var there = connect(secondNodeUrl(), anna.accessToken());
				var elsewhere = connect(api.baseUrl(), otherDevice.accessToken())) {
			var messages = there.subscribe("/topic/rooms/" + room);
			api.awaitPresence(room, anna, 1);
			// the client renewed its access token since it connected: signing out with
			// the new one ends the old one's connections too
			Session renewed = refresh(anna);
			long start = System.nanoTime();
			assertThat(
					api.post("/api/auth/logout", Map.of("refreshToken", renewed.refreshToken()), renewed.accessToken())
						.status())
				.isEqualTo(204);
			awaitEnded(here, "auth.session_ended", Duration.ofSeconds(1));
			awaitEnded(there, "auth.session_ended", Duration.ofSeconds(1));
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(1500));
			nothing(messages, 100);
			// the same person's other sign-in is another trust, and stays
			assertThat(elsewhere.isConnected()).isTrue();
			assertThat(elsewhere.failures).isEmpty();
		}
		assertThat(api.get("/api/me", anna.accessToken()).code()).isEqualTo("auth.invalid_token");
	}

	@Test
	void signingOutWithoutTheAccessTokenStillEndsTheSignInsConnections() {
		Session matti = api.registerParent("Matti");
		try (var live = connect(api.baseUrl(), matti.accessToken())) {
			assertThat(api.post("/api/auth/logout", Map.of("refreshToken", matti.refreshToken())).status())
				.isEqualTo(204);
			awaitEnded(live, "auth.session_ended", Duration.ofSeconds(1));
		}
	}

	@Test
	void aReusedRefreshTokenEndsTheWholeSignInsConnectionsOnEveryNode() {
		Session victim = api.registerParent("Vilja");
		try (var here = connect(api.baseUrl(), victim.accessToken());
				var there = connect(secondNodeUrl(), victim.accessToken())) {
			Session rotated = refresh(victim);
			// the spent refresh token comes back: it was copied, so the thief and the
			// victim both start over
			assertThat(api.post("/api/auth/refresh", Map.of("refreshToken", victim.refreshToken())).code())
				.isEqualTo("auth.invalid_refresh_token");
			awaitEnded(here, "auth.session_ended", Duration.ofSeconds(1));
			awaitEnded(there, "auth.session_ended", Duration.ofSeconds(1));
			assertThat(api.get("/api/me", rotated.accessToken()).code()).isEqualTo("auth.invalid_token");
		}
	}

	@Test
	void aFrameOnARevokedConnectionIsRefusedAndNothingIsStoredEvenIfTheAnnouncementWasMissed() {
		UUID room = api.createRoom("Avoin keskustelu", "OPEN");
		Session pekka = api.registerParent("Pekka");
		api.post("/api/rooms/" + room + "/join", Map.of(), pekka.accessToken());
		try (var live = connect(api.baseUrl(), pekka.accessToken())) {
			var acks = live.subscribe("/user/queue/acks");
			live.sendMessage(room, "before", "Ennen");
			assertThat(next(acks, "the ack before revocation").path("seq").asLong()).isEqualTo(1);
			// the sign-in is revoked in Redis, but no node hears of it (as if pub/sub had
			// dropped the announcement)
			redis.opsForValue()
				.set("auth:revoked-family:" + claim(pekka.accessToken(), "fam"), "1", Duration.ofMinutes(1));
			live.sendMessage(room, "after", "Jälkeen");
			awaitEnded(live, "auth.session_ended", Duration.ofSeconds(2));
			nothing(acks, 300);
		}
		assertThat(jdbc.sql("select count(*) from messages where room_id = :room")
			.param("room", room)
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void aSubscriptionOnARevokedConnectionIsRefused() {
		UUID room = api.createRoom("Tilaus", "OPEN");
		Session liisa = api.registerParent("Liisa");
		Session observer = api.registerParent("Havainnoija");
		api.post("/api/rooms/" + room + "/join", Map.of(), observer.accessToken());
		try (var live = connect(api.baseUrl(), liisa.accessToken())) {
			redis.opsForValue()
				.set("auth:revoked-token:" + claim(liisa.accessToken(), "jti"), "1", Duration.ofMinutes(1));
			live.subscribe("/topic/rooms/" + room);
			awaitEnded(live, "auth.session_ended", Duration.ofSeconds(2));
		}
		// she never entered the room, so she never became present in it
		assertThat(api.get("/api/rooms/" + room + "/presence", observer.accessToken()).body().toString())
			.doesNotContain("Liisa");
	}

	@Test
	void anIdleConnectionWhoseRevocationWasMissedEndsAtTheNextRecheck() {
		Session idle = api.registerParent("Ilona");
		try (var live = connect(api.baseUrl(), idle.accessToken())) {
			redis.opsForValue()
				.set("auth:revoked-family:" + claim(idle.accessToken(), "fam"), "1", Duration.ofMinutes(1));
			connections.recheck();
			awaitEnded(live, "auth.session_ended", Duration.ofSeconds(1));
		}
	}

	@Test
	void renewingWithAnotherPersonsOrABadTokenIsRefusedAndTheConnectionKeepsItsOwn() {
		Session owner = api.registerParent("Omistaja");
		Session stranger = api.registerParent("Vieras");
		try (var live = connect(api.baseUrl(), owner.accessToken())) {
			var errors = live.subscribe("/user/queue/errors");
			var renewals = live.subscribe("/user/queue/session");
			live.sendWithHeaders("/app/auth/renew", "{}", Map.of("Authorization", "Bearer " + stranger.accessToken()));
			assertThat(next(errors, "refusal of another person's token").path("code").asString())
				.isEqualTo("auth.forbidden");
			live.sendWithHeaders("/app/auth/renew", "{}", Map.of("Authorization", "Bearer not.a.token"));
			assertThat(next(errors, "refusal of a bad token").path("code").asString()).isEqualTo("auth.invalid_token");
			live.sendWithHeaders("/app/auth/renew", "{}", Map.of());
			assertThat(next(errors, "refusal without a token").path("code").asString()).isEqualTo("auth.invalid_token");
			nothing(renewals, 200);
			Session fresh = refresh(owner);
			live.sendWithHeaders("/app/auth/renew", "{}", Map.of("Authorization", "Bearer " + fresh.accessToken()));
			JsonNode renewed = next(renewals, "the renewal");
			assertThat(renewed.path("type").asString()).isEqualTo("renewed");
			assertThat(renewed.path("expiresAt").asString()).isNotBlank();
			assertThat(live.isConnected()).isTrue();
		}
	}

	@Test
	void aRoleChangeEndsTheConnectionSoItIsAuthorisedAnew() {
		Session person = api.registerParent("Ylennetty");
		try (var live = connect(api.baseUrl(), person.accessToken())) {
			Session admin = api.login("root-admin", "test-admin-password");
			api.put("/api/admin/users/" + person.id() + "/roles",
					Map.of("roles", java.util.List.of("PARENT", "PEER_SUPPORTER")), admin.accessToken());
			awaitEnded(live, "auth.session_ended", Duration.ofSeconds(1));
		}
	}

	private Session refresh(Session session) {
		var answer = api.post("/api/auth/refresh", Map.of("refreshToken", session.refreshToken()));
		assertThat(answer.status()).isEqualTo(200);
		return new Session(answer.text("accessToken"), answer.text("refreshToken"), session.id());
	}

	private static StompTestClient connect(String baseUrl, String token) {
		return StompTestClient.connect(baseUrl, token);
	}

	private static String secondNodeUrl() {
		return Nodes.baseUrl(secondNode);
	}

	private static void awaitEnded(StompTestClient live, String code, Duration within) {
		Awaitility.await()
			.atMost(within.toMillis(), TimeUnit.MILLISECONDS)
			.pollInterval(Duration.ofMillis(20))
			.until(() -> live.failures.contains("ERROR " + code));
		Awaitility.await().atMost(2, TimeUnit.SECONDS).until(() -> !live.isConnected());
	}

	private static String claim(String jwt, String name) {
		String payload = new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8);
		return JSON.readTree(payload).path(name).asString();
	}

}
