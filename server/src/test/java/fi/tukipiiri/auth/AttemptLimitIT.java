package fi.tukipiiri.auth;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.test.context.TestPropertySource;

import fi.tukipiiri.support.ApiClient;
import fi.tukipiiri.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
@TestPropertySource(properties = { "tukipiiri.auth.login.max-failures-per-account=5",
		"tukipiiri.auth.login.max-failures-per-address=12", "tukipiiri.auth.sign-up.max-per-address=3",
		"tukipiiri.auth.recovery.max-failures-per-address=8", "tukipiiri.reach.password-links-per-address=4" })
class AttemptLimitIT {

	@Autowired
	ApiClient api;

	@Autowired
	StringRedisTemplate redis;

	@BeforeEach
	@AfterEach
	void forgetCounters() {
		// every test client shares 127.0.0.1; clear its counters so that neither these
		// tests nor others are locked out
		// by what the other ones counted
		redis.delete(redis.keys("auth:login*"));
		redis.delete(redis.keys("auth:signup*"));
		redis.delete(redis.keys("auth:recovery*"));
		redis.delete(redis.keys("auth:password-link*"));
	}

	@Test
	void oneAddressAsksForFewPasswordLinks() {
		for (int i = 0; i < 4; i++) {
			assertThat(api.post("/api/reach/password-reset", Map.of("email", "kuka" + i + "@example.test")).status())
				.isEqualTo(202);
		}
		var refused = api.post("/api/reach/password-reset", Map.of("email", "kuka@example.test"));
		assertThat(refused.status()).isEqualTo(429);
		assertThat(refused.code()).isEqualTo("auth.too_many_attempts");
		assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 3600L);
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
	void oneAddressTryingRecoveryCodesOnManyAccountsIsLocked() {
		String username = register();
		for (int i = 0; i < 8; i++) {
			assertThat(recover("spray-" + i, "ABCD-EFGH-JKMN-PQRS").code()).isEqualTo("auth.invalid_recovery");
		}
		var locked = recover(username, "ABCD-EFGH-JKMN-PQRS");
		assertThat(locked.status()).isEqualTo(429);
		assertThat(locked.code()).isEqualTo("auth.too_many_attempts");
		// recovery has locks of its own: signing in from the address still works
		assertThat(login(username, "correct horse battery").status()).isEqualTo(200);
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
	void noUnicodeSpellingOfAUsernameSignsInOrStepsAroundItsLock() {
		String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 8);
		String username = "kiisseli" + suffix;
		register(username);
		String upper = username.toUpperCase(java.util.Locale.ROOT);
		List<String> lookAlikes = List.of(upper.replace('I', '\u0130'), // İ: PostgreSQL's
																		// lower() in a
																		// UTF-8 locale
																		// makes it i
				'\u212A' + username.substring(1), // the Kelvin sign, which lower-cases to
													// k
				username.replace('s', '\u017F'), // the long s, which upper-cases to S
				fullwidth(username), username + "\u200B", // an invisible zero-width space
				"k\u0069\u0307isseli" + suffix); // i followed by a combining dot above
		for (String lookAlike : lookAlikes) {
			var refused = login(lookAlike, "correct horse battery");
			assertThat(refused.status()).as(lookAlike).isEqualTo(400);
			assertThat(refused.code()).isEqualTo("validation.failed");
			assertThat(refused.body().path("errors").get(0).path("field").asString()).isEqualTo("username");
		}
		assertThat(login(upper, "correct horse battery").status()).as("ASCII case does not matter").isEqualTo(200);

		for (int i = 0; i < 10; i++) {
			assertThat(login(lookAlikes.get(i % lookAlikes.size()), "wrong password!").status()).isEqualTo(400);
		}
		assertThat(redis.keys("auth:login*")).as("a refused identifier is counted nowhere").isEmpty();
		assertThat(login(username, "correct horse battery").status()).isEqualTo(200);

		for (int i = 0; i < 5; i++) {
			assertThat(login(i % 2 == 0 ? upper : username, "wrong password!").code())
				.isEqualTo("auth.invalid_credentials");
		}
		assertThat(login(username, "correct horse battery").code()).isEqualTo("auth.too_many_attempts");
		assertThat(login("KiIsSeLi" + suffix.toUpperCase(java.util.Locale.ROOT), "correct horse battery").code())
			.as("one lock for every ASCII spelling")
			.isEqualTo("auth.too_many_attempts");
		for (String lookAlike : lookAlikes) {
			assertThat(login(lookAlike, "correct horse battery").status())
				.as("locked, and still no way in: " + lookAlike)
				.isEqualTo(400);
		}
	}

	@Test
	void aUsernameDifferingOnlyInCaseIsTaken() {
		String username = "Kaksois" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
		register(username);
		var twin = api.post("/api/auth/register", Map.of("username", username.toLowerCase(java.util.Locale.ROOT),
				"password", "correct horse battery", "displayName", "Kaksonen"));
		assertThat(twin.status()).isEqualTo(409);
		assertThat(twin.code()).isEqualTo("auth.username_taken");
		var dotted = api.post("/api/auth/register", Map.of("username", username.replace('i', '\u0131'), "password",
				"correct horse battery", "displayName", "Kaksonen"));
		assertThat(dotted.status()).isEqualTo(400);
		assertThat(dotted.body().path("errors").toString()).contains("\"field\":\"username\"");
	}

	@Test
	void addressesAreNeverStoredInClearText() {
		login("whoever", "password123456");
		assertThat(redis.keys("auth:*")).noneMatch(key -> key.contains("127.0.0.1") || key.contains("whoever"));
	}

	private String register() {
		return register("lock" + UUID.randomUUID().toString().replace("-", "").substring(0, 12));
	}

	private String register(String username) {
		var registered = api.post("/api/auth/register",
				Map.of("username", username, "password", "correct horse battery", "displayName", "Lukko"));
		assertThat(registered.status()).as(registered.raw().body()).isEqualTo(201);
		redis.delete(redis.keys("auth:signup*"));
		return username;
	}

	/** The same letters and digits from Unicode's fullwidth block (U+FF01–U+FF5E). */
	private static String fullwidth(String ascii) {
		StringBuilder wide = new StringBuilder();
		ascii.chars().forEach(c -> wide.append((char) (c >= '!' && c <= '~' ? c - '!' + 0xFF01 : c)));
		return wide.toString();
	}

	private ApiClient.Response recover(String username, String code) {
		return api.post("/api/auth/recover",
				Map.of("username", username, "recoveryCode", code, "newPassword", "a brand new secret"));
	}

	private ApiClient.Response login(String username, String password) {
		return api.post("/api/auth/login", Map.of("username", username, "password", password));
	}

}
