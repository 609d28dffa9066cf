package fi.tukipiiri.auth;

import static fi.tukipiiri.support.StompTestClient.next;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import fi.tukipiiri.support.ApiClient;
import fi.tukipiiri.support.ApiClient.Response;
import fi.tukipiiri.support.ApiClient.Session;
import fi.tukipiiri.support.IntegrationTest;
import fi.tukipiiri.support.StompTestClient;

/**
 * A registered person's own settings: a new password ends every other sign-in and its
 * live connections but not the one it was changed from; the list of sign-ins names each
 * device coarsely and ending one ends only its connections; a new nickname passes the
 * same checks as at registration and is what the rooms show from then on.
 */
@IntegrationTest
class AccountSettingsIT {

	private static final String PASSWORD = "correct horse battery";

	private static final String FIREFOX_ANDROID = "Mozilla/5.0 (Android 14; Mobile; rv:132.0) Gecko/132.0 Firefox/132.0";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Autowired
	ApiClient api;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aNewPasswordEndsEveryOtherSignInAndItsConnectionButNotThisOne() {
		String username = register("Paula");
		Session here = api.login(username, PASSWORD);
		Session phone = api.login(username, PASSWORD);
		Session tablet = api.login(username, PASSWORD);
		try (var hereLive = StompTestClient.connect(api.baseUrl(), here.accessToken());
				var phoneLive = StompTestClient.connect(api.baseUrl(), phone.accessToken())) {
			Response changed = api.put("/api/me/password",
					Map.of("currentPassword", PASSWORD, "newPassword", "a brand new secret"), here.accessToken());
			assertThat(changed.status()).isEqualTo(204);
			phoneLive.awaitEndedWith("auth.session_ended");
			// the other connection has ended; this one has had as long, and stays
			assertThat(hereLive.isConnected()).isTrue();
			assertThat(hereLive.failures).isEmpty();
			assertThat(api.get("/api/me", here.accessToken()).status()).isEqualTo(200);
			assertThat(api.get("/api/me", phone.accessToken()).code()).isEqualTo("auth.invalid_token");
			assertThat(api.post("/api/auth/refresh", Map.of("refreshToken", here.refreshToken())).status())
				.isEqualTo(200);
			for (Session other : List.of(phone, tablet)) {
				assertThat(api.post("/api/auth/refresh", Map.of("refreshToken", other.refreshToken())).code())
					.isEqualTo("auth.invalid_refresh_token");
			}
		}
		assertThat(login(username, PASSWORD).code()).isEqualTo("auth.invalid_credentials");
		assertThat(login(username, "a brand new secret").status()).isEqualTo(200);
	}

	@Test
	void aPasswordChangeIsRefusedForAWrongCurrentPasswordOrAWeakNewOneAndChangesNothing() {
		String username = register("Raili");
		Session here = api.login(username, PASSWORD);
		Response wrong = api.put("/api/me/password",
				Map.of("currentPassword", "not the password", "newPassword", "a brand new secret"), here.accessToken());
		assertThat(wrong.status()).isEqualTo(403);
		assertThat(wrong.code()).isEqualTo("accounts.password_mismatch");
		Response weak = api.put("/api/me/password", Map.of("currentPassword", PASSWORD, "newPassword", "short"),
				here.accessToken());
		assertThat(weak.code()).isEqualTo("validation.failed");
		assertThat(weak.body().path("errors").get(0).path("field").asString()).isEqualTo("newPassword");
		assertThat(api.put("/api/me/password", Map.of("newPassword", "a brand new secret"), here.accessToken()).code())
			.isEqualTo("validation.failed");
		assertThat(api
			.putRaw("/api/me/password", "{\"currentPassword\": 12, \"newPassword\": \"a brand new secret\"}",
					here.accessToken())
			.code()).isEqualTo("validation.failed");
		assertThat(login(username, PASSWORD).status()).isEqualTo(200);
		Session guest = api.guest("Vieras");
		assertThat(api
			.put("/api/me/password", Map.of("currentPassword", PASSWORD, "newPassword", "a brand new secret"),
					guest.accessToken())
			.code()).isEqualTo("accounts.registered_only");
	}

