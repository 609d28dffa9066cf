package fi.tukipiiri.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import fi.tukipiiri.support.ApiClient;
import fi.tukipiiri.support.ApiClient.Response;
import fi.tukipiiri.support.ApiClient.Session;
import fi.tukipiiri.support.IntegrationTest;
import fi.tukipiiri.support.StompTestClient;

/**
 * Recovery codes: ten at registration, stored only as salted hashes, each good once; one
 * of them and a new password bring a person back in and end every earlier sign-in and
 * live connection; unknown usernames, wrong codes and spent codes answer alike; failures
 * are limited per username.
 */
@IntegrationTest
class AccountRecoveryIT {

	private static final String PASSWORD = "correct horse battery";

	@Autowired
	ApiClient api;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	StringRedisTemplate redis;

	@BeforeEach
	@AfterEach
	void forgetCounters() {
		redis.delete(redis.keys("auth:recovery*"));
	}

	record Registered(String username, Session session, List<String> codes) {
	}

	@Test
	void registrationGivesTenDifferentCodesOnceAndKeepsOnlySaltedHashes() {
		Registered anna = register("Anna");
		assertThat(anna.codes()).hasSize(10).doesNotHaveDuplicates();
		assertThat(anna.codes()).allMatch(code -> code.matches("[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}"));
		assertThat(api.get("/api/me/recovery-codes", anna.session().accessToken()).body().path("remaining").asInt())
			.isEqualTo(10);
		List<Map<String, Object>> rows = jdbc
			.sql("select code_salt, code_hash from recovery_codes where account_id = :id")
			.param("id", anna.session().id())
			.query()
			.listOfRows();
		assertThat(rows).hasSize(10);
		assertThat(rows.stream().map(row -> new String((byte[]) row.get("code_salt"))).distinct()).hasSize(10);
		for (Map<String, Object> row : rows) {
			String stored = new String((byte[]) row.get("code_hash")) + new String((byte[]) row.get("code_salt"));
			anna.codes().forEach(code -> assertThat(stored).doesNotContain(code.replace("-", "")));
		}
		// the codes are never given again: nothing but the count can be read
		assertThat(api.get("/api/me/recovery-codes", anna.session().accessToken()).body().toString())
			.doesNotContain(anna.codes().get(0));
	}

	@Test
	void aCodeBringsThePersonBackOnceAndEndsEveryEarlierSignInAndLiveConnection() {
		Registered matti = register("Matti");
		Session otherDevice = api.login(matti.username(), PASSWORD);
		try (var here = StompTestClient.connect(api.baseUrl(), matti.session().accessToken());
				var there = StompTestClient.connect(api.baseUrl(), otherDevice.accessToken())) {
			String code = matti.codes().get(3);
			// typed loosely: lower case, without dashes, with spaces
			Response recovered = recover(matti.username(), code.toLowerCase().replace("-", " "), "a brand new secret");
			assertThat(recovered.status()).isEqualTo(200);
			here.awaitEndedWith("auth.session_ended");
			there.awaitEndedWith("auth.session_ended");
			assertThat(api.get("/api/me", recovered.text("accessToken")).status()).isEqualTo(200);
			assertThat(api.get("/api/me", matti.session().accessToken()).code()).isEqualTo("auth.invalid_token");
			for (Session old : List.of(matti.session(), otherDevice)) {
				assertThat(api.post("/api/auth/refresh", Map.of("refreshToken", old.refreshToken())).code())
					.isEqualTo("auth.invalid_refresh_token");
			}
			assertThat(login(matti.username(), PASSWORD).code()).isEqualTo("auth.invalid_credentials");
			assertThat(login(matti.username(), "a brand new secret").status()).isEqualTo(200);
			assertThat(
					api.get("/api/me/recovery-codes", recovered.text("accessToken")).body().path("remaining").asInt())
				.isEqualTo(9);
			// the same code again is spent
			assertThat(recover(matti.username(), code, "yet another secret").code()).isEqualTo("auth.invalid_recovery");
			assertThat(recover(matti.username(), matti.codes().get(4), "yet another secret").status()).isEqualTo(200);
		}
	}

