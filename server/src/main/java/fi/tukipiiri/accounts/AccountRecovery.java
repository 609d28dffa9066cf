package fi.tukipiiri.accounts;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.IntStream;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import fi.tukipiiri.accounts.AccountProblems.PasswordMismatch;
import fi.tukipiiri.accounts.AccountProblems.RegisteredOnly;
import fi.tukipiiri.platform.InvalidFields;

/**
 * A way back into a registered account without e-mail: ten single-use recovery codes,
 * made at registration and again on request, each shown once and stored only as a salted
 * hash ({@link LookupSecrets}, after OWASP ASVS 4.0.3 §2.6). One code and a new password
 * replace a forgotten password ({@link #recover}). Counting failed attempts is the
 * caller's (the auth feature's sign-in limits).
 */
@Service
public class AccountRecovery {

	/** An id no account has, for looking up the codes of nobody. */
	private static final UUID NOBODY = new UUID(0, 0);

	/** How many codes a person holds after making them. */
	public static final int CODES = 10;

	private final AccountService accounts;

	private final Accounts store;

	private final RecoveryCodes codes;

	private final Clock clock;

	/**
	 * Salts and a hash compared against when the username names no registered account, so
	 * that a miss costs the same work as a wrong code.
	 */
	private final List<RecoveryCodes.StoredCode> decoys;

	AccountRecovery(AccountService accounts, Accounts store, RecoveryCodes codes, Clock clock) {
		this.accounts = accounts;
		this.store = store;
		this.codes = codes;
		this.clock = clock;
		this.decoys = IntStream.range(0, CODES)
			.mapToObj(i -> new RecoveryCodes.StoredCode(UUID.randomUUID(), LookupSecrets.newSalt(),
					LookupSecrets.hash(LookupSecrets.newSalt(), LookupSecrets.newCode().replace("-", ""))))
			.toList();
	}

	/**
	 * How many of the person's recovery codes are not used yet (0–10).
	 * @throws RegisteredOnly {@code accounts.registered_only} for a guest pass
	 */
	@Transactional(readOnly = true)
	public int remaining(UUID accountId) {
		accounts.registered(accountId);
		return codes.countUnused(accountId);
	}

	/**
	 * Ten new codes in place of the old ones, which stop working at once; the person
	 * confirms with their password. The codes are returned here, once, and never again.
	 * @throws PasswordMismatch {@code accounts.password_mismatch} for a wrong password
	 * @throws RegisteredOnly {@code accounts.registered_only} for a guest pass
	 */
	@Transactional
	public List<String> regenerate(UUID accountId, String password) {
		store.lockForUpdate(accountId);
		Account account = accounts.registered(accountId);
		accounts.requirePassword(account, password);
		return accounts.newRecoveryCodes(accountId);
	}

	/**
	 * Spends one recovery code of the account with this username and sets the new
	 * password ({@link AccountService#resetPassword}: every sign-in and live connection
	 * of the account ends), all in one transaction. The new password is checked first,
	 * before anything is looked up, so its refusal says nothing about the account. An
	 * unknown username, a guest, a wrong code and a spent one all answer empty, after the
	 * same work: the account's unused codes (or as many decoys) are each hashed and
	 * compared in constant time.
	 * @param canonicalUsername {@link Credentials#canonicalUsername}
	 * @param code as typed; case, spaces and dashes do not matter
	 * @return the account, whose password is now {@code newPassword}; empty when the
	 * username and code do not go together
	 * @throws InvalidFields {@code validation.failed} for the field {@code newPassword}
	 */
	@Transactional
	public Optional<Account> recover(String canonicalUsername, String code, String newPassword) {
		accounts.checkNewPassword(newPassword);
		Optional<Account> account = store.findByUsername(canonicalUsername)
			.map(Accounts.StoredAccount::account)
			.filter(a -> !a.guest() && a.isActiveAt(clock.instant()));
		// asked even without an account, so a miss makes the same round trip
		List<RecoveryCodes.StoredCode> held = codes.unused(account.map(Account::id).orElse(NOBODY));
		String typed = LookupSecrets.normalise(code).orElse(null);
		UUID matched = null;
		for (int i = 0; i < Math.max(CODES, held.size()); i++) {
			RecoveryCodes.StoredCode candidate = i < held.size() ? held.get(i) : decoys.get(i % CODES);
			boolean same = LookupSecrets.same(LookupSecrets.hash(candidate.salt(), typed == null ? "" : typed),
					candidate.hash());
			if (same && typed != null && i < held.size() && matched == null) {
				matched = candidate.id();
			}
		}
		if (matched == null || !codes.markUsed(matched, clock.instant())) {
			return Optional.empty();
		}
		accounts.resetPassword(account.get().id(), newPassword);
		return account;
	}

}
