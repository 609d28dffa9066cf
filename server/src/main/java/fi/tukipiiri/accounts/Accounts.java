package fi.tukipiiri.accounts;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import fi.tukipiiri.text.TextPolicy;

/** The account table and its roles. */
@Repository
class Accounts {

	private static final String SELECT = """
			select a.id, a.username, a.display_name, a.password_hash, a.guest, a.created_at, a.expires_at,
			       coalesce(array_agg(r.role) filter (where r.role is not null), '{}') as roles
			from accounts a left join account_roles r on r.account_id = a.id
			""";

	private final JdbcClient jdbc;

	Accounts(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** An account row with its password hash, which never leaves this package. */
	record StoredAccount(Account account, String passwordHash) {
	}

	void insert(Account account, String passwordHash) {
		jdbc.sql(
				"""
						insert into accounts (id, username, display_name, display_name_skeleton, password_hash, guest, created_at, expires_at)
						values (:id, :username, :displayName, :skeleton, :passwordHash, :guest, :createdAt, :expiresAt)
						""")
			.param("id", account.id())
			.param("username", account.username())
			.param("displayName", account.displayName())
			.param("skeleton", TextPolicy.skeleton(account.displayName()))
			.param("passwordHash", passwordHash)
			.param("guest", account.guest())
			.param("createdAt", Timestamp.from(account.createdAt()))
			.param("expiresAt", account.expiresAt() == null ? null : Timestamp.from(account.expiresAt()))
			.update();
		replaceRoles(account.id(), account.roles());
	}

	Optional<StoredAccount> findById(UUID id) {
		return jdbc.sql(SELECT + " where a.id = :id and a.deleted_at is null group by a.id")
			.param("id", id)
			.query(Accounts::map)
			.optional();
	}

	/**
	 * {@code canonical} is {@link Credentials#canonicalUsername}; stored usernames follow
	 * the same ASCII rule (a check constraint), and {@code lower} under the C collation
	 * folds only A–Z, so both sides are folded alike.
	 */
	Optional<StoredAccount> findByUsername(String canonical) {
		return jdbc
			.sql(SELECT + " where lower(a.username collate \"C\") = :username and a.deleted_at is null group by a.id")
			.param("username", canonical)
			.query(Accounts::map)
			.optional();
	}

	boolean usernameExists(String canonical) {
		return jdbc.sql("select count(*) from accounts where lower(username collate \"C\") = :username")
			.param("username", canonical)
			.query(Long.class)
			.single() > 0;
	}

	List<Account> list(String search, int limit, int offset) {
		String filter = search == null || search.isBlank() ? ""
				: " and (lower(a.username) like lower(:pattern) or lower(a.display_name) like lower(:pattern))";
		JdbcClient.StatementSpec statement = jdbc
			.sql(SELECT + " where a.deleted_at is null" + filter
					+ " group by a.id order by a.created_at desc, a.id limit :limit offset :offset")
			.param("limit", limit)
			.param("offset", offset);
		if (!filter.isEmpty()) {
			statement = statement.param("pattern", "%" + escapeLike(search) + "%");
		}
		return statement.query(Accounts::map).list().stream().map(StoredAccount::account).toList();
	}

	/** Registered accounts holding at least one of the roles, by display name. */
	List<Account> withAnyRole(Set<Role> roles, int limit) {
		return jdbc.sql(SELECT + """
				 where a.deleted_at is null and not a.guest
				   and exists (select 1 from account_roles x where x.account_id = a.id and x.role in (:roles))
				 group by a.id order by lower(a.display_name), a.id limit :limit
				""")
			.param("roles", roles.stream().map(Role::name).toList())
			.param("limit", limit)
			.query(Accounts::map)
			.list()
			.stream()
			.map(StoredAccount::account)
			.toList();
	}

	/**
	 * Whether an account other than {@code self} that holds one of the roles has a
	 * display name with this skeleton.
	 */
	boolean looksLikeStaff(String skeleton, Set<Role> roles, UUID self) {
		return jdbc.sql("""
				select exists (select 1 from accounts a join account_roles r on r.account_id = a.id
				               where a.display_name_skeleton = :skeleton and a.deleted_at is null and r.role in (:roles)
				                 and a.id <> :self)
				""")
			.param("skeleton", skeleton)
			.param("roles", roles.stream().map(Role::name).toList())
			.param("self", self)
			.query(Boolean.class)
			.single();
	}

	/** A display name stored before its skeleton was kept. */
	record Unkeyed(UUID id, String displayName) {
	}

	List<Unkeyed> withoutSkeleton(int limit) {
		return jdbc
			.sql("select id, display_name from accounts where display_name_skeleton is null order by id limit :limit")
			.param("limit", limit)
			.query((rs, n) -> new Unkeyed(rs.getObject("id", UUID.class), rs.getString("display_name")))
			.list();
	}

	/**
	 * Stores the name in its canonical form with its skeleton, unless another node has
	 * done it meanwhile.
	 */
	void keyName(UUID id, String displayName, String skeleton) {
		jdbc.sql("""
				update accounts set display_name = :displayName, display_name_skeleton = :skeleton
				where id = :id and display_name_skeleton is null
				""").param("id", id).param("displayName", displayName).param("skeleton", skeleton).update();
	}

	void updatePasswordHash(UUID id, String passwordHash) {
		jdbc.sql("update accounts set password_hash = :hash where id = :id")
			.param("hash", passwordHash)
			.param("id", id)
			.update();
	}

	void updateDisplayName(UUID id, String displayName) {
		jdbc.sql("update accounts set display_name = :name, display_name_skeleton = :skeleton where id = :id")
			.param("name", displayName)
			.param("skeleton", TextPolicy.skeleton(displayName))
			.param("id", id)
			.update();
	}

	long countWithRole(Role role) {
		return jdbc.sql("""
				select count(*) from account_roles r join accounts a on a.id = r.account_id
				where r.role = :role and a.deleted_at is null
				""").param("role", role.name()).query(Long.class).single();
	}

	/**
	 * Deletes the account; what refers to it is deleted or loses the reference, as the
	 * schema says.
	 */
	void delete(UUID id) {
		jdbc.sql("delete from accounts where id = :id").param("id", id).update();
	}

	/**
	 * Locks the account row so concurrent role changes (e.g. removing the last two
	 * admins) serialise.
	 */
	void lockForUpdate(UUID id) {
		jdbc.sql("select id from accounts where id = :id for update").param("id", id).query(UUID.class).optional();
	}

	/** Serialises all changes that could remove the last administrator. */
	void lockAdminRoles() {
		jdbc.sql("select pg_advisory_xact_lock(hashtext('tukipiiri.admin-roles'))").query().rowSet();
	}

	void replaceRoles(UUID id, Set<Role> roles) {
		jdbc.sql("delete from account_roles where account_id = :id").param("id", id).update();
		for (Role role : roles) {
			jdbc.sql("insert into account_roles (account_id, role) values (:id, :role)")
				.param("id", id)
				.param("role", role.name())
				.update();
		}
	}

	void recordRoleChange(RolesChanged change) {
		jdbc.sql("""
				insert into role_changes (account_id, changed_by, previous_roles, new_roles, changed_at, invitation_id)
				values (:accountId, :changedBy, :previous, :next, :at, :invitationId)
				""")
			.param("accountId", change.accountId())
			.param("changedBy", change.changedBy())
			.param("previous", joined(change.previousRoles()))
			.param("next", joined(change.newRoles()))
			.param("at", Timestamp.from(change.changedAt()))
			.param("invitationId", change.invitationId())
			.update();
	}

	List<RoleChange> roleChanges(UUID accountId) {
		return jdbc.sql("""
				select c.changed_at, c.changed_by, b.display_name as changed_by_name, c.previous_roles, c.new_roles,
				       c.invitation_id
				from role_changes c left join accounts b on b.id = c.changed_by
				where c.account_id = :id order by c.changed_at desc, c.id desc
				""")
			.param("id", accountId)
			.query((rs, n) -> new RoleChange(rs.getTimestamp("changed_at").toInstant(),
					rs.getObject("changed_by", UUID.class), rs.getString("changed_by_name"),
					parseRoles(rs.getString("previous_roles")), parseRoles(rs.getString("new_roles")),
					rs.getObject("invitation_id", UUID.class)))
			.list();
	}

	private static String joined(Set<Role> roles) {
		return roles.stream().map(Role::name).sorted().collect(Collectors.joining(","));
	}

	private static Set<Role> parseRoles(String joined) {
		EnumSet<Role> roles = EnumSet.noneOf(Role.class);
		if (!joined.isEmpty()) {
			Arrays.stream(joined.split(",")).map(Role::valueOf).forEach(roles::add);
		}
		return roles;
	}

	private static String escapeLike(String text) {
		return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}

	private static StoredAccount map(ResultSet rs, int row) throws SQLException {
		Array array = rs.getArray("roles");
		EnumSet<Role> roles = EnumSet.noneOf(Role.class);
		for (Object role : (Object[]) array.getArray()) {
			roles.add(Role.valueOf((String) role));
		}
		Timestamp expires = rs.getTimestamp("expires_at");
		Account account = new Account(rs.getObject("id", UUID.class), rs.getString("username"),
				rs.getString("display_name"), roles, rs.getBoolean("guest"), rs.getTimestamp("created_at").toInstant(),
				expires == null ? null : expires.toInstant());
		return new StoredAccount(account, rs.getString("password_hash"));
	}

}
