package fi.tukipiiri.loadtest;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Optional;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The few REST calls the load test needs: sign in, make rooms and guests, read the
 * server's heap.
 */
final class Api {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newHttpClient();

	private final String url;

	Api(String url) {
		this.url = url;
	}

	String login(String username, String password) {
		return post("/api/auth/login", Map.of("username", username, "password", password), null).path("accessToken")
			.asString();
	}

	String guestToken(String nickname) {
		return post("/api/auth/guest", Map.of("nickname", nickname), null).path("accessToken").asString();
	}

	String createOpenRoom(String adminToken, String title) {
		return post("/api/rooms", Map.of("title", title, "theme", "Kuormitustesti", "kind", "OPEN"), adminToken)
			.path("id")
			.asString();
	}

	/**
	 * Bytes of heap in use on the server, from its metrics endpoint (administrators
	 * only).
	 */
	long heapUsed(String adminToken) {
		JsonNode metric = get("/actuator/metrics/jvm.memory.used?tag=area:heap", adminToken);
		return (long) metric.path("measurements").get(0).path("value").asDouble();
	}

	/**
	 * One value of a metric on the server's metrics endpoint, converted to its base
	 * unit's nanoseconds when that is a time, or empty if the server has no such metric.
	 */
	Optional<Double> metric(String adminToken, String name) {
		JsonNode metric;
		try {
			metric = get("/actuator/metrics/" + name, adminToken);
		}
		catch (IllegalStateException ex) {
			return Optional.empty();
		}
		double value = metric.path("measurements").get(0).path("value").asDouble();
		return Optional.of(switch (metric.path("baseUnit").asString("")) {
			case "seconds" -> value * 1e9;
			case "milliseconds" -> value * 1e6;
			case "microseconds" -> value * 1e3;
			default -> value;
		});
	}

	private JsonNode post(String path, Object body, String token) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url + path))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
		return send(request, token);
	}

	private JsonNode get(String path, String token) {
		return send(HttpRequest.newBuilder(URI.create(url + path)).GET(), token);
	}

	private JsonNode send(HttpRequest.Builder request, String token) {
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		try {
			HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() >= 300) {
				throw new IllegalStateException(
						response.statusCode() + " from " + request.build().uri() + ": " + response.body());
			}
			return JSON.readTree(response.body());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
