package fi.tukipiiri.auth;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import fi.tukipiiri.accounts.Account;
import fi.tukipiiri.accounts.AccountRecovery;
import fi.tukipiiri.accounts.AccountService;
import fi.tukipiiri.accounts.Credentials;

/**
 * Turns credentials, nicknames, recovery codes and refresh tokens into token pairs.
 * Refresh tokens rotate on every use; presenting one that was already spent means it was
 * copied, so its whole family is revoked. Each sign-in keeps a coarse label of the device
 * it began on ({@link DeviceLabels}), for its owner's list of sign-ins.
 */
@Service
class SignInService {

	private final AccountService accounts;

	private final AccountRecovery recovery;

	private final AccessTokens accessTokens;

	private final RefreshTokens refreshTokens;

	private final TokenRevocations revocations;

	private final AttemptLimiter limiter;

	private final AuthSettings settings;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final SecureRandom random = new SecureRandom();

	SignInService(AccountService accounts, AccountRecovery recovery, AccessTokens accessTokens,
			RefreshTokens refreshTokens, TokenRevocations revocations, AttemptLimiter limiter, AuthSettings settings,
			TransactionTemplate transactions, Clock clock) {
		this.accounts = accounts;
		this.recovery = recovery;
		this.accessTokens = accessTokens;
		this.refreshTokens = refreshTokens;
		this.revocations = revocations;
		this.limiter = limiter;
		this.settings = settings;
		this.transactions = transactions;
		this.clock = clock;
	}

	/**
	 * What a registration returns: a sign-in, and the account's recovery codes, shown
	 * this once.
	 */
	record Registered(String accessToken, String refreshToken, long expiresIn, List<String> recoveryCodes) {
	}

	Registered register(String username, String password, String displayName, String address, String userAgent) {
		limiter.countSignUp(address);
		AccountService.Registration registration = accounts.register(username, password, displayName);
		TokenPair tokens = transactions.execute(status -> startFamily(registration.account(), userAgent));
		return new Registered(tokens.accessToken(), tokens.refreshToken(), tokens.expiresIn(),
				registration.recoveryCodes());
	}

	TokenPair guest(String nickname, String address, String userAgent) {
		limiter.countSignUp(address);
		Account account = accounts.createGuest(nickname);
		return transactions.execute(status -> startFamily(account, userAgent));
	}

	/**
	 * The lock and the lookup both use the username's canonical form, so no spelling of a
	 * locked username gets past the lock. An identifier outside the username rule names
	 * no account: it is refused before anything is counted or looked up (the controller's
	 * validation already answers it with {@code validation.failed}).
	 */
	TokenPair login(String username, String password, String address, String userAgent) {
		String canonical = Credentials.canonicalUsername(username).orElseThrow(AuthProblems.InvalidCredentials::new);
		limiter.checkLogin(canonical, address);
		Optional<Account> account = accounts.verifyCredentials(canonical, password);
		if (account.isEmpty()) {
			limiter.loginFailed(canonical, address);
			throw new AuthProblems.InvalidCredentials();
		}
		limiter.loginSucceeded(canonical);
		return transactions.execute(status -> startFamily(account.get(), userAgent));
	}

	/**
	 * A way back in without the password: a recovery code of the account and a new
	 * password. The code is spent, the password set and every earlier sign-in and live
	 * connection of the account ended in one step ({@link AccountRecovery#recover}, which
	 * goes through {@link AccountService#resetPassword}); then the person is signed in
	 * afresh. Failures are counted per username and per address like sign-ins, with
	 * counters of their own, and an unknown username, a wrong code and a spent one all
	 * answer {@code auth.invalid_recovery} after the same work.
	 * @throws AuthProblems.InvalidRecovery {@code auth.invalid_recovery}
	 * @throws AuthProblems.TooManyAttempts {@code auth.too_many_attempts}
	 */
	TokenPair recover(String username, String code, String newPassword, String address, String userAgent) {
		String canonical = Credentials.canonicalUsername(username).orElseThrow(AuthProblems.InvalidRecovery::new);
		limiter.checkRecovery(canonical, address);
		Optional<Account> account = recovery.recover(canonical, code, newPassword);
		if (account.isEmpty()) {
			limiter.recoveryFailed(canonical, address);
			throw new AuthProblems.InvalidRecovery();
		}
		limiter.recoverySucceeded(canonical);
		limiter.loginSucceeded(canonical);
		return transactions.execute(status -> startFamily(account.get(), userAgent));
	}