	@Test
	void theSignInListNamesDevicesCoarselyAndEndingOneEndsOnlyItsConnection() throws Exception {
		String username = register("Sanna");
		Session laptop = api.login(username, PASSWORD);
		JsonNode phoneTokens = loginWithUserAgent(username, FIREFOX_ANDROID);
		String phoneAccess = phoneTokens.path("accessToken").asString();
		JsonNode list = api.get("/api/me/sign-ins", laptop.accessToken()).body();
		// the registration's own sign-in, the laptop and the phone
		assertThat(list).hasSize(3);
		JsonNode phone = find(list, "Firefox, Android");
		assertThat(phone.path("current").asBoolean()).isFalse();
		assertThat(phone.path("signedInAt").asString()).isNotBlank();
		assertThat(phone.path("lastUsedAt").asString()).isNotBlank();
		assertThat(countCurrent(list)).isEqualTo(1);
		assertThat(countCurrent(api.get("/api/me/sign-ins", phoneAccess).body())).isEqualTo(1);
		assertThat(
				find(api.get("/api/me/sign-ins", phoneAccess).body(), "Firefox, Android").path("current").asBoolean())
			.isTrue();
		// one's own data export holds the same, and nothing more of the device
		JsonNode exported = api.get("/api/me/export", laptop.accessToken()).body().path("signIns");
		assertThat(exported).hasSize(3);
		assertThat(exported.toString()).contains("Firefox, Android").doesNotContain("Mozilla").doesNotContain("rv:132");
		// only the label is kept, never the header it was read from
		assertThat(jdbc.sql("select count(*) from refresh_tokens where device_label like '%Mozilla%'")
			.query(Integer.class)
			.single()).isZero();

		try (var laptopLive = StompTestClient.connect(api.baseUrl(), laptop.accessToken());
				var phoneLive = StompTestClient.connect(api.baseUrl(), phoneAccess)) {
			assertThat(api.delete("/api/me/sign-ins/" + phone.path("id").asString(), laptop.accessToken()).status())
				.isEqualTo(204);
			phoneLive.awaitEndedWith("auth.session_ended");
			assertThat(laptopLive.isConnected()).isTrue();
			assertThat(laptopLive.failures).isEmpty();
		}
		assertThat(api.get("/api/me/sign-ins", laptop.accessToken()).body()).hasSize(2);
		Response again = api.delete("/api/me/sign-ins/" + phone.path("id").asString(), laptop.accessToken());
		assertThat(again.status()).isEqualTo(404);
		assertThat(again.code()).isEqualTo("auth.sign_in_not_found");
		// another person's sign-in is not found either, and goes on
		Session stranger = api.registerParent("Muukalainen");
		String strangersSignIn = api.get("/api/me/sign-ins", stranger.accessToken())
			.body()
			.get(0)
			.path("id")
			.asString();
		assertThat(api.delete("/api/me/sign-ins/" + strangersSignIn, laptop.accessToken()).code())
			.isEqualTo("auth.sign_in_not_found");
		assertThat(api.get("/api/me", stranger.accessToken()).status()).isEqualTo(200);
		assertThat(api.delete("/api/me/sign-ins/not-an-id", laptop.accessToken()).code())
			.isEqualTo("request.malformed");
		assertThat(api.get("/api/me/sign-ins", api.guest("Vieras").accessToken()).code())
			.isEqualTo("accounts.registered_only");
	}

