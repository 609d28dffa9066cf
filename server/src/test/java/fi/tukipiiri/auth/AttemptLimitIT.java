package fi.tukipiiri.auth;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.test.context.TestPropertySource;

import fi.tukipiiri.support.ApiClient;
import fi.tukipiiri.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
@TestPropertySource(properties = { "tukipiiri.auth.login.max-failures-per-account=5",
		"tukipiiri.auth.login.max-failures-per-address=12", "tukipiiri.auth.sign-up.max-per-address=3" })
class AttemptLimitIT {

	@Autowired
	ApiClient api;

	@Autowired
	StringRedisTemplate redis;

	@AfterEach
	void forgetCounters() {
		// every test client shares 127.0.0.1; clear its counters so other tests are not locked out
		redis.delete(redis.keys("auth:login*"));
		redis.delete(redis.keys("auth:signup*"));
	}

	@Test
	void anAccountIsLockedAfterRepeatedFailuresEvenForTheRightPassword() {
		String username = register();
		for (int i = 0; i < 5; i++) {
			assertThat(login(username, "wrong password!").code()).isEqualTo("auth.invalid_credentials");
		}
		var locked = login(username, "correct horse battery");
		assertThat(locked.status()).isEqualTo(429);
		assertThat(locked.code()).isEqualTo("auth.too_many_attempts");
		long retryAfter = Long.parseLong(locked.header("Retry-After"));
		assertThat(retryAfter).isBetween(1L, 15 * 60L);
		assertThat(locked.body().path("retryAfterSeconds").asLong()).isEqualTo(retryAfter);
	}

	@Test
	void unknownUsernamesLockExactlyLikeRealOnes() {
		String unknown = "ghost-" + UUID.randomUUID().toString().substring(0, 8);
		for (int i = 0; i < 5; i++) {
			assertThat(login(unknown, "wrong password!").code()).isEqualTo("auth.invalid_credentials");
		}
		assertThat(login(unknown, "wrong password!").code()).isEqualTo("auth.too_many_attempts");
	}

	@Test
	void aSuccessfulSignInClearsTheAccountsFailures() {
		String username = register();
		for (int i = 0; i < 4; i++) {
			login(username, "wrong password!");
		}
		assertThat(login(username, "correct horse battery").status()).isEqualTo(200);
		for (int i = 0; i < 4; i++) {
			login(username, "wrong password!");
		}
		assertThat(login(username, "correct horse battery").status()).isEqualTo(200);
	}

	@Test
	void oneAddressTryingManyAccountsIsLocked() {
		for (int i = 0; i < 12; i++) {
			assertThat(login("spray-" + i, "password123456").code()).isEqualTo("auth.invalid_credentials");
		}
		var locked = login("spray-next", "password123456");
		assertThat(locked.status()).isEqualTo(429);
		assertThat(locked.code()).isEqualTo("auth.too_many_attempts");
	}

	@Test
	void oneAddressCannotMintEndlessGuestPasses() {
		for (int i = 0; i < 3; i++) {
			assertThat(api.post("/api/auth/guest", Map.of("nickname", "Vieras " + i)).status()).isEqualTo(201);
		}
		var refused = api.post("/api/auth/guest", Map.of("nickname", "Vieras 4"));
		assertThat(refused.status()).isEqualTo(429);
		assertThat(refused.code()).isEqualTo("auth.too_many_attempts");
	}

	@Test
	void addressesAreNeverStoredInClearText() {
		login("whoever", "password123456");
		assertThat(redis.keys("auth:*")).noneMatch(key -> key.contains("127.0.0.1") || key.contains("whoever"));
	}

	private String register() {
		String username = "lock" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
		api.post("/api/auth/register", Map.of("username", username, "password", "correct horse battery", "displayName", "Lukko"));
		redis.delete(redis.keys("auth:signup*"));
		return username;
	}

	private ApiClient.Response login(String username, String password) {
		return api.post("/api/auth/login", Map.of("username", username, "password", password));
	}
}