	@Test
	void anUnknownUsernameAWrongCodeAndASpentCodeAnswerAlikeAndChangeNothing() {
		Registered liisa = register("Liisa");
		assertThat(recover(liisa.username(), liisa.codes().get(0), "first new secret").status()).isEqualTo(200);
		Response spent = recover(liisa.username(), liisa.codes().get(0), "second new secret");
		Response wrong = recover(liisa.username(), "ABCD-EFGH-JKMN-PQRS", "second new secret");
		Response notACode = recover(liisa.username(), "hello", "second new secret");
		Response unknown = recover("nobody-" + UUID.randomUUID().toString().substring(0, 8), liisa.codes().get(1),
				"second new secret");
		for (Response answer : List.of(spent, wrong, notACode, unknown)) {
			assertThat(answer.status()).isEqualTo(401);
			assertThat(answer.code()).isEqualTo("auth.invalid_recovery");
			assertThat(answer.body().path("detail").asString()).isEqualTo(unknown.body().path("detail").asString());
			assertThat(answer.header("Content-Type")).isEqualTo(unknown.header("Content-Type"));
		}
		assertThat(login(liisa.username(), "first new secret").status()).isEqualTo(200);
		assertThat(jdbc.sql("select count(*) from recovery_codes where account_id = :id and used_at is null")
			.param("id", liisa.session().id())
			.query(Integer.class)
			.single()).isEqualTo(9);
	}

	@Test
	void aRefusedNewPasswordSpendsNoCodeAndSaysNothingAboutTheAccount() {
		Registered pekka = register("Pekka");
		Response known = recover(pekka.username(), pekka.codes().get(0), "short");
		Response unknown = recover("ghost-" + UUID.randomUUID().toString().substring(0, 8), pekka.codes().get(0),
				"short");
		for (Response answer : List.of(known, unknown)) {
			assertThat(answer.code()).isEqualTo("validation.failed");
			assertThat(answer.body().path("errors").get(0).path("field").asString()).isEqualTo("newPassword");
		}
		assertThat(recover(pekka.username(), pekka.codes().get(0), "long enough now").status()).isEqualTo(200);
	}

	@Test
	void malformedRequestsAreRefusedByField() {
		assertThat(api.post("/api/auth/recover", Map.of("username", "x", "recoveryCode", "ABCD", "newPassword", "p"))
			.code()).isEqualTo("validation.failed");
		assertThat(api
			.post("/api/auth/recover",
					Map.of("username", "valid-name", "recoveryCode", "A".repeat(65), "newPassword", "long enough now"))
			.body()
			.path("errors")
			.get(0)
			.path("field")
			.asString()).isEqualTo("recoveryCode");
		assertThat(api.post("/api/auth/recover", Map.of("username", "valid-name", "newPassword", "long enough now"))
			.code()).isEqualTo("validation.failed");
		assertThat(api.postRaw("/api/auth/recover", "[1, 2]", null).code()).isEqualTo("request.malformed");
	}

