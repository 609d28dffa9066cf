package fi.tukipiiri.platform;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ConfigurableApplicationContext;

import fi.tukipiiri.support.ApiClient;
import fi.tukipiiri.support.FaultyLink;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * During a PostgreSQL or Redis outage the readiness probe answers 503 within a second, on
 * every probe, and 200 again once the server is back; liveness stays 200 throughout. The
 * node reaches the real embedded servers through {@link FaultyLink}s, which the test
 * stops (as a stopped server) and silences (as a hung one or a lost network).
 */
class ReadinessOutageIT {

	/** The promise is one second; the rest is slack for a loaded CI machine. */
	private static final Duration ANSWER_LIMIT = Duration.ofMillis(1500);

	private static final Logger log = LoggerFactory.getLogger(ReadinessOutageIT.class);

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private static FaultyLink postgres;

	private static FaultyLink redis;

	private static ConfigurableApplicationContext node;

	private static String baseUrl;

	/** A parent's access token, signed in before any outage. */
	private static String token;

	@BeforeAll
	static void startNodeBehindLinks() throws IOException {
		postgres = NodeBehindLinks.linkToPostgres();
		redis = NodeBehindLinks.linkToRedis();
		node = NodeBehindLinks.start(postgres, redis);
		baseUrl = "http://127.0.0.1:" + node.getEnvironment().getRequiredProperty("local.server.port");
		// the first request sets up the endpoint and the client; the figures are about
		// outages
		Awaitility.await("ready at start")
			.atMost(Duration.ofSeconds(30))
			.until(() -> get("/actuator/health/readiness").statusCode() == 200);
		token = ApiClient.at(baseUrl).registerParent("Katkon kokija").accessToken();
	}

	@AfterAll
	static void stop() throws IOException {
		if (node != null) {
			node.close();
		}
		if (postgres != null) {
			postgres.close();
		}
		if (redis != null) {
			redis.close();
		}
	}

	@Test
	void aStoppedPostgresIsNotReadyWithinASecond() throws Exception {
		postgres.stop();
		assertOutageAnsweredFast("PostgreSQL stopped");
		assertSignedInRequestRefusedUnavailable("PostgreSQL stopped");
		postgres.restore();
		assertReadyAgain("PostgreSQL back after a stop");
	}

	@Test
	void aHungPostgresIsNotReadyWithinASecond() throws Exception {
		postgres.silence();
		assertOutageAnsweredFast("PostgreSQL hung");
		postgres.restore();
		assertReadyAgain("PostgreSQL back after hanging");
	}

	@Test
	void aStoppedRedisIsNotReadyWithinASecond() throws Exception {
		redis.stop();
		assertOutageAnsweredFast("Redis stopped");
		redis.restore();
		assertReadyAgain("Redis back after a stop");
	}

	@Test
	void aHungRedisIsNotReadyWithinASecond() throws Exception {
		redis.silence();
		assertOutageAnsweredFast("Redis hung");
		redis.restore();
		assertReadyAgain("Redis back after hanging");
	}

	/**
	 * Four probes in a row, as a load balancer's would come: the later ones meet a check
	 * still hanging from the first.
	 */
	private void assertOutageAnsweredFast(String outage) throws Exception {
		for (int probe = 1; probe <= 4; probe++) {
			long started = System.nanoTime();
			HttpResponse<String> readiness = get("/actuator/health/readiness");
			long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
			log.info("{}: readiness probe {} answered {} in {} ms", outage, probe, readiness.statusCode(), millis);
			assertThat(readiness.statusCode()).as("%s, probe %d", outage, probe).isEqualTo(503);
			assertThat(Duration.ofMillis(millis)).as("%s, probe %d", outage, probe).isLessThan(ANSWER_LIMIT);
		}
		long started = System.nanoTime();
		HttpResponse<String> liveness = get("/actuator/health/liveness");
		long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
		log.info("{}: liveness answered {} in {} ms", outage, liveness.statusCode(), millis);
		assertThat(liveness.statusCode()).as("%s: liveness", outage).isEqualTo(200);
		assertThat(Duration.ofMillis(millis)).as("%s: liveness", outage).isLessThan(ANSWER_LIMIT);
	}

	/**
	 * A signed-in request that needs the database is answered 503
	 * {@code server.unavailable} with {@code Retry-After} within the pool's connection
	 * timeout (5 s), not 500 after Hikari's 30 s.
	 */
	private void assertSignedInRequestRefusedUnavailable(String outage) throws Exception {
		long started = System.nanoTime();
		HttpResponse<String> rooms = HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl + "/api/rooms"))
			.header("Authorization", "Bearer " + token)
			.timeout(Duration.ofSeconds(20))
			.build(), HttpResponse.BodyHandlers.ofString());
		long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
		log.info("{}: a signed-in request answered {} in {} ms", outage, rooms.statusCode(), millis);
		assertThat(rooms.statusCode()).as(outage).isEqualTo(503);
		assertThat(rooms.body()).contains("\"code\":\"server.unavailable\"");
		assertThat(rooms.headers().firstValue("Retry-After")).contains("5");
		assertThat(Duration.ofMillis(millis)).isLessThan(Duration.ofSeconds(8));
	}

	private void assertReadyAgain(String recovery) {
		long started = System.nanoTime();
		Awaitility.await(recovery)
			.atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofMillis(200))
			.until(() -> get("/actuator/health/readiness").statusCode() == 200);
		log.info("{}: ready again after {} ms", recovery, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
	}

	private static HttpResponse<String> get(String path) throws IOException, InterruptedException {
		return HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

}
