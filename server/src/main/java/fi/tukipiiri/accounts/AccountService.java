package fi.tukipiiri.accounts;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import fi.tukipiiri.accounts.AccountProblems.AccountNotFound;
import fi.tukipiiri.accounts.AccountProblems.GuestRolesFixed;
import fi.tukipiiri.accounts.AccountProblems.LastAdmin;
import fi.tukipiiri.accounts.AccountProblems.UsernameTaken;

/** Creating, finding and verifying accounts, and changing their roles. */
@Service
public class AccountService {

	private final Accounts accounts;
	private final PasswordEncoder passwords;
	private final ApplicationEventPublisher events;
	private final AccountSettings settings;
	private final Clock clock;
	/** Compared against when the username is unknown, so a miss costs as long as a wrong password. */
	private final String unknownUserHash;

	AccountService(Accounts accounts, PasswordEncoder passwords, ApplicationEventPublisher events,
			AccountSettings settings, Clock clock) {
		this.accounts = accounts;
		this.passwords = passwords;
		this.events = events;
		this.settings = settings;
		this.clock = clock;
		this.unknownUserHash = passwords.encode(UUID.randomUUID().toString());
	}

	@Transactional
	public Account register(String username, String password, String displayName) {
		return create(username, password, displayName, EnumSet.of(Role.PARENT));
	}

	@Transactional
	public Account createGuest(String nickname) {
		Instant now = clock.instant();
		Account guest = new Account(UUID.randomUUID(), null, Credentials.normaliseDisplayName(nickname),
				EnumSet.of(Role.PARENT), true, now, now.plus(settings.guestLifetime()));
		accounts.insert(guest, null);
		return guest;
	}

	/** The account these credentials belong to, if they are right; equally slow whether or not the user exists. */
	@Transactional(readOnly = true)
	public Optional<Account> verifyCredentials(String username, String password) {
		Optional<Accounts.StoredAccount> stored = Credentials.canonicalUsername(username).flatMap(accounts::findByUsername);
		String hash = stored.map(Accounts.StoredAccount::passwordHash).orElse(unknownUserHash);
		boolean matches = hash != null && passwords.matches(password, hash);
		return stored.filter(s -> matches).map(Accounts.StoredAccount::account);
	}

	/** The account if it exists, is not erased and (for a guest) has not expired. */
	@Transactional(readOnly = true)
	public Optional<Account> findActive(UUID id) {
		return accounts.findById(id).map(Accounts.StoredAccount::account).filter(a -> a.isActiveAt(clock.instant()));
	}

	/** Like {@link #findActive}, but refuses with {@code accounts.not_found}. */
	@Transactional(readOnly = true)
	public Account getActive(UUID id) {
		return findActive(id).orElseThrow(AccountNotFound::new);
	}

	@Transactional(readOnly = true)
	public Account get(UUID id) {
		return accounts.findById(id).map(Accounts.StoredAccount::account).orElseThrow(AccountNotFound::new);
	}

	@Transactional(readOnly = true)
	public List<Account> list(String search, int limit, int offset) {
		return accounts.list(search, limit, offset);
	}

	/** The people who can lead or co-host groups: registered accounts that are facilitators or peer supporters. */
	@Transactional(readOnly = true)
	public List<Account> staff(int limit) {
		return accounts.withAnyRole(EnumSet.of(Role.FACILITATOR, Role.PEER_SUPPORTER), limit);
	}

	/**
	 * The coordinators and administrators: the people a safety signal is escalated to when nobody in its room can
	 * answer it. Registered, not erased; ordered by display name.
	 */
	@Transactional(readOnly = true)
	public List<Account> coordinatorsAndAdministrators() {
		return accounts.withAnyRole(EnumSet.of(Role.COORDINATOR, Role.ADMIN), Integer.MAX_VALUE);
	}

	@Transactional(readOnly = true)
	public List<RoleChange> roleChanges(UUID accountId) {
		get(accountId);
		return accounts.roleChanges(accountId);
	}

	@Transactional
	public Account changeRoles(UUID accountId, Set<Role> newRoles, UUID changedBy) {
		accounts.lockAdminRoles();
		accounts.lockForUpdate(accountId);
		Account account = get(accountId);
		Set<Role> roles = newRoles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(newRoles);
		if (account.guest() && !roles.equals(EnumSet.of(Role.PARENT))) {
			throw new GuestRolesFixed();
		}
		if (account.hasRole(Role.ADMIN) && !roles.contains(Role.ADMIN) && accounts.countWithRole(Role.ADMIN) <= 1) {
			throw new LastAdmin();
		}
		if (roles.equals(account.roles())) {
			return account;
		}
		accounts.replaceRoles(accountId, roles);
		RolesChanged change = new RolesChanged(accountId, account.roles(), roles, changedBy, clock.instant());
		accounts.recordRoleChange(change);
		events.publishEvent(change);
		return get(accountId);
	}

	/** Creates the first administrator on an empty database; false if one already exists. */
	@Transactional
	boolean createFirstAdmin(String username, String password) {
		accounts.lockAdminRoles();
		if (accounts.countWithRole(Role.ADMIN) > 0) {
			return false;
		}
		create(username, password, username, EnumSet.of(Role.ADMIN));
		return true;
	}

	private Account create(String username, String password, String displayName, Set<Role> roles) {
		String canonical = Credentials.canonicalUsername(username)
				.orElseThrow(() -> new IllegalArgumentException("A username outside the rule reached account creation"));
		if (accounts.usernameExists(canonical)) {
			throw new UsernameTaken();
		}
		Account account = new Account(UUID.randomUUID(), username, Credentials.normaliseDisplayName(displayName), roles,
				false, clock.instant(), null);
		try {
			accounts.insert(account, passwords.encode(password));
		}
		catch (DuplicateKeyException raced) {
			throw new UsernameTaken();
		}
		return account;
	}
}