	@Test
	void endingAllOtherSignInsKeepsThisOne() {
		String username = register("Tiina");
		Session here = api.login(username, PASSWORD);
		Session other = api.login(username, PASSWORD);
		try (var otherLive = StompTestClient.connect(api.baseUrl(), other.accessToken())) {
			Response ended = api.post("/api/me/sign-ins/end-others", Map.of(), here.accessToken());
			assertThat(ended.status()).isEqualTo(200);
			assertThat(ended.body().path("ended").asInt()).isEqualTo(2);
			otherLive.awaitEndedWith("auth.session_ended");
		}
		JsonNode left = api.get("/api/me/sign-ins", here.accessToken()).body();
		assertThat(left).hasSize(1);
		assertThat(left.get(0).path("current").asBoolean()).isTrue();
		assertThat(api.post("/api/me/sign-ins/end-others", Map.of(), here.accessToken()).body().path("ended").asInt())
			.isZero();
	}

	@Test
	void aNewNicknameIsWhatTheRoomShowsFromNowOn() {
		UUID room = api.createRoom("Nimenvaihto", "OPEN");
		Session writer = api.registerParent("Vanha Nimi");
		Session reader = api.registerParent("Lukija");
		api.post("/api/rooms/" + room + "/join", Map.of(), writer.accessToken());
		api.post("/api/rooms/" + room + "/join", Map.of(), reader.accessToken());
		try (var writerLive = StompTestClient.connect(api.baseUrl(), writer.accessToken());
				var readerLive = StompTestClient.connect(api.baseUrl(), reader.accessToken())) {
			var messages = readerLive.subscribe("/topic/rooms/" + room);
			var presence = readerLive.subscribe("/topic/rooms/" + room + "/presence");
			writerLive.subscribe("/topic/rooms/" + room);
			api.awaitPresence(room, reader, 2);
			writerLive.sendMessage(room, "before", "Hei");
			assertThat(next(messages, "the message before").path("authorDisplayName").asString())
				.isEqualTo("Vanha Nimi");

			Response renamed = api.put("/api/me/display-name", Map.of("displayName", "  Uusi   Nimi "),
					writer.accessToken());
			assertThat(renamed.status()).isEqualTo(200);
			assertThat(renamed.text("displayName")).isEqualTo("Uusi Nimi");
			JsonNode told = awaitPresence(presence, "renamed");
			assertThat(told.path("displayName").asString()).isEqualTo("Uusi Nimi");
			assertThat(told.path("accountId").asString()).isEqualTo(writer.id().toString());

			writerLive.sendMessage(room, "after", "Hei taas");
			assertThat(next(messages, "the message after").path("authorDisplayName").asString()).isEqualTo("Uusi Nimi");
			assertThat(api.get("/api/rooms/" + room + "/presence", reader.accessToken()).body().toString())
				.contains("Uusi Nimi")
				.doesNotContain("Vanha Nimi");
		}
		assertThat(api.displayName(writer)).isEqualTo("Uusi Nimi");
	}

	@Test
	void aNewNicknameIsTakenIntoThePrivateTalksTitles() {
		UUID room = api.createRoom("Yksityinen", "OPEN");
		Session facilitator = api.staffMember("Ohjaaja Pia", "FACILITATOR");
		assertThat(api.addMember(room, facilitator.id(), "FACILITATOR").status()).isEqualTo(200);
		Session parent = api.registerParent("Entinen Nimi");
		api.post("/api/rooms/" + room + "/join", Map.of(), parent.accessToken());
		Response opened = api.post("/api/moderation/rooms/" + room + "/private-talks", Map.of("accountId", parent.id()),
				facilitator.accessToken());
		assertThat(opened.status()).isEqualTo(201);
		String talk = opened.text("id");
		assertThat(api.get("/api/rooms/" + talk, parent.accessToken()).text("title")).endsWith("& Entinen Nimi");

		assertThat(api.put("/api/me/display-name", Map.of("displayName", "Tuore Nimi"), parent.accessToken()).status())
			.isEqualTo(200);
		Awaitility.await()
			.atMost(5, TimeUnit.SECONDS)
			.until(() -> api.get("/api/rooms/" + talk, facilitator.accessToken()).text("title"),
					title -> title.equals(api.displayName(facilitator) + " & Tuore Nimi"));
	}

