package fi.tukipiiri;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.messaging.simp.user.SimpUserRegistry;
import org.springframework.test.util.ReflectionTestUtils;

import fi.tukipiiri.platform.RetentionJob;
import fi.tukipiiri.support.ApiClient;
import fi.tukipiiri.support.ApiClient.Session;
import fi.tukipiiri.support.IntegrationTest;
import fi.tukipiiri.support.StompTestClient;

import static fi.tukipiiri.support.StompTestClient.awaitSubscribed;
import static fi.tukipiiri.support.StompTestClient.next;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /actuator/prometheus}, read as the cluster's scraper reads it (no token), after
 * a real STOMP client has sent a message, a message naming a risk and a malformed frame,
 * and a REST client a malformed body: every metric the README's Metrics section lists is
 * there, counting what happened, and nothing in the output is personal (no display name,
 * username, message text, room title, or any UUID).
 */
@IntegrationTest
class MetricsIT {

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	/** {@code name{labels} value} of one sample in the text format. */
	private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{[^}]*})? (\\S+)",
			Pattern.MULTILINE);

	private static final Pattern UUID_SHAPE = Pattern
		.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

	@Autowired
	ApiClient api;

	@Autowired
	SimpUserRegistry users;

	@Autowired
	RetentionJob retention;

	@Test
	void everyDocumentedMetricCountsWhatHappenedAndNothingPersonalIsScraped() throws Exception {
		String marker = UUID.randomUUID().toString().substring(0, 8);
		String username = "mittari" + marker;
		String displayName = "Mittari Maija " + marker;
		String body = "Tämä on yksityinen viesti " + marker;
		String riskBody = "haluan kuolla " + marker;
		String title = "Mittaushuone " + marker;
		assertThat(api
			.post("/api/auth/register",
					Map.of("username", username, "password", "correct horse battery", "displayName", displayName))
			.status()).isEqualTo(201);
		Session maija = api.login(username, "correct horse battery");
		UUID room = api.createRoom(title, "OPEN");
		assertThat(api.addMember(room, maija.id(), "PARTICIPANT").status()).isEqualTo(200);

		String before = scrape();
		try (StompTestClient client = StompTestClient.connect(api.baseUrl(), maija.accessToken())) {
			BlockingQueue<JsonNode> messages = client.subscribe("/topic/rooms/" + room);
			BlockingQueue<JsonNode> errors = client.subscribe("/user/queue/errors");
			awaitSubscribed(users, maija.id(), "/topic/rooms/" + room, 1);

			client.sendMessage(room, "metrics-" + marker, body);
			assertThat(next(messages, "the message, live").path("body").asString()).isEqualTo(body);
			client.sendMessage(room, "metrics-risk-" + marker, riskBody);
			next(messages, "the message naming a risk, live");
			client.sendRaw("/app/rooms/" + room + "/messages", "not json " + body);
			assertThat(next(errors, "the refusal").path("code").asString()).isEqualTo("request.malformed");
			assertThat(api.postRaw("/api/auth/login", "{\"username\": \"" + username + "\", ", null).status())
				.isEqualTo(400);
			ReflectionTestUtils.invokeMethod(retention, "scheduled");

			Awaitility.await()
				.atMost(20, TimeUnit.SECONDS)
				.pollInterval(200, TimeUnit.MILLISECONDS)
				.untilAsserted(() -> {
					String after = scrape();
					assertThat(value(after, "tukipiiri_connections_live", Map.of())).isGreaterThanOrEqualTo(1);
					assertThat(value(after, "tukipiiri_subscriptions_live", Map.of())).isGreaterThanOrEqualTo(2);
					assertThat(increase(before, after, "tukipiiri_messages_stored_total", Map.of("kind", "text")))
						.isGreaterThanOrEqualTo(2);
					assertThat(increase(before, after, "tukipiiri_delivery_latency_seconds_count", Map.of()))
						.isGreaterThanOrEqualTo(2);
					assertThat(value(after, "tukipiiri_delivery_latency_seconds_bucket", Map.of("le", "+Inf")))
						.isEqualTo(value(after, "tukipiiri_delivery_latency_seconds_count", Map.of()));
					assertThat(increase(before, after, "tukipiiri_relay_lag_seconds_count", Map.of()))
						.isGreaterThanOrEqualTo(2);
					assertThat(value(after, "tukipiiri_relay_lag_seconds_max", Map.of())).isBetween(0.0, 5.0);
					assertThat(increase(before, after, "tukipiiri_refusals_total",
							Map.of("kind", "stomp-frame", "code", "request.malformed")))
						.isGreaterThanOrEqualTo(1);
					assertThat(increase(before, after, "tukipiiri_refusals_total",
							Map.of("kind", "request", "code", "request.malformed")))
						.isGreaterThanOrEqualTo(1);
					assertThat(increase(before, after, "tukipiiri_problems_total",
							Map.of("channel", "stomp", "code", "request.malformed")))
						.isGreaterThanOrEqualTo(1);
					assertThat(increase(before, after, "tukipiiri_problems_total",
							Map.of("channel", "rest", "code", "request.malformed")))
						.isGreaterThanOrEqualTo(1);
					assertThat(value(after, "tukipiiri_rate_limited_total", Map.of("limit", "message")))
						.isGreaterThanOrEqualTo(0);
					assertThat(increase(before, after, "tukipiiri_risk_flags_total", Map.of("category", "self-harm")))
						.isGreaterThanOrEqualTo(1);
					assertThat(increase(before, after, "tukipiiri_job_runs_total", Map.of("task", "retention")))
						.isGreaterThanOrEqualTo(1);
					assertThat(value(after, "tukipiiri_job_runs_total",
							Map.of("task", "session-lifecycle", "outcome", "done")))
						.isGreaterThanOrEqualTo(1);
					assertThat(
							value(after, "tukipiiri_job_duration_seconds_count", Map.of("task", "session-lifecycle")))
						.isGreaterThanOrEqualTo(1);
					assertThat(value(after, "tukipiiri_node_ready", Map.of())).isEqualTo(1);
					assertThat(value(after, "http_server_requests_seconds_count", Map.of())).isPositive();
					assertThat(value(after, "process_uptime_seconds", Map.of())).isPositive();
				});

			String scraped = scrape();
			for (String name : MonitoringFilesTest.documentedMetrics().keySet()) {
				assertThat(scraped).as("the scrape holds the documented %s", name)
					.containsPattern("(?m)^" + Pattern.quote(name) + "(_bucket|_count)?[{ ]");
			}
			for (String personal : List.of(displayName, username, body, riskBody, title, room.toString(),
					maija.id().toString())) {
				assertThat(scraped).as("the scrape never holds what a person is or wrote").doesNotContain(personal);
			}
			assertThat(UUID_SHAPE.matcher(scraped).find()).as("an id in the scrape").isFalse();
		}
	}

	@Test
	void theScrapeNeedsNoTokenButOtherActuatorEndpointsStillDo() throws Exception {
		assertThat(scrape()).contains("# TYPE tukipiiri_connections_live gauge");
		assertThat(api.get("/actuator/metrics", null).status()).isEqualTo(401);
	}

	private String scrape() throws IOException, InterruptedException {
		HttpResponse<String> response = HTTP
			.send(HttpRequest.newBuilder(URI.create(api.baseUrl() + "/actuator/prometheus"))
				.header("Accept", "text/plain")
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as("the scrape's status").isEqualTo(200);
		return response.body();
	}

	/** The sum of the samples of {@code name} whose labels include {@code labels}. */
	static double value(String scrape, String name, Map<String, String> labels) {
		Double value = sum(scrape, name, labels);
		assertThat(value).as("a sample of %s with %s", name, labels).isNotNull();
		return value;
	}

	/** As {@link #value}; null when there is no such sample. */
	private static Double sum(String scrape, String name, Map<String, String> labels) {
		double sum = 0;
		boolean found = false;
		Matcher sample = SAMPLE.matcher(scrape);
		while (sample.find()) {
			if (!sample.group(1).equals(name)) {
				continue;
			}
			String given = sample.group(2) == null ? "" : sample.group(2);
			if (labels.entrySet()
				.stream()
				.allMatch(label -> given.contains(label.getKey() + "=\"" + label.getValue() + "\""))) {
				sum += Double.parseDouble(sample.group(3));
				found = true;
			}
		}
		return found ? sum : null;
	}

	/** How much {@code name} grew; a counter first made in between grew from zero. */
	private static double increase(String before, String after, String name, Map<String, String> labels) {
		Double earlier = sum(before, name, labels);
		return value(after, name, labels) - (earlier == null ? 0 : earlier);
	}

}
