package fi.tukipiiri.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

import fi.tukipiiri.delivery.NodeSignal;
import fi.tukipiiri.platform.RedisGuard;
import fi.tukipiiri.platform.ServiceUnavailable;

/**
 * Access tokens live only minutes, but some must stop at once on every node: the one a
 * person signed out with, every token of a sign-in (refresh-token family) that was signed
 * out or found copied, and all of a person's tokens when their roles change or their
 * account goes. Kept in Redis, which every node reads on every request and on every STOMP
 * frame that reads or writes; each revocation is also told to every node as a
 * {@link NodeSignal}, so every node closes the live connections it ends within moments.
 * <p>
 * While Redis cannot be asked, every method throws {@link ServiceUnavailable}: a token
 * whose revocation cannot be read is not taken, and a revocation that cannot be recorded
 * is not reported done (decision 23).
 */
@Component
class TokenRevocations {

	/** The Redis pub/sub channel on which revocations are announced to every node. */
	/** Asked in place of a family mark for tokens that name no family; never set. */
	private static final String NO_FAMILY = "auth:revoked-family:none";

	private final StringRedisTemplate redis;

	private final AuthSettings settings;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final RedisGuard guard;

	TokenRevocations(StringRedisTemplate redis, AuthSettings settings, ApplicationEventPublisher events, Clock clock,
			RedisGuard guard) {
		this.guard = guard;
		this.redis = redis;
		this.settings = settings;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * What was revoked, as announced to every node: one token ({@code tokenId}), every
	 * token of one sign-in ({@code familyId}), or every token of an account older than
	 * generation {@code version}. Exactly one of {@code tokenId}, {@code familyId} and
	 * {@code accountId} is set.
	 */
	record Revocation(String tokenId, UUID familyId, UUID accountId, long version) implements NodeSignal {

		static Revocation ofToken(String tokenId) {
			return new Revocation(tokenId, null, null, 0);
		}

		static Revocation ofFamily(UUID familyId) {
			return new Revocation(null, familyId, null, 0);
		}

		static Revocation ofAccount(UUID accountId, long version) {
			return new Revocation(null, null, accountId, version);
		}

		/** Whether a connection holding this token must end. */
		boolean ends(AccessTokens.Verified token) {
			if (tokenId != null) {
				return tokenId.equals(token.tokenId());
			}
			if (familyId != null) {
				return familyId.equals(token.familyId());
			}
			return accountId.equals(token.accountId()) && token.version() < version;
		}
	}

	/**
	 * The current token generation of an account; tokens from an older generation are
	 * refused.
	 */
	long currentVersion(UUID accountId) {
		String value = guard.call("the token generation", () -> redis.opsForValue().get(versionKey(accountId)));
		return value == null ? 0 : Long.parseLong(value);
	}

	/**
	 * Invalidates every access token the account holds now; its next refresh gets a token
	 * of the new generation.
	 */
	void revokeAllFor(UUID accountId) {
		Long version = guard.call("a token revocation", () -> redis.opsForValue().increment(versionKey(accountId)));
		announce(Revocation.ofAccount(accountId, version == null ? Long.MAX_VALUE : version));
	}

	/** Ends one access token until it would have expired anyway. */
	void revoke(String tokenId, Instant expiresAt) {
		Duration remaining = Duration.between(clock.instant(), expiresAt);
		if (!remaining.isNegative() && !remaining.isZero()) {
			guard.run("a token revocation",
					() -> redis.opsForValue().set(tokenKey(tokenId), "1", remaining.plusSeconds(1)));
		}
		announce(Revocation.ofToken(tokenId));
	}

	/**
	 * Ends every access token issued in the sign-in {@code familyId}. The mark lives one
	 * access-token lifetime: any token of the family issued before it has expired by
	 * then, and the family's refresh tokens are revoked in PostgreSQL, so no new one can
	 * be issued.
	 */
	void revokeFamily(UUID familyId) {
		guard.run("a token revocation",
				() -> redis.opsForValue().set(familyKey(familyId), "1", settings.accessTokenLifetime().plusSeconds(1)));
		announce(Revocation.ofFamily(familyId));
	}

	/**
	 * One round trip: is this token still good for this account?
	 * @throws ServiceUnavailable when Redis cannot be asked
	 */
	boolean isAccepted(AccessTokens.Verified token) {
		return accepted(List.of(token)).get(0);
	}

	/** One round trip for many tokens: whether each, in the same order, is still good. */
	List<Boolean> accepted(List<AccessTokens.Verified> tokens) {
		List<String> keys = new ArrayList<>(tokens.size() * 3);
		for (AccessTokens.Verified token : tokens) {
			keys.add(tokenKey(token.tokenId()));
			keys.add(versionKey(token.accountId()));
			keys.add(token.familyId() == null ? NO_FAMILY : familyKey(token.familyId()));
		}
		List<String> values = guard.call("token revocations", () -> redis.opsForValue().multiGet(keys));
		List<Boolean> answers = new ArrayList<>(tokens.size());
		for (int i = 0; i < tokens.size(); i++) {
			if (values == null) {
				answers.add(false);
				continue;
			}
			boolean revoked = values.get(3 * i) != null || values.get(3 * i + 2) != null;
			String version = values.get(3 * i + 1);
			answers.add(!revoked && tokens.get(i).version() >= (version == null ? 0 : Long.parseLong(version)));
		}
		return answers;
	}

	private void announce(Revocation revocation) {
		// should the relay be down, the mark is stored: every frame and request is
		// checked against it, and each node's
		// sweep finds it
		events.publishEvent(revocation);
	}

	private static String tokenKey(String tokenId) {
		return "auth:revoked-token:" + tokenId;
	}

	private static String versionKey(UUID accountId) {
		return "auth:token-version:" + accountId;
	}

	private static String familyKey(UUID familyId) {
		return "auth:revoked-family:" + familyId;
	}

}