	@Test
	void aNicknameIsRefusedForWhatRegistrationRefuses() {
		Session staff = api.staffMember("Ohjaaja Outi", "FACILITATOR");
		String staffName = api.displayName(staff);
		Session parent = api.registerParent("Tavallinen");
		assertFieldError(
				api.put("/api/me/display-name", Map.of("displayName", staffName.toUpperCase()), parent.accessToken()),
				"impersonation");
		assertFieldError(api.put("/api/me/display-name",
				Map.of("displayName", "0hjaaja Outi" + staffName.substring(12)), parent.accessToken()),
				"impersonation");
		assertFieldError(api.put("/api/me/display-name", Map.of("displayName", "A"), parent.accessToken()), "size");
		assertFieldError(api.put("/api/me/display-name", Map.of("displayName", "Anna <b>"), parent.accessToken()),
				"pattern");
		assertFieldError(
				api.put("/api/me/display-name", Map.of("displayName", "Ann\u0430 Latin"), parent.accessToken()),
				"mixed_script");
		assertThat(api.putRaw("/api/me/display-name", "{\"displayName\": 42}", parent.accessToken()).code())
			.isEqualTo("validation.failed");
		assertThat(api.displayName(parent)).isEqualTo("Tavallinen");
		// staff keep their own name when they save it again
		assertThat(api.put("/api/me/display-name", Map.of("displayName", staffName), staff.accessToken()).status())
			.isEqualTo(200);
		Response guest = api.put("/api/me/display-name", Map.of("displayName", "Uusi Vieras"),
				api.guest("Vieras").accessToken());
		assertThat(guest.status()).isEqualTo(403);
		assertThat(guest.code()).isEqualTo("accounts.registered_only");
	}

	private String register(String displayName) {
		String username = "s" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
		assertThat(api
			.post("/api/auth/register", Map.of("username", username, "password", PASSWORD, "displayName", displayName))
			.status()).isEqualTo(201);
		return username;
	}

	private Response login(String username, String password) {
		return api.post("/api/auth/login", Map.of("username", username, "password", password));
	}

	private JsonNode loginWithUserAgent(String username, String userAgent) throws IOException, InterruptedException {
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(api.baseUrl() + "/api/auth/login"))
				.header("Content-Type", "application/json")
				.header("User-Agent", userAgent)
				.POST(HttpRequest.BodyPublishers
					.ofString(JSON.writeValueAsString(Map.of("username", username, "password", PASSWORD))))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(200);
		return JSON.readTree(response.body());
	}

	private static JsonNode find(JsonNode list, String device) {
		for (JsonNode signIn : list) {
			if (device.equals(signIn.path("device").asString(null))) {
				return signIn;
			}
		}
		throw new AssertionError("No sign-in from " + device + " in " + list);
	}

	private static long countCurrent(JsonNode list) {
		long current = 0;
		for (JsonNode signIn : list) {
			current += signIn.path("current").asBoolean() ? 1 : 0;
		}
		return current;
	}

	private static JsonNode awaitPresence(java.util.concurrent.BlockingQueue<JsonNode> events, String type) {
		long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
		while (System.nanoTime() < until) {
			JsonNode event = next(events, "a presence event");
			if (type.equals(event.path("type").asString())) {
				return event;
			}
		}
		throw new AssertionError("No " + type + " presence event");
	}

	private static void assertFieldError(Response answer, String code) {
		assertThat(answer.status()).as(answer.body().toString()).isEqualTo(400);
		assertThat(answer.code()).isEqualTo("validation.failed");
		assertThat(answer.body().path("errors").get(0).path("field").asString()).isEqualTo("displayName");
		assertThat(answer.body().path("errors").get(0).path("code").asString()).isEqualTo(code);
	}

}
