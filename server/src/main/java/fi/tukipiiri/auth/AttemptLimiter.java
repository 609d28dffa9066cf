package fi.tukipiiri.auth;

import java.time.Duration;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

import fi.tukipiiri.platform.RedisGuard;
import fi.tukipiiri.platform.ServiceUnavailable;

/**
 * Counts failed sign-ins per username and per network address, failed recoveries with a
 * recovery code the same way (counters of their own), and new identities per address, in
 * Redis only and with a short expiry. Addresses are hashed before they become keys, so
 * none is stored. While Redis cannot be asked, sign-ins and new identities are refused
 * with {@code server.unavailable} ({@link ServiceUnavailable}): without the counters,
 * passwords could be guessed without limit (decision 23).
 */
@Component
class AttemptLimiter {

	private static final String WHAT = "sign-in attempt counters";

	private final StringRedisTemplate redis;

	private final AuthSettings settings;

	private final RedisGuard guard;

	AttemptLimiter(StringRedisTemplate redis, AuthSettings settings, RedisGuard guard) {
		this.guard = guard;
		this.redis = redis;
		this.settings = settings;
	}

	/**
	 * Throws if sign-in for this username or from this address is locked for now.
	 * {@code username} here and below is the canonical form
	 * ({@link fi.tukipiiri.accounts.Credentials#canonicalUsername}), so every spelling
	 * shares one lock.
	 */
	void checkLogin(String username, String address) {
		AuthSettings.LoginLimits limits = settings.login();
		refuseIfOver(accountKey(username), limits.maxFailuresPerAccount());
		refuseIfOver(addressKey("login", address), limits.maxFailuresPerAddress());
	}

	void loginFailed(String username, String address) {
		Duration window = settings.login().window();
		count(accountKey(username), window);
		count(addressKey("login", address), window);
	}

	void loginSucceeded(String username) {
		guard.run(WHAT, () -> redis.delete(accountKey(username)));
	}

	/**
	 * Throws if recovery of this username or from this address is locked for now; the
	 * username is canonical, as for {@link #checkLogin}.
	 */
	void checkRecovery(String username, String address) {
		AuthSettings.RecoveryLimits limits = settings.recovery();
		refuseIfOver(recoveryKey(username), limits.maxFailuresPerAccount());
		refuseIfOver(addressKey("recovery", address), limits.maxFailuresPerAddress());
	}

	void recoveryFailed(String username, String address) {
		Duration window = settings.recovery().window();
		count(recoveryKey(username), window);
		count(addressKey("recovery", address), window);
	}

	void recoverySucceeded(String username) {
		guard.run(WHAT, () -> redis.delete(recoveryKey(username)));
	}

	/**
	 * Counts one new account or guest pass from this address, refusing once the address
	 * is over its limit.
	 */
	void countSignUp(String address) {
		AuthSettings.SignUpLimits limits = settings.signUp();
		String key = addressKey("signup", address);
		refuseIfOver(key, limits.maxPerAddress());
		count(key, limits.window());
	}

	/**
	 * Counts a request for a password link by e-mail from {@code address}: at most
	 * {@code max} an hour, then {@code auth.too_many_attempts} (429 with Retry-After).
	 */
	void countPasswordLinkRequest(String address, int max) {
		String key = addressKey("password-link", address);
		refuseIfOver(key, max);
		count(key, Duration.ofHours(1));
	}

	private void refuseIfOver(String key, int limit) {
		String value = guard.call(WHAT, () -> redis.opsForValue().get(key));
		if (value != null && Long.parseLong(value) >= limit) {
			Long ttl = guard.call(WHAT, () -> redis.getExpire(key));
			throw new AuthProblems.TooManyAttempts(ttl == null || ttl < 1 ? 1 : ttl);
		}
	}

	private void count(String key, Duration window) {
		Long count = guard.call(WHAT, () -> redis.opsForValue().increment(key));
		if (count != null && count == 1) {
			guard.call(WHAT, () -> redis.expire(key, window));
		}
	}

	private static String accountKey(String username) {
		return "auth:login-failures:account:" + Sha256.hex(username);
	}

	private static String recoveryKey(String username) {
		return "auth:recovery-failures:account:" + Sha256.hex(username);
	}

	private static String addressKey(String purpose, String address) {
		return "auth:" + purpose + ":address:" + Sha256.hex(address);
	}

}
