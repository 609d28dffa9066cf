package fi.tukipiiri.auth;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import fi.tukipiiri.accounts.Account;
import fi.tukipiiri.accounts.AccountService;
import fi.tukipiiri.accounts.Credentials;

/**
 * Turns credentials, nicknames and refresh tokens into token pairs. Refresh tokens rotate
 * on every use; presenting one that was already spent means it was copied, so its whole
 * family is revoked.
 */
@Service
class SignInService {

	private final AccountService accounts;

	private final AccessTokens accessTokens;

	private final RefreshTokens refreshTokens;

	private final TokenRevocations revocations;

	private final AttemptLimiter limiter;

	private final AuthSettings settings;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final SecureRandom random = new SecureRandom();

	SignInService(AccountService accounts, AccessTokens accessTokens, RefreshTokens refreshTokens,
			TokenRevocations revocations, AttemptLimiter limiter, AuthSettings settings,
			TransactionTemplate transactions, Clock clock) {
		this.accounts = accounts;
		this.accessTokens = accessTokens;
		this.refreshTokens = refreshTokens;
		this.revocations = revocations;
		this.limiter = limiter;
		this.settings = settings;
		this.transactions = transactions;
		this.clock = clock;
	}

	TokenPair register(String username, String password, String displayName, String address) {
		limiter.countSignUp(address);
		Account account = accounts.register(username, password, displayName);
		return transactions.execute(status -> startFamily(account));
	}

	TokenPair guest(String nickname, String address) {
		limiter.countSignUp(address);
		Account account = accounts.createGuest(nickname);
		return transactions.execute(status -> startFamily(account));
	}

	/**
	 * The lock and the lookup both use the username's canonical form, so no spelling of a
	 * locked username gets past the lock. An identifier outside the username rule names
	 * no account: it is refused before anything is counted or looked up (the controller's
	 * validation already answers it with {@code validation.failed}).
	 */
	TokenPair login(String username, String password, String address) {
		String canonical = Credentials.canonicalUsername(username).orElseThrow(AuthProblems.InvalidCredentials::new);
		limiter.checkLogin(canonical, address);
		Optional<Account> account = accounts.verifyCredentials(canonical, password);
		if (account.isEmpty()) {
			limiter.loginFailed(canonical, address);
			throw new AuthProblems.InvalidCredentials();
		}
		limiter.loginSucceeded(canonical);
		return transactions.execute(status -> startFamily(account.get()));
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
		return new RefreshOutcome.Rotated(issue(account.get(), token.familyId(), now));
	}

	private TokenPair startFamily(Account account) {
		return issue(account, UUID.randomUUID(), clock.instant());
	}

	private TokenPair issue(Account account, UUID familyId, Instant now) {
		Instant refreshExpires = now.plus(settings.refreshTokenLifetime());
		if (account.expiresAt() != null && account.expiresAt().isBefore(refreshExpires)) {
			refreshExpires = account.expiresAt();
		}
		String refreshToken = newRefreshToken();
		refreshTokens.insert(UUID.randomUUID(), familyId, account.id(), Sha256.hex(refreshToken), now, refreshExpires);
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
