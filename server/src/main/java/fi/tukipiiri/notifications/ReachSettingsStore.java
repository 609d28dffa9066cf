package fi.tukipiiri.notifications;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import fi.tukipiiri.notifications.NoticeKind.Category;

/** Stored {@link ReachSettings}; an account without a row has the defaults. */
@Repository
class ReachSettingsStore {

	private final JdbcClient jdbc;

	ReachSettingsStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<ReachSettings> find(UUID accountId) {
		return jdbc.sql("select * from reach_settings where account_id = :account")
			.param("account", accountId)
			.query(ReachSettingsStore::settings)
			.optional();
	}

	/**
	 * Makes sure the account has a row, with {@code unsubscribeKey} as its one-click
	 * unsubscribe key (kept if it had one); true if the row is new.
	 */
	boolean ensure(UUID accountId, String unsubscribeKey, Instant at) {
		return jdbc.sql("""
				insert into reach_settings (account_id, unsubscribe_key, updated_at) values (:account, :key, :at)
				on conflict (account_id) do nothing
				""")
			.param("account", accountId)
			.param("key", unsubscribeKey)
			.param("at", Timestamp.from(at))
			.update() == 1;
	}

	/** Writes everything but the address and its proof. */
	void update(UUID accountId, ReachSettings settings, Instant at) {
		jdbc.sql("""
				update reach_settings set language = :language, full_texts = :full, remind_hour_before = :hour,
				  quiet_from = :from, quiet_until = :until, email_channels = cast(:email as text[]),
				  push_channels = cast(:push as text[]), updated_at = :at
				where account_id = :account
				""")
			.param("language", settings.language())
			.param("full", settings.fullTexts())
			.param("hour", settings.remindHourBefore())
			.param("from", settings.quietFrom())
			.param("until", settings.quietUntil())
			.param("email", arrayLiteral(settings.emailCategories()))
			.param("push", arrayLiteral(settings.pushCategories()))
			.param("at", Timestamp.from(at))
			.param("account", accountId)
			.update();
	}

	void updateLanguage(UUID accountId, String language, Instant at) {
		jdbc.sql("update reach_settings set language = :language, updated_at = :at where account_id = :account")
			.param("language", language)
			.param("at", Timestamp.from(at))
			.param("account", accountId)
			.update();
	}

	/** Sets (verified) or removes ({@code email} null) the address. */
	void setEmail(UUID accountId, String email, Instant verifiedAt, Instant at) {
		jdbc.sql("update reach_settings set email = :email, email_verified_at = :verified, updated_at = :at"
				+ " where account_id = :account")
			.param("email", email)
			.param("verified", verifiedAt == null ? null : Timestamp.from(verifiedAt))
			.param("at", Timestamp.from(at))
			.param("account", accountId)
			.update();
	}

	/**
	 * Whether another account has already verified this address (compared
	 * case-insensitively).
	 */
	boolean verifiedElsewhere(String email, UUID accountId) {
		return jdbc
			.sql("""
					select exists (select 1 from reach_settings
					               where lower(email) = lower(:email) and email_verified_at is not null and account_id <> :account)
					""")
			.param("email", email)
			.param("account", accountId)
			.query(Boolean.class)
			.single();
	}

	/** The account whose verified address this is. */
	Optional<UUID> accountWithVerified(String email) {
		return jdbc.sql(
				"select account_id from reach_settings where lower(email) = lower(:email) and email_verified_at is not null")
			.param("email", email)
			.query(UUID.class)
			.optional();
	}

	Optional<String> unsubscribeKey(UUID accountId) {
		return jdbc.sql("select unsubscribe_key from reach_settings where account_id = :account")
			.param("account", accountId)
			.query(String.class)
			.optional();
	}

	Optional<UUID> accountWithUnsubscribeKey(String key) {
		return jdbc.sql("select account_id from reach_settings where unsubscribe_key = :key")
			.param("key", key)
			.query(UUID.class)
			.optional();
	}

	void replaceUnsubscribeKey(UUID accountId, String key) {
		jdbc.sql("update reach_settings set unsubscribe_key = :key where account_id = :account")
			.param("key", key)
			.param("account", accountId)
			.update();
	}

	/** Takes one category out of what is e-mailed. */
	void stopEmailing(UUID accountId, Category category, Instant at) {
		jdbc.sql("""
				update reach_settings set email_channels = array_remove(email_channels, :category), updated_at = :at
				where account_id = :account
				""")
			.param("category", category.name())
			.param("at", Timestamp.from(at))
			.param("account", accountId)
			.update();
	}

	private static String arrayLiteral(Set<Category> categories) {
		return categories.stream().map(Category::name).sorted().collect(Collectors.joining(",", "{", "}"));
	}

	private static ReachSettings settings(ResultSet rs, int row) throws SQLException {
		return new ReachSettings(rs.getString("language"), rs.getString("email"),
				rs.getTimestamp("email_verified_at") != null, rs.getBoolean("full_texts"),
				rs.getBoolean("remind_hour_before"), time(rs, "quiet_from"), time(rs, "quiet_until"),
				categories(rs.getArray("email_channels")), categories(rs.getArray("push_channels")));
	}

	private static LocalTime time(ResultSet rs, String column) throws SQLException {
		return rs.getObject(column, LocalTime.class);
	}

	private static Set<Category> categories(Array array) throws SQLException {
		Set<Category> categories = EnumSet.noneOf(Category.class);
		Arrays.stream((String[]) array.getArray())
			.filter(name -> Arrays.stream(Category.values()).anyMatch(c -> c.name().equals(name)))
			.forEach(name -> categories.add(Category.valueOf(name)));
		return categories;
	}

}
