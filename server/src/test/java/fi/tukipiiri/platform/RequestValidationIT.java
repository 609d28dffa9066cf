package fi.tukipiiri.platform;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import fi.tukipiiri.support.ApiClient;
import fi.tukipiiri.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class RequestValidationIT {

	@Autowired
	ApiClient api;

	@Autowired
	JdbcClient jdbc;

	@Test
	void everyBadFieldIsNamedWithItsCode() {
		var response = api.post("/api/auth/register", Map.of("username", "ä", "password", "short", "displayName", "x"));
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.code()).isEqualTo("validation.failed");
		assertThat(response.header("Content-Type")).startsWith("application/problem+json");
		var errors = response.body().path("errors");
		assertThat(errors.toString()).contains("{\"field\":\"username\",\"code\":\"size\"")
			.contains("{\"field\":\"username\",\"code\":\"pattern\"")
			.contains("{\"field\":\"password\",\"code\":\"size\"")
			.contains("{\"field\":\"displayName\",\"code\":\"size\"");
		assertThat(stored("ä")).isZero();
	}

	@Test
	void aRoomIsOpenOrClosedNeverAnEmptyPrivateTalk() {
		String admin = api.login("root-admin", "test-admin-password").accessToken();
		String title = "Tyhjä kahdenkeskinen " + UUID.randomUUID();
		var response = api.post("/api/rooms", Map.of("title", title, "kind", "PRIVATE"), admin);
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.code()).isEqualTo("validation.failed");
		assertThat(response.body().path("errors").toString())
			.contains("{\"field\":\"kind\",\"code\":\"invalid_value\"");
		assertThat(jdbc.sql("select count(*) from rooms where title = :title")
			.param("title", title)
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void missingFieldsAreNamed() {
		var response = api.post("/api/auth/register", Map.of());
		assertThat(response.code()).isEqualTo("validation.failed");
		assertThat(response.body().path("errors").toString()).contains("\"field\":\"username\"")
			.contains("\"field\":\"password\"")
			.contains("\"field\":\"displayName\"");
	}

	@Test
	void overlongStringsAreRefusedAndNothingIsStored() {
		String username = "u".repeat(33);
		var response = api.post("/api/auth/register",
				Map.of("username", username, "password", "p".repeat(129), "displayName", "d".repeat(41)));
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.body().path("errors").size()).isEqualTo(3);
		assertThat(stored(username)).isZero();

		var nickname = api.post("/api/auth/guest", Map.of("nickname", "n".repeat(41)));
		assertThat(nickname.status()).isEqualTo(400);
		assertThat(nickname.body().path("errors").get(0).path("field").asString()).isEqualTo("nickname");
	}

	@Test
	void controlCharactersAreNotNicknames() {
		var response = api.post("/api/auth/guest", Map.of("nickname", "Ohjaaja\u202E\u0007"));
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.body().path("errors").get(0).path("field").asString()).isEqualTo("nickname");
		assertThat(response.body().path("errors").get(0).path("code").asString()).isEqualTo("control_character");
	}

	@Test
	void oversizeBodyIsRefusedBeforeItIsRead() {
		Map<String, Object> body = new HashMap<>();
		body.put("nickname", "Iso");
		body.put("padding", "x".repeat(200_000));
		var response = api.post("/api/auth/guest", body);
		assertThat(response.status()).isEqualTo(413);
		assertThat(response.code()).isEqualTo("request.too_large");
	}

	/**
	 * Refused by Tomcat before the application: still a problem with its code, never
	 * Tomcat's HTML page.
	 */
	@Test
	void requestsTomcatRefusesAreProblemsWithCodes() {
		var session = api.registerParent("Pitkä osoite");
		var tooLong = api.get("/api/rooms?x=" + "a".repeat(20_000), session.accessToken());
		assertThat(tooLong.status()).isEqualTo(400);
		assertThat(tooLong.header("Content-Type")).startsWith("application/problem+json");
		assertThat(tooLong.code()).isEqualTo("request.malformed");
		var encodedSlash = api.get("/api/rooms/" + java.util.UUID.randomUUID() + "%2Fmembers", session.accessToken());
		assertThat(encodedSlash.status()).isEqualTo(400);
		assertThat(encodedSlash.header("Content-Type")).startsWith("application/problem+json");
		assertThat(encodedSlash.code()).isEqualTo("request.malformed");
		assertThat(encodedSlash.raw().body()).doesNotContain("<html").doesNotContain("Tomcat");
	}

	@Test
	void malformedJsonIsRefused() {
		var response = api.postRaw("/api/auth/login", "{\"username\": \"anna\", ", null);
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.code()).isEqualTo("request.malformed");
	}

	@Test
	void wrongTypesAreNamed() {
		var response = api.postRaw("/api/auth/guest", "{\"nickname\": {\"nested\": true}}", null);
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.code()).isEqualTo("validation.failed");
		assertThat(response.body().path("errors").get(0).path("field").asString()).isEqualTo("nickname");
	}

	@Test
	void unknownApiPathsAnswerWithAProblem() {
		var session = api.registerParent("Lost");
		var response = api.get("/api/does-not-exist", session.accessToken());
		assertThat(response.status()).isEqualTo(404);
		assertThat(response.code()).isEqualTo("not_found");
	}

	private long stored(String username) {
		return jdbc.sql("select count(*) from accounts where username = :u")
			.param("u", username)
			.query(Long.class)
			.single();
	}

}