	@Test
	void repeatedFailuresLockTheUsernamesRecoveryEvenForTheRightCodeAndUnknownNamesLockAlike() {
		Registered ilona = register("Ilona");
		for (int i = 0; i < 5; i++) {
			assertThat(recover(ilona.username(), "ABCD-EFGH-JKMN-PQRS", "a brand new secret").code())
				.isEqualTo("auth.invalid_recovery");
		}
		Response locked = recover(ilona.username(), ilona.codes().get(0), "a brand new secret");
		assertThat(locked.status()).isEqualTo(429);
		assertThat(locked.code()).isEqualTo("auth.too_many_attempts");
		assertThat(Long.parseLong(locked.header("Retry-After"))).isBetween(1L, 3600L);
		// nothing was spent or changed while locked
		assertThat(login(ilona.username(), PASSWORD).status()).isEqualTo(200);
		assertThat(api.get("/api/me/recovery-codes", ilona.session().accessToken()).body().path("remaining").asInt())
			.isEqualTo(10);
		// sign-in is a lock of its own: the password still works
		String ghost = "ghost-" + UUID.randomUUID().toString().substring(0, 8);
		for (int i = 0; i < 5; i++) {
			assertThat(recover(ghost, "ABCD-EFGH-JKMN-PQRS", "a brand new secret").code())
				.isEqualTo("auth.invalid_recovery");
		}
		assertThat(recover(ghost, "ABCD-EFGH-JKMN-PQRS", "a brand new secret").code())
			.isEqualTo("auth.too_many_attempts");
	}

	@Test
	void newCodesReplaceTheOldOnesAfterThePasswordIsConfirmed() {
		Registered outi = register("Outi");
		String token = outi.session().accessToken();
		Response wrongPassword = api.post("/api/me/recovery-codes", Map.of("password", "not my password"), token);
		assertThat(wrongPassword.status()).isEqualTo(403);
		assertThat(wrongPassword.code()).isEqualTo("accounts.password_mismatch");
		assertThat(api.post("/api/me/recovery-codes", Map.of(), token).code()).isEqualTo("validation.failed");
		assertThat(recover(outi.username(), outi.codes().get(0), "a brand new secret").status()).isEqualTo(200);
		Session again = api.login(outi.username(), "a brand new secret");
		assertThat(api.get("/api/me/recovery-codes", again.accessToken()).body().path("remaining").asInt())
			.isEqualTo(9);

		Response fresh = api.post("/api/me/recovery-codes", Map.of("password", "a brand new secret"),
				again.accessToken());
		assertThat(fresh.status()).isEqualTo(201);
		List<String> codes = codes(fresh.body());
		assertThat(codes).hasSize(10);
		assertThat(new HashSet<>(codes)).doesNotContainAnyElementsOf(outi.codes());
		assertThat(fresh.body().path("remaining").asInt()).isEqualTo(10);
		assertThat(recover(outi.username(), outi.codes().get(1), "third new secret").code())
			.isEqualTo("auth.invalid_recovery");
		assertThat(recover(outi.username(), codes.get(9), "third new secret").status()).isEqualTo(200);
	}

	@Test
	void guestsHaveNoRecoveryCodes() {
		Session guest = api.guest("Vieras");
		for (Response answer : List.of(api.get("/api/me/recovery-codes", guest.accessToken()),
				api.post("/api/me/recovery-codes", Map.of("password", "anything at all"), guest.accessToken()))) {
			assertThat(answer.status()).isEqualTo(403);
			assertThat(answer.code()).isEqualTo("accounts.registered_only");
		}
		assertThat(api.get("/api/me/recovery-codes", null).code()).isEqualTo("auth.unauthenticated");
	}

	private Registered register(String displayName) {
		String username = "r" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
		Response registered = api.post("/api/auth/register",
				Map.of("username", username, "password", PASSWORD, "displayName", displayName));
		assertThat(registered.status()).isEqualTo(201);
		Session session = new Session(registered.text("accessToken"), registered.text("refreshToken"),
				UUID.fromString(api.get("/api/me", registered.text("accessToken")).text("id")));
		return new Registered(username, session, codes(registered.body()));
	}

	private static List<String> codes(JsonNode body) {
		List<String> codes = new ArrayList<>();
		body.path("recoveryCodes").forEach(code -> codes.add(code.asString()));
		return codes;
	}

	private Response recover(String username, String code, String newPassword) {
		return api.post("/api/auth/recover",
				Map.of("username", username, "recoveryCode", code, "newPassword", newPassword));
	}

	private Response login(String username, String password) {
		return api.post("/api/auth/login", Map.of("username", username, "password", password));
	}

}
