package fi.tukipiiri.moderation;

import static fi.tukipiiri.support.StompTestClient.next;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.redis.core.StringRedisTemplate;

import fi.tukipiiri.support.ApiClient;
import fi.tukipiiri.support.BareStompConnect;
import fi.tukipiiri.support.ApiClient.Response;
import fi.tukipiiri.support.ApiClient.Session;
import fi.tukipiiri.support.StompTestClient;
import fi.tukipiiri.support.Nodes;

/**
 * Flood limits on two nodes with small limits of their own: a person's API requests,
 * messages and connections are counted together whichever node they reach, and refusals
 * say when to try again.
 */
class FloodLimitsIT {

	static ConfigurableApplicationContext nodeA;
	static ConfigurableApplicationContext nodeB;
	static ApiClient onA;
	static ApiClient onB;

	@BeforeAll
	static void startTwoNodes() {
		String[] limits = { "--tukipiiri.moderation.request-limit=6", "--tukipiiri.moderation.request-window=1h",
				"--tukipiiri.moderation.send-limit=3", "--tukipiiri.moderation.send-window=1h",
				"--tukipiiri.moderation.max-connections-per-user=2" };
		nodeA = Nodes.start(limits);
		nodeB = Nodes.start(limits);
		onA = new ApiClient(nodeA.getEnvironment());
		onB = new ApiClient(nodeB.getEnvironment());
	}

	/**
	 * The buckets made here keep these small limits in the shared Redis (a stored bucket
	 * keeps its configuration), and the administrator's among them would refuse later
	 * tests' requests for up to an hour: they go with the nodes.
	 */
	@AfterAll
	static void stopNodes() {
		StringRedisTemplate redis = nodeA.getBean(StringRedisTemplate.class);
		Set<String> buckets = redis.keys("tukipiiri:limit:*");
		if (buckets != null && !buckets.isEmpty()) {
			redis.delete(buckets);
		}
		nodeB.close();
		nodeA.close();
	}

	@Test
	void apiRequestsAreCountedAcrossNodes() {
		Session anna = onA.registerParent("Anna"); // signing up reads /api/me once: 5 of
													// the 6 requests are left
		for (int i = 0; i < 5; i++) {
			assertThat((i % 2 == 0 ? onA : onB).get("/api/me", anna.accessToken()).status()).isEqualTo(200);
		}
		Response refused = onB.get("/api/me", anna.accessToken());
		assertThat(refused.status()).isEqualTo(429);
		assertThat(refused.code()).isEqualTo("rate_limited");
		assertThat(Long.parseLong(refused.header("Retry-After"))).isPositive();
		assertThat(refused.body().path("retryAfterSeconds").asLong()).isPositive();
		assertThat(onA.get("/api/me", anna.accessToken()).status()).as("the other node agrees").isEqualTo(429);
		assertThat(onA.get("/api/me", onA.registerParent("Matti").accessToken()).status()).as("others are not affected")
			.isEqualTo(200);
	}

	@Test
	void messagesAreCountedAcrossNodes() {
		UUID room = onA.createRoom("Kiireetön keskustelu", "OPEN");
		Session anna = onA.registerParent("Anna");
		onA.post("/api/rooms/" + room + "/join", Map.of(), anna.accessToken());
		try (var first = StompTestClient.connect(onA.baseUrl(), anna.accessToken());
				var second = StompTestClient.connect(onB.baseUrl(), anna.accessToken())) {
			var acks = first.subscribe("/user/queue/acks");
			var secondAcks = second.subscribe("/user/queue/acks");
			var errors = second.subscribe("/user/queue/errors");
			first.sendMessage(room, "a-1", "Yksi");
			first.sendMessage(room, "a-2", "Kaksi");
			next(acks, "the first");
			next(acks, "the second");
			second.sendMessage(room, "b-1", "Kolme");
			next(secondAcks, "the third, on the other node");
			second.sendMessage(room, "b-2", "Neljä");
			JsonNode refused = next(errors, "the fourth");
			assertThat(refused.path("code").asString()).isEqualTo("rate_limited");
			assertThat(refused.path("clientId").asString()).isEqualTo("b-2");
			assertThat(refused.path("retryAfterSeconds").asLong()).isPositive();
		}
	}

	@Test
	void connectionsPerPersonAreCappedAcrossNodes() throws Exception {
		Session anna = onA.registerParent("Anna");
		try (var first = StompTestClient.connect(onA.baseUrl(), anna.accessToken());
				var second = StompTestClient.connect(onB.baseUrl(), anna.accessToken())) {
			assertThat(first.isConnected() && second.isConnected()).isTrue();
			BareStompConnect.Answer third = BareStompConnect.connect(onA.baseUrl(), anna.accessToken());
			assertThat(third.firstFrame()).startsWith("ERROR\n").contains("message:connections.too_many");
		}
		Session matti = onA.registerParent("Matti");
		try (var ok = StompTestClient.connect(onB.baseUrl(), matti.accessToken())) {
			assertThat(ok.isConnected()).isTrue();
		}
	}

}