	TokenPair refresh(String refreshToken) {
		RefreshOutcome outcome = transactions.execute(status -> rotate(Sha256.hex(refreshToken)));
		if (outcome instanceof RefreshOutcome.Rotated rotated) {
			return rotated.tokens();
		}
		if (outcome instanceof RefreshOutcome.FamilyRevoked revoked) {
			// a copied refresh token: every access token and live connection of that
			// sign-in ends too
			revocations.revokeFamily(revoked.familyId());
		}
		throw new AuthProblems.InvalidRefreshToken();
	}

	/**
	 * Ends the sign-in of this refresh token and, if given, the access token used to ask
	 * and its sign-in: their refresh family in PostgreSQL, and every access token and
	 * live connection of theirs on every node.
	 */
	void logout(String refreshToken, AccessTokens.Verified accessToken) {
		Optional<UUID> family = transactions
			.execute(status -> refreshTokens.findForUpdate(Sha256.hex(refreshToken)).map(token -> {
				refreshTokens.revokeFamily(token.familyId(), clock.instant());
				return token.familyId();
			}));
		family.ifPresent(revocations::revokeFamily);
		if (accessToken != null) {
			revocations.revoke(accessToken.tokenId(), accessToken.expiresAt());
			if (accessToken.familyId() != null && !family.equals(Optional.of(accessToken.familyId()))) {
				transactions.executeWithoutResult(
						status -> refreshTokens.revokeFamily(accessToken.familyId(), clock.instant()));
				revocations.revokeFamily(accessToken.familyId());
			}
		}
	}

	/**
	 * Ends every session of the account on every node: refresh families in PostgreSQL,
	 * access tokens through Redis.
	 */
	void signOutEverywhere(UUID accountId) {
		transactions.executeWithoutResult(status -> refreshTokens.revokeAllOf(accountId, clock.instant()));
		revocations.revokeAllFor(accountId);
	}

	private sealed interface RefreshOutcome {

		record Rotated(TokenPair tokens) implements RefreshOutcome {
		}

		record Refused() implements RefreshOutcome {
		}

		/**
		 * A spent token came back: it was copied, and its whole family is now revoked.
		 */
		record FamilyRevoked(UUID familyId) implements RefreshOutcome {
		}

	}

	private RefreshOutcome rotate(String hash) {
		Instant now = clock.instant();
		var stored = refreshTokens.findForUpdate(hash);
		if (stored.isEmpty() || stored.get().revokedAt() != null) {
			return new RefreshOutcome.Refused();
		}
		var token = stored.get();
		if (token.usedAt() != null) {
			refreshTokens.revokeFamily(token.familyId(), now);
			return new RefreshOutcome.FamilyRevoked(token.familyId());
		}
		if (!now.isBefore(token.expiresAt())) {
			return new RefreshOutcome.Refused();
		}
		Optional<Account> account = accounts.findActive(token.accountId());
		if (account.isEmpty()) {
			refreshTokens.revokeFamily(token.familyId(), now);
			return new RefreshOutcome.FamilyRevoked(token.familyId());
		}
		refreshTokens.markUsed(token.id(), now);
		return new RefreshOutcome.Rotated(
				issue(account.get(), token.familyId(), now, token.deviceLabel(), token.signedInAt()));
	}

	private TokenPair startFamily(Account account, String userAgent) {
		Instant now = clock.instant();
		return issue(account, UUID.randomUUID(), now, DeviceLabels.of(userAgent), now);
	}

	private TokenPair issue(Account account, UUID familyId, Instant now, String deviceLabel, Instant signedInAt) {
		Instant refreshExpires = now.plus(settings.refreshTokenLifetime());
		if (account.expiresAt() != null && account.expiresAt().isBefore(refreshExpires)) {
			refreshExpires = account.expiresAt();
		}
		String refreshToken = newRefreshToken();
		refreshTokens.insert(UUID.randomUUID(), familyId, account.id(), Sha256.hex(refreshToken), now, refreshExpires,
				deviceLabel, signedInAt);
		AccessTokens.Issued access = accessTokens.issue(account, revocations.currentVersion(account.id()), familyId,
				account.expiresAt());
		return new TokenPair(access.token(), refreshToken, Duration.between(now, access.expiresAt()).toSeconds());
	}

	private String newRefreshToken() {
		byte[] bytes = new byte[32];
		random.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

}
