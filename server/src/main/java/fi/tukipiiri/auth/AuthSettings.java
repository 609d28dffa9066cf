package fi.tukipiiri.auth;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param jwtSecret base64 HMAC key, at least 32 bytes, shared by every node
 * ({@code TUKIPIIRI_AUTH_JWT_SECRET}); without one a random key is made at start, which
 * only suits a single development node
 * @param accessTokenLifetime how long an access token is accepted
 * @param refreshTokenLifetime how long an unused refresh token stays valid (each use
 * issues a fresh one)
 * @param login limits on failed sign-ins
 * @param signUp limits on new accounts and guest passes from one address
 * @param recovery limits on failed recoveries with a recovery code
 * @param connectionRecheck how often each node asks Redis about every live connection's
 * token, to end the ones whose revocation announcement it missed (read by
 * {@link LiveConnections}'s schedule)
 */
@ConfigurationProperties("tukipiiri.auth")
record AuthSettings(String jwtSecret, @DefaultValue("15m") Duration accessTokenLifetime,
		@DefaultValue("14d") Duration refreshTokenLifetime, @DefaultValue LoginLimits login,
		@DefaultValue SignUpLimits signUp, @DefaultValue RecoveryLimits recovery,
		@DefaultValue("30s") Duration connectionRecheck) {

	/**
	 * @param maxFailuresPerAccount failed attempts on one username before it is locked
	 * for {@code window}
	 * @param maxFailuresPerAddress failed attempts from one network address before it is
	 * locked for {@code window}
	 */
	record LoginLimits(@DefaultValue("5") int maxFailuresPerAccount, @DefaultValue("30") int maxFailuresPerAddress,
			@DefaultValue("15m") Duration window) {
	}

	/**
	 * @param maxPerAddress registrations plus guest passes one address may create within
	 * {@code window}
	 */
	record SignUpLimits(@DefaultValue("20") int maxPerAddress, @DefaultValue("1h") Duration window) {
	}

	/**
	 * @param maxFailuresPerAccount failed recoveries of one username before its recovery
	 * is locked for {@code window}
	 * @param maxFailuresPerAddress failed recoveries from one network address before it
	 * is locked for {@code window}
	 */
	record RecoveryLimits(@DefaultValue("5") int maxFailuresPerAccount, @DefaultValue("20") int maxFailuresPerAddress,
			@DefaultValue("1h") Duration window) {
	}

}
