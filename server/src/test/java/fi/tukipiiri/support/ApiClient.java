package fi.tukipiiri.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.concurrent.TimeUnit;

import org.awaitility.Awaitility;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.TestComponent;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

/**
 * A plain HTTP client for the node under test, speaking JSON like the web client does.
 */
@TestComponent
public class ApiClient {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	private final Supplier<String> baseUrl;

	@Autowired
	public ApiClient(Environment environment) {
		this.baseUrl = () -> "http://localhost:" + environment.getRequiredProperty("local.server.port");
	}

	private ApiClient(String baseUrl) {
		this.baseUrl = () -> baseUrl;
	}

	/**
	 * A client of the node (or proxy) at {@code baseUrl}, e.g.
	 * {@code http://localhost:8123}.
	 */
	public static ApiClient at(String baseUrl) {
		return new ApiClient(baseUrl);
	}

	public record Response(int status, JsonNode body, HttpResponse<String> raw) {

		public String code() {
			return body.path("code").asString();
		}

		public String text(String field) {
			return body.path(field).asString();
		}

		public String header(String name) {
			return raw.headers().firstValue(name).orElse(null);
		}
	}

	public record Session(String accessToken, String refreshToken, UUID id) {
	}

	public String baseUrl() {
		return this.baseUrl.get();
	}

	public Response get(String path, String token) {
		return send(request(path, token).GET());
	}

	public Response post(String path, Object body, String token) {
		return postRaw(path, JSON.writeValueAsString(body), token);
	}

	public Response post(String path, Object body) {
		return post(path, body, null);
	}

	public Response postRaw(String path, String body, String token) {
		return send(request(path, token).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body)));
	}

	public Response delete(String path, String token) {
		return send(request(path, token).DELETE());
	}

	/** A DELETE with a JSON body, e.g. a moderator's reason for removing a message. */
	public Response delete(String path, Object body, String token) {
		return send(request(path, token).header("Content-Type", "application/json")
			.method("DELETE", HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
	}

	public Response put(String path, Object body, String token) {
		return putRaw(path, JSON.writeValueAsString(body), token);
	}

	/**
	 * A PUT with a body as written, for bodies a JSON library would not produce
	 * (duplicate keys, wrong types).
	 */
	public Response putRaw(String path, String body, String token) {
		return send(request(path, token).header("Content-Type", "application/json")
			.PUT(HttpRequest.BodyPublishers.ofString(body)));
	}

	/**
	 * Waits until at least {@code people} are present in the room, as the asker sees it.
	 */
	public void awaitPresence(UUID room, Session asker, int people) {
		Awaitility.await()
			.atMost(5, TimeUnit.SECONDS)
			.until(() -> get("/api/rooms/" + room + "/presence", asker.accessToken()).body().size() >= people);
	}

	/**
	 * A newly registered person given these roles by the first administrator, with a
	 * token that carries them. The display name gets a tag of its own ("Ohjaaja Outi
	 * 3fa2c1"): every test shares one database, and nobody may register a name that could
	 * pass for a staff member's, so a second "Ohjaaja Outi" could not register. Read the
	 * name with {@link #displayName}.
	 */
	public Session staffMember(String displayName, String... roles) {
		Session person = registerParent(displayName + " " + UUID.randomUUID().toString().substring(0, 6));
		put("/api/admin/users/" + person.id() + "/roles", Map.of("roles", List.of(roles)),
				login("root-admin", "test-admin-password").accessToken());
		String fresh = post("/api/auth/refresh", Map.of("refreshToken", person.refreshToken())).text("accessToken");
		return new Session(fresh, person.refreshToken(), person.id());
	}

	/** The person's display name as the service stored it. */
	public String displayName(Session person) {
		return get("/api/me", person.accessToken()).text("displayName");
	}

	/** A new room created by the first administrator. */
	public UUID createRoom(String title, String kind) {
		Session admin = login("root-admin", "test-admin-password");
		Response created = post("/api/rooms", Map.of("title", title, "theme", "Yhteistyövanhemmuus", "kind", kind),
				admin.accessToken());
		if (created.status() != 201) {
			throw new AssertionError("Room not created: " + created.body());
		}
		return UUID.fromString(created.text("id"));
	}

	public Response addMember(UUID roomId, UUID accountId, String role) {
		Session admin = login("root-admin", "test-admin-password");
		return post("/api/rooms/" + roomId + "/members", Map.of("userId", accountId.toString(), "role", role),
				admin.accessToken());
	}

	/** Registers a new parent with a unique username and returns its session. */
	public Session registerParent(String displayName) {
		String username = "p" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
		return login(
				post("/api/auth/register",
						Map.of("username", username, "password", "correct horse battery", "displayName", displayName)),
				201);
	}

	public Session login(String username, String password) {
		return login(post("/api/auth/login", Map.of("username", username, "password", password)), 200);
	}

	public Session guest(String nickname) {
		return login(post("/api/auth/guest", Map.of("nickname", nickname)), 201);
	}

	private Session login(Response response, int expectedStatus) {
		if (response.status() != expectedStatus) {
			throw new AssertionError(
					"Expected " + expectedStatus + " but got " + response.status() + ": " + response.body());
		}
		String access = response.text("accessToken");
		Response me = get("/api/me", access);
		if (me.status() != 200) {
			throw new AssertionError("Signed in, but /api/me answered " + me.status() + ": " + me.raw().body());
		}
		return new Session(access, response.text("refreshToken"), UUID.fromString(me.text("id")));
	}

	private HttpRequest.Builder request(String path, String token) {
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl() + path))
			.header("Accept", "application/json");
		if (token != null) {
			builder.header("Authorization", "Bearer " + token);
		}
		return builder;
	}

	private Response send(HttpRequest.Builder builder) {
		try {
			HttpResponse<String> response = HTTP.send(builder.build(), HttpResponse.BodyHandlers.ofString());
			boolean json = response.headers().firstValue("Content-Type").orElse("").contains("json");
			JsonNode body = json && !response.body().isBlank() ? JSON.readTree(response.body()) : JSON.missingNode();
			return new Response(response.statusCode(), body, response);
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
