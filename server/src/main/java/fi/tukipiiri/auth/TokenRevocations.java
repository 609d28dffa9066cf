package fi.tukipiiri.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

/**
 * Access tokens live only minutes, but some must stop at once on every node: the one a person signed out
 * with, and all of a person's tokens when their roles change or their account goes. Kept in Redis, which
 * every node reads on every request.
 */
@Component
class TokenRevocations {

	private final StringRedisTemplate redis;
	private final Clock clock;

	TokenRevocations(StringRedisTemplate redis, Clock clock) {
		this.redis = redis;
		this.clock = clock;
	}

	/** The current token generation of an account; tokens from an older generation are refused. */
	long currentVersion(UUID accountId) {
		String value = redis.opsForValue().get(versionKey(accountId));
		return value == null ? 0 : Long.parseLong(value);
	}

	/** Invalidates every access token the account holds now; its next refresh gets a token of the new generation. */
	void revokeAllFor(UUID accountId) {
		redis.opsForValue().increment(versionKey(accountId));
	}

	void revoke(String tokenId, Instant expiresAt) {
		Duration remaining = Duration.between(clock.instant(), expiresAt);
		if (!remaining.isNegative() && !remaining.isZero()) {
			redis.opsForValue().set(tokenKey(tokenId), "1", remaining.plusSeconds(1));
		}
	}

	/** One round trip: is this token still good for this account? */
	boolean isAccepted(AccessTokens.Verified token) {
		List<String> values = redis.opsForValue().multiGet(Arrays.asList(tokenKey(token.tokenId()), versionKey(token.accountId())));
		if (values == null) {
			return false;
		}
		boolean revoked = values.get(0) != null;
		long version = values.get(1) == null ? 0 : Long.parseLong(values.get(1));
		return !revoked && token.version() >= version;
	}

	private static String tokenKey(String tokenId) {
		return "auth:revoked-token:" + tokenId;
	}

	private static String versionKey(UUID accountId) {
		return "auth:token-version:" + accountId;
	}
}
