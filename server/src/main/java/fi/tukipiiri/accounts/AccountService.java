package fi.tukipiiri.accounts;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
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
import fi.tukipiiri.accounts.AccountProblems.PasswordMismatch;
import fi.tukipiiri.accounts.AccountProblems.RegisteredOnly;
import fi.tukipiiri.accounts.AccountProblems.UsernameTaken;
import fi.tukipiiri.platform.InvalidFields;
import fi.tukipiiri.text.FieldLimit;
import fi.tukipiiri.text.TextFields;
import fi.tukipiiri.text.TextPolicy;

/**
 * Creating, finding and verifying accounts, changing their roles, and a person's own
 * changes to their name and password.
 */
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

	private final RecoveryCodes recoveryCodes;

	/**
	 * Compared against when the username is unknown, so a miss costs as long as a wrong
	 * password.
	 */
	private final String unknownUserHash;

	AccountService(Accounts accounts, PasswordEncoder passwords, ApplicationEventPublisher events,
			AccountSettings settings, Clock clock, RecoveryCodes recoveryCodes) {
		this.accounts = accounts;
		this.recoveryCodes = recoveryCodes;
		this.passwords = passwords;
		this.events = events;
		this.settings = settings;
		this.clock = clock;
		this.unknownUserHash = passwords.encode(UUID.randomUUID().toString());
	}

	/**
	 * A new account and its first recovery codes.
	 *
	 * @param recoveryCodes ten single-use codes ({@code XXXX-XXXX-XXXX-XXXX}), here and
	 * nowhere else in plain: only their salted hashes are stored
	 */
	public record Registration(Account account, List<String> recoveryCodes) {

		public Registration {
			recoveryCodes = List.copyOf(recoveryCodes);
		}
	}

	/**
	 * Registers a parent. Every field is checked before anything is stored and every
	 * wrong one is named in one answer: the username (3–32 of {@code A–Z a–z 0–9 . _ -}),
	 * the password (10–128 code points, at most 72 bytes of UTF-8, no control characters;
	 * kept exactly as typed) and the display name ({@link TextPolicy#name}, 2–40 code
	 * points, and not a look-alike of a staff member's name). The display name is stored
	 * in its canonical form. Ten recovery codes are made with the account
	 * ({@link AccountRecovery}).
	 * @throws InvalidFields {@code validation.failed} naming each refused field
	 * ({@code impersonation} for a look-alike)
	 * @throws UsernameTaken if the username is in use, in any case
	 */
	@Transactional
	public Registration register(String username, String password, String displayName) {
		UUID id = UUID.randomUUID();
		TextFields fields = new TextFields();
		String checkedUsername = username(fields, username);
		String checkedPassword = fields.check("password", Credentials.PASSWORD, password);
		String name = displayName(fields, "displayName", Credentials.DISPLAY_NAME, displayName, id);
		fields.throwIfRefused();
		Account account = create(id, checkedUsername, checkedPassword, name, EnumSet.of(Role.PARENT));
		return new Registration(account, newRecoveryCodes(id));
	}

	/**
	 * Sets a new password for the account and ends every sign-in of it (every refresh
	 * token family), every access token and every live connection standing on one, on
	 * every node, before the change commits: {@link PasswordChanged} without a kept
	 * sign-in, which the auth feature acts on in this transaction. While Redis cannot
	 * record the revocations the whole change is refused ({@code server.unavailable}), so
	 * the password never changes with old sessions still good (decision 23). This is the
	 * one way a forgotten password is replaced: after a recovery code
	 * ({@link AccountRecovery#recover}), and after any other proof of who one is. The
	 * caller has proved it; this method does not ask for the old password.
	 * @param newPassword 10–128 code points, at most 72 bytes of UTF-8, no control
	 * characters; kept exactly as typed
	 * @throws InvalidFields {@code validation.failed} for the field {@code newPassword}
	 * @throws AccountNotFound {@code accounts.not_found} for an account that is gone
	 * @throws RegisteredOnly {@code accounts.registered_only} for a guest pass
	 */
	@Transactional
	public void resetPassword(UUID accountId, String newPassword) {
		String checked = checkNewPassword(newPassword);
		accounts.lockForUpdate(accountId);
		registered(accountId);
		storePassword(accountId, checked, null);
	}

	/**
	 * A signed-in person replaces their password, confirming with the current one. Every
	 * other sign-in of theirs ends, with its access tokens and live connections, on every
	 * node; {@code keptSignIn}, the one they are changing it from, goes on.
	 * @throws InvalidFields {@code validation.failed} for the field {@code newPassword}
	 * @throws PasswordMismatch {@code accounts.password_mismatch} when
	 * {@code currentPassword} is not the password
	 * @throws RegisteredOnly {@code accounts.registered_only} for a guest pass
	 */
	@Transactional
	public void changePassword(UUID accountId, String currentPassword, String newPassword, UUID keptSignIn) {
		String checked = checkNewPassword(newPassword);
		accounts.lockForUpdate(accountId);
		requirePassword(registered(accountId), currentPassword);
		storePassword(accountId, checked, keptSignIn);
	}

	/**
	 * The new password as it will be stored, if it follows the rules
	 * ({@link #register}'s).
	 * @throws InvalidFields {@code validation.failed} for the field {@code newPassword}
	 */
	public String checkNewPassword(String newPassword) {
		TextFields fields = new TextFields();
		String checked = fields.check("newPassword", Credentials.PASSWORD, newPassword);
		fields.throwIfRefused();
		return checked;
	}

	/**
	 * A registered person takes a new display name, checked exactly as at registration:
	 * the text policy ({@link TextPolicy#name}, 2–40 code points) and not a look-alike of
	 * a staff member's name (their own name aside). Stored in its canonical form;
	 * {@link DisplayNameChanged} is published when it differs from the old one.
	 * @throws InvalidFields {@code validation.failed} for the field {@code displayName}
	 * ({@code impersonation} for a look-alike)
	 * @throws RegisteredOnly {@code accounts.registered_only} for a guest pass, whose
	 * nickname lasts only as long as the pass
	 */
	@Transactional
	public Account changeDisplayName(UUID accountId, String displayName) {
		accounts.lockForUpdate(accountId);
		Account account = registered(accountId);
		TextFields fields = new TextFields();
		String name = displayName(fields, "displayName", Credentials.DISPLAY_NAME, displayName, accountId);
		fields.throwIfRefused();
		if (name.equals(account.displayName())) {
			return account;
		}
		accounts.updateDisplayName(accountId, name);
		events.publishEvent(new DisplayNameChanged(accountId, account.displayName(), name, clock.instant()));
		return get(accountId);
	}

	/**
	 * The active, registered account.
	 * @throws AccountNotFound {@code accounts.not_found} for an account that is gone
	 * @throws RegisteredOnly {@code accounts.registered_only} for a guest pass
	 */
	@Transactional(readOnly = true)
	public Account registered(UUID accountId) {
		Account account = getActive(accountId);
		if (account.guest()) {
			throw new RegisteredOnly();
		}
		return account;
	}

	/**
	 * @throws PasswordMismatch {@code accounts.password_mismatch} unless {@code password}
	 * is the account's password
	 */
	void requirePassword(Account account, String password) {
		if (password == null || verifyCredentials(account.username(), password).isEmpty()) {
			throw new PasswordMismatch();
		}
	}

	/**
	 * Replaces the account's recovery codes with ten new ones and returns them, in plain,
	 * once.
	 */
	List<String> newRecoveryCodes(UUID accountId) {
		List<String> codes = new ArrayList<>(AccountRecovery.CODES);
		List<RecoveryCodes.StoredCode> stored = new ArrayList<>(AccountRecovery.CODES);
		for (int i = 0; i < AccountRecovery.CODES; i++) {
			String code = LookupSecrets.newCode();
			byte[] salt = LookupSecrets.newSalt();
			codes.add(code);
			stored.add(new RecoveryCodes.StoredCode(UUID.randomUUID(), salt,
					LookupSecrets.hash(salt, LookupSecrets.normalise(code).orElseThrow())));
		}
		recoveryCodes.replace(accountId, stored, clock.instant());
		return codes;
	}

	private void storePassword(UUID accountId, String password, UUID keptSignIn) {
		accounts.updatePasswordHash(accountId, passwords.encode(password));
		events.publishEvent(new PasswordChanged(accountId, keptSignIn, clock.instant()));
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
