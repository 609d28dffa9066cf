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
import fi.tukipiiri.platform.InvalidFields;
import fi.tukipiiri.text.FieldLimit;
import fi.tukipiiri.text.TextFields;
import fi.tukipiiri.text.TextPolicy;

/** Creating, finding and verifying accounts, and changing their roles. */
@Service
public class AccountService {

	/**
	 * The roles whose holders' names nobody else may take on, even in a look-alike form.
	 */
	private static final Set<Role> STAFF = EnumSet.of(Role.FACILITATOR, Role.PEER_SUPPORTER, Role.COORDINATOR,
			Role.ADMIN);

	private final Accounts accounts;

	private final PasswordEncoder passwords;

	private final ApplicationEventPublisher events;

	private final AccountSettings settings;

	private final Clock clock;

	/**
	 * Compared against when the username is unknown, so a miss costs as long as a wrong
	 * password.
	 */
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

	/**
	 * Registers a parent. Every field is checked before anything is stored and every
	 * wrong one is named in one answer: the username (3–32 of {@code A–Z a–z 0–9 . _ -}),
	 * the password (10–128 code points, at most 72 bytes of UTF-8, no control characters;
	 * kept exactly as typed) and the display name ({@link TextPolicy#name}, 2–40 code
	 * points, and not a look-alike of a staff member's name). The display name is stored
	 * in its canonical form.
	 * @throws InvalidFields {@code validation.failed} naming each refused field
	 * ({@code impersonation} for a look-alike)
	 * @throws UsernameTaken if the username is in use, in any case
	 */
	@Transactional
	public Account register(String username, String password, String displayName) {
		UUID id = UUID.randomUUID();
		TextFields fields = new TextFields();
		String checkedUsername = username(fields, username);
		String checkedPassword = fields.check("password", Credentials.PASSWORD, password);
		String name = displayName(fields, "displayName", Credentials.DISPLAY_NAME, displayName, id);
		fields.throwIfRefused();
		return create(id, checkedUsername, checkedPassword, name, EnumSet.of(Role.PARENT));
	}

	/**
	 * A guest pass under a nickname, checked like a display name.
	 * @throws InvalidFields {@code validation.failed} for the field {@code nickname}
	 */
	@Transactional
	public Account createGuest(String nickname) {
		UUID id = UUID.randomUUID();
		TextFields fields = new TextFields();
		String name = displayName(fields, "nickname", Credentials.NICKNAME, nickname, id);
		fields.throwIfRefused();
		Instant now = clock.instant();
		Account guest = new Account(id, null, name, EnumSet.of(Role.PARENT), true, now,
				now.plus(settings.guestLifetime()));
		accounts.insert(guest, null);
		return guest;
	}

	/**
	 * The account these credentials belong to, if they are right; equally slow whether or
	 * not the user exists.
	 */
	@Transactional(readOnly = true)
	public Optional<Account> verifyCredentials(String username, String password) {
		Optional<Accounts.StoredAccount> stored = Credentials.canonicalUsername(username)
			.flatMap(accounts::findByUsername);
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

	/**
	 * Accounts, newest first; {@code search} (optional, up to 64 code points) is folded
	 * like a title and normalised to NFC, so a name stored from decomposed input is found
	 * by the usual typing and the other way round.
	 * @throws InvalidFields {@code validation.failed} for the field {@code q}
	 */
	@Transactional(readOnly = true)
	public List<Account> list(String search, int limit, int offset) {
		return accounts.list(Credentials.SEARCH.check(search).orThrow("q"), limit, offset);
	}

	/**
	 * The people who can lead or co-host groups: registered accounts that are
	 * facilitators or peer supporters.
	 */
	@Transactional(readOnly = true)
	public List<Account> staff(int limit) {
		return accounts.withAnyRole(EnumSet.of(Role.FACILITATOR, Role.PEER_SUPPORTER), limit);
	}

	/**
	 * The coordinators and administrators: the people a safety signal is escalated to
	 * when nobody in its room can answer it. Registered, not erased; ordered by display
	 * name.
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
		RolesChanged change = new RolesChanged(accountId, account.roles(), roles, changedBy, clock.instant(), null);
		accounts.recordRoleChange(change);
		events.publishEvent(change);
		return get(accountId);
	}

	/**
	 * Adds one role to a registered person's roles because they accepted an invitation to
	 * it. The change goes into the role history in the name of the person who invited
	 * ({@code invitedBy}, null when that account is gone), with the invitation; nothing
	 * is recorded when the person holds the role already. Runs in the caller's
	 * transaction.
	 * @throws AccountNotFound {@code accounts.not_found} for an account that is gone
	 * @throws GuestRolesFixed {@code accounts.guest_roles_fixed} for a guest pass
	 */
	@Transactional
	public Account grantByInvitation(UUID accountId, Role role, UUID invitedBy, UUID invitationId) {
		accounts.lockForUpdate(accountId);
		Account account = getActive(accountId);
		if (account.guest()) {
			throw new GuestRolesFixed();
		}
		if (account.hasRole(role)) {
			return account;
		}
		EnumSet<Role> roles = EnumSet.of(role);
		roles.addAll(account.roles());
		accounts.replaceRoles(accountId, roles);
		RolesChanged change = new RolesChanged(accountId, account.roles(), roles, invitedBy, clock.instant(),
				invitationId);
		accounts.recordRoleChange(change);
		events.publishEvent(change);
		return get(accountId);
	}

	/**
	 * Creates the first administrator on an empty database; false if one already exists.
	 */
	@Transactional
	boolean createFirstAdmin(String username, String password) {
		accounts.lockAdminRoles();
		if (accounts.countWithRole(Role.ADMIN) > 0) {
			return false;
		}
		create(UUID.randomUUID(), username, password, Credentials.DISPLAY_NAME.check(username).orThrow("displayName"),
				EnumSet.of(Role.ADMIN));
		return true;
	}

	private String username(TextFields fields, String username) {
		String checked = fields.check("username", Credentials.USERNAME, username);
		if (username != null && !username.isEmpty() && TextPolicy.forbiddenCharacter(username, false).isEmpty()
				&& !username.matches(Credentials.USERNAME_PATTERN)) {
			fields.refuse("username", "pattern", "must match \"" + Credentials.USERNAME_PATTERN + "\"");
		}
		return checked;
	}

	/**
	 * The canonical name, or null if it is refused, also when it could pass for a staff
	 * member's name.
	 */
	private String displayName(TextFields fields, String field, FieldLimit limit, String raw, UUID self) {
		String name = fields.check(field, limit, raw);
		if (name != null && accounts.looksLikeStaff(TextPolicy.skeleton(name), STAFF, self)) {
			fields.refuse(field, "impersonation",
					"This name could be mistaken for the name of one of the service's staff.");
			return null;
		}
		return name;
	}

	private Account create(UUID id, String username, String password, String displayName, Set<Role> roles) {
		String canonical = Credentials.canonicalUsername(username)
			.orElseThrow(() -> new IllegalArgumentException("A username outside the rule reached account creation"));
		if (accounts.usernameExists(canonical)) {
			throw new UsernameTaken();
		}
		Account account = new Account(id, username, displayName, roles, false, clock.instant(), null);
		try {
			accounts.insert(account, passwords.encode(password));
		}
		catch (DuplicateKeyException raced) {
			throw new UsernameTaken();
		}
		return account;
	}

}
