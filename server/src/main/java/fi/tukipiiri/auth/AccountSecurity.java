package fi.tukipiiri.auth;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import fi.tukipiiri.accounts.Account;
import fi.tukipiiri.accounts.AccountProblems;
import fi.tukipiiri.accounts.AccountRecovery;
import fi.tukipiiri.accounts.AccountService;
import fi.tukipiiri.accounts.Credentials;

/**
 * A registered person's own security settings: their password, their recovery codes and
 * their sign-ins (devices). Every confirmation with the current password counts as a
 * sign-in attempt ({@link AttemptLimiter}): a stolen access token cannot be used to guess
 * the password any faster than the sign-in page allows.
 */
@Service
class AccountSecurity {

	private final AccountService accounts;

	private final AccountRecovery recovery;

	private final RefreshTokens refreshTokens;

	private final TokenRevocations revocations;

	private final AttemptLimiter limiter;

	private final TransactionTemplate transactions;

	private final Clock clock;

	AccountSecurity(AccountService accounts, AccountRecovery recovery, RefreshTokens refreshTokens,
			TokenRevocations revocations, AttemptLimiter limiter, TransactionTemplate transactions, Clock clock) {
		this.accounts = accounts;
		this.recovery = recovery;
		this.refreshTokens = refreshTokens;
		this.revocations = revocations;
		this.limiter = limiter;
		this.transactions = transactions;
		this.clock = clock;
	}

	/**
	 * One of the person's sign-ins as their settings list it.
	 *
	 * @param id the sign-in (refresh-token family) id, as access tokens name it in
	 * {@code fam}
	 * @param device a coarse label such as {@code "Firefox, Android"}; null when unknown
	 * @param current whether the asking access token belongs to it
	 */
	record SignInView(UUID id, String device, Instant signedInAt, Instant lastUsedAt, boolean current) {
	}

	/**
	 * A new password, confirmed with the current one; every other sign-in ends, the one
	 * asking goes on ({@link AccountService#changePassword}).
	 */
	void changePassword(AccessTokens.Verified caller, String currentPassword, String newPassword, String address) {
		confirmed(caller, address,
				() -> accounts.changePassword(caller.accountId(), currentPassword, newPassword, caller.familyId()));
	}

	/** Ten new recovery codes for the old ones, confirmed with the password. */
	List<String> regenerateCodes(AccessTokens.Verified caller, String password, String address) {
		List<List<String>> codes = new ArrayList<>(1);
		confirmed(caller, address, () -> codes.add(recovery.regenerate(caller.accountId(), password)));
		return codes.get(0);
	}

	int remainingCodes(UUID accountId) {
		return recovery.remaining(accountId);
	}

	/** The person's sign-ins that can still be used, the most recently used first. */
	List<SignInView> signIns(AccessTokens.Verified caller) {
		accounts.registered(caller.accountId());
		return refreshTokens.liveSignIns(caller.accountId(), clock.instant())
			.stream()
			.map(signIn -> new SignInView(signIn.familyId(), signIn.deviceLabel(), signIn.signedInAt(),
					signIn.lastUsedAt(), signIn.familyId().equals(caller.familyId())))
			.toList();
	}

	/**
	 * Ends one of the person's sign-ins: its refresh tokens, and its access tokens and
	 * live connections on every node.
	 * @throws AuthProblems.SignInNotFound {@code auth.sign_in_not_found} when the person
	 * has no such sign-in that can still be used
	 */
	void endSignIn(AccessTokens.Verified caller, UUID familyId) {
		accounts.registered(caller.accountId());
		boolean ended = Boolean.TRUE.equals(transactions.execute(status -> {
			if (!refreshTokens.isLiveSignInOf(familyId, caller.accountId(), clock.instant())) {
				return false;
			}
			refreshTokens.revokeFamily(familyId, clock.instant());
			return true;
		}));
		if (!ended) {
			throw new AuthProblems.SignInNotFound();
		}
		revocations.revokeFamily(familyId);
	}

	/** Ends every sign-in of the person except the asking one; how many ended. */
	int endOtherSignIns(AccessTokens.Verified caller) {
		accounts.registered(caller.accountId());
		List<UUID> others = refreshTokens.liveSignIns(caller.accountId(), clock.instant())
			.stream()
			.map(RefreshTokens.SignIn::familyId)
			.filter(family -> !family.equals(caller.familyId()))
			.toList();
		transactions.executeWithoutResult(
				status -> others.forEach(family -> refreshTokens.revokeFamily(family, clock.instant())));
		others.forEach(revocations::revokeFamily);
		return others.size();
	}

	private void confirmed(AccessTokens.Verified caller, String address, Runnable action) {
		Account account = accounts.registered(caller.accountId());
		String canonical = Credentials.canonicalUsername(account.username()).orElseThrow();
		limiter.checkLogin(canonical, address);
		try {
			action.run();
		}
		catch (AccountProblems.PasswordMismatch wrong) {
			limiter.loginFailed(canonical, address);
			throw wrong;
		}
	}

}
