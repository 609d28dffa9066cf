package fi.tukipiiri.auth;

import static fi.tukipiiri.support.StompTestClient.next;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import fi.tukipiiri.support.ApiClient;
import fi.tukipiiri.support.ApiClient.Session;
import fi.tukipiiri.support.IntegrationTest;
import fi.tukipiiri.support.StompTestClient;

/**
 * A live connection does not outlive its access token: at expiry the server ends it
 * ({@code auth.token_expired}) unless the client has renewed it on the connection with a
 * fresh token.
 */
@IntegrationTest
@TestPropertySource(properties = "tukipiiri.auth.access-token-lifetime=3s")
class ConnectionExpiryIT {

	@Autowired
	ApiClient api;

	@Test
	void aConnectionEndsWhenItsTokenExpires() {
		Session parent = api.registerParent("Unelias");
		try (var live = StompTestClient.connect(api.baseUrl(), parent.accessToken())) {
			Awaitility.await()
				.atLeast(1, TimeUnit.SECONDS)
				.atMost(5, TimeUnit.SECONDS)
				.until(() -> live.failures.contains("ERROR auth.token_expired"));
			Awaitility.await().atMost(2, TimeUnit.SECONDS).until(() -> !live.isConnected());
		}
	}

	@Test
	void aConnectionRenewedBeforeExpiryGoesOnReadingAndWriting() throws InterruptedException {
		UUID room = api.createRoom("Pitkä ilta", "OPEN");
		Session parent = api.registerParent("Valvoja");
		String refreshToken = parent.refreshToken();
		api.post("/api/rooms/" + room + "/join", Map.of(), parent.accessToken());
		try (var live = StompTestClient.connect(api.baseUrl(), parent.accessToken())) {
			var acks = live.subscribe("/user/queue/acks");
			var renewals = live.subscribe("/user/queue/session");
			long until = System.nanoTime() + Duration.ofSeconds(7).toNanos();
			while (System.nanoTime() < until) {
				Thread.sleep(1000);
				var fresh = api.post("/api/auth/refresh", Map.of("refreshToken", refreshToken));
				refreshToken = fresh.text("refreshToken");
				live.sendWithHeaders("/app/auth/renew", "{}",
						Map.of("Authorization", "Bearer " + fresh.text("accessToken")));
				assertThat(next(renewals, "a renewal").path("type").asString()).isEqualTo("renewed");
			}
			assertThat(live.failures).isEmpty();
			live.sendMessage(room, "late", "Yhä täällä");
			assertThat(next(acks, "an ack long after the first token expired").path("seq").asLong()).isEqualTo(1);
		}
	}

}
