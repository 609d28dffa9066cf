package fi.tukipiiri.notifications.email;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Links sent to prove an address ({@code email_verifications}), kept as the SHA-256 of
 * their token.
 */
@Repository
class EmailVerifications {

	/** An unused link. */
	record Pending(UUID accountId, String email, Instant expiresAt) {
	}

	private final JdbcClient jdbc;

	EmailVerifications(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void add(String tokenHash, UUID accountId, String email, String purpose, Instant expiresAt) {
		jdbc.sql("""
				insert into email_verifications (token_hash, account_id, email, purpose, expires_at)
				values (:hash, :account, :email, :purpose, :expires)
				""")
			.param("hash", tokenHash)
			.param("account", accountId)
			.param("email", email)
			.param("purpose", purpose)
			.param("expires", Timestamp.from(expiresAt))
			.update();
	}

	/** How many links of this purpose the account was sent since {@code since}. */
	int sentSince(UUID accountId, String purpose, Instant since) {
		return jdbc.sql("""
				select count(*) from email_verifications
				where account_id = :account and purpose = :purpose and expires_at > :since
				""")
			.param("account", accountId)
			.param("purpose", purpose)
			.param("since", Timestamp.from(since))
			.query(Integer.class)
			.single();
	}

	/**
	 * Uses the link once: the unused, unexpired link of this purpose with this token,
	 * marked used now; empty if there is none (unknown, used or expired).
	 */
	Optional<Pending> use(String tokenHash, String purpose, Instant now) {
		return jdbc.sql("""
				update email_verifications set used_at = :now
				where token_hash = :hash and purpose = :purpose and used_at is null and expires_at > :now
				returning account_id, email, expires_at
				""")
			.param("now", Timestamp.from(now))
			.param("hash", tokenHash)
			.param("purpose", purpose)
			.query((rs, n) -> new Pending(rs.getObject("account_id", UUID.class), rs.getString("email"),
					rs.getTimestamp("expires_at").toInstant()))
			.optional();
	}

	/** Makes every unused link of the account and purpose unusable. */
	void withdrawAll(UUID accountId, String purpose, Instant now) {
		jdbc.sql("""
				update email_verifications set used_at = :now
				where account_id = :account and purpose = :purpose and used_at is null
				""").param("now", Timestamp.from(now)).param("account", accountId).param("purpose", purpose).update();
	}

	int deleteExpiredBefore(Instant before) {
		return jdbc.sql("delete from email_verifications where expires_at < :before")
			.param("before", Timestamp.from(before))
			.update();
	}

}
