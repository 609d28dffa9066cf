package fi.tukipiiri.accounts;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import fi.tukipiiri.accounts.AccountProblems.LastAdmin;
import fi.tukipiiri.accounts.AccountProblems.PasswordMismatch;

/** A person's own data: all of it as one export, and erasure of all of it. */
@Service
public class PersonalDataService {

	private final AccountService accounts;

	private final Accounts store;

	private final List<PersonalData> parts;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	PersonalDataService(AccountService accounts, Accounts store, List<PersonalData> parts,
			ApplicationEventPublisher events, Clock clock) {
		this.accounts = accounts;
		this.store = store;
		this.parts = parts;
		this.events = events;
		this.clock = clock;
	}

	public record Profile(UUID id, String username, String displayName, java.util.Set<Role> roles, boolean guest,
			java.time.Instant createdAt, java.time.Instant expiresAt, List<RoleChange> roleChanges) {
	}

	@Transactional(readOnly = true)
	public Map<String, Object> export(UUID accountId) {
		Account account = accounts.getActive(accountId);
		Map<String, Object> export = new LinkedHashMap<>();
		export.put("exportedAt", clock.instant());
		export.put("profile", new Profile(account.id(), account.username(), account.displayName(), account.roles(),
				account.guest(), account.createdAt(), account.expiresAt(), accounts.roleChanges(accountId)));
		parts.forEach(part -> export.put(part.part(), part.exportOf(accountId)));
		return export;
	}

	/**
	 * Deletes the account and everything held about the person; a registered person
	 * confirms with their password. The last administrator cannot leave.
	 */
	@Transactional
	public void erase(UUID accountId, String password) {
		store.lockAdminRoles();
		Account account = accounts.getActive(accountId);
		if (!account.guest()
				&& (password == null || accounts.verifyCredentials(account.username(), password).isEmpty())) {
			throw new PasswordMismatch();
		}
		eraseConfirmed(account);
	}

	/** Erases a guest pass that has expired (retention). */
	@Transactional
	void eraseGuest(UUID accountId) {
		Account account = accounts.get(accountId);
		if (account.guest()) {
			eraseConfirmed(account);
		}
	}

	private void eraseConfirmed(Account account) {
		UUID accountId = account.id();
		if (account.hasRole(Role.ADMIN) && store.countWithRole(Role.ADMIN) <= 1) {
			throw new LastAdmin();
		}
		parts.forEach(part -> part.erase(accountId));
		store.delete(accountId);
		events.publishEvent(new AccountErased(accountId, clock.instant()));
	}

}
