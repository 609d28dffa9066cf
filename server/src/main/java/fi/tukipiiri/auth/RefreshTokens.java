package fi.tukipiiri.auth;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Refresh tokens by the hash of their value; the value itself is never stored. */
@Repository
class RefreshTokens {

	private final JdbcClient jdbc;

	RefreshTokens(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * @param deviceLabel the sign-in's device ({@link DeviceLabels}), null when unknown
	 * @param signedInAt when the sign-in began
	 */
	record StoredRefreshToken(UUID id, UUID familyId, UUID accountId, Instant expiresAt, Instant usedAt,
			Instant revokedAt, String deviceLabel, Instant signedInAt) {
	}

	/**
	 * One sign-in (refresh-token family) that can still refresh.
	 *
	 * @param lastUsedAt when it last refreshed (or began): its current refresh token's
	 * issue time
	 */
	record SignIn(UUID familyId, String deviceLabel, Instant signedInAt, Instant lastUsedAt) {
	}

	void insert(UUID id, UUID familyId, UUID accountId, String hash, Instant issuedAt, Instant expiresAt,
			String deviceLabel, Instant signedInAt) {
		jdbc.sql("""
				insert into refresh_tokens (id, family_id, account_id, token_hash, issued_at, expires_at,
				                            device_label, signed_in_at)
				values (:id, :familyId, :accountId, :hash, :issuedAt, :expiresAt, :deviceLabel, :signedInAt)
				""")
			.param("id", id)
			.param("familyId", familyId)
			.param("accountId", accountId)
			.param("hash", hash)
			.param("issuedAt", Timestamp.from(issuedAt))
			.param("expiresAt", Timestamp.from(expiresAt))
			.param("deviceLabel", deviceLabel)
			.param("signedInAt", Timestamp.from(signedInAt))
			.update();
	}

	/** Locks the row, so two refreshes racing with one token cannot both succeed. */
	Optional<StoredRefreshToken> findForUpdate(String hash) {
		return jdbc.sql("""
				select id, family_id, account_id, expires_at, used_at, revoked_at, device_label,
				       coalesce(signed_in_at, issued_at) as signed_in_at
				from refresh_tokens where token_hash = :hash for update
				""")
			.param("hash", hash)
			.query((rs, n) -> new StoredRefreshToken(rs.getObject("id", UUID.class),
					rs.getObject("family_id", UUID.class), rs.getObject("account_id", UUID.class),
					rs.getTimestamp("expires_at").toInstant(), instant(rs.getTimestamp("used_at")),
					instant(rs.getTimestamp("revoked_at")), rs.getString("device_label"),
					rs.getTimestamp("signed_in_at").toInstant()))
			.optional();
	}

	/**
	 * The account's sign-ins that can still refresh (their current token is unspent,
	 * unrevoked and unexpired), the most recently used first.
	 */
	List<SignIn> liveSignIns(UUID accountId, Instant now) {
		return jdbc.sql("""
				select family_id, device_label, coalesce(signed_in_at, issued_at) as signed_in_at, issued_at
				from refresh_tokens
				where account_id = :accountId and used_at is null and revoked_at is null and expires_at > :now
				order by issued_at desc, family_id
				""")
			.param("accountId", accountId)
			.param("now", Timestamp.from(now))
			.query((rs, n) -> new SignIn(rs.getObject("family_id", UUID.class), rs.getString("device_label"),
					rs.getTimestamp("signed_in_at").toInstant(), rs.getTimestamp("issued_at").toInstant()))
			.list();
	}

	/**
	 * The account's sign-ins other than {@code kept} that may still hold a good access
	 * token or refresh token: one issued a token since {@code accessTokensSince} (an
	 * access token is issued with every refresh token), or holds a refresh token not
	 * revoked.
	 */
	List<UUID> familiesWithLiveTokens(UUID accountId, UUID kept, Instant accessTokensSince) {
		return jdbc.sql("""
				select distinct family_id from refresh_tokens
				where account_id = :accountId and family_id <> :kept
				  and (issued_at > :since or revoked_at is null)
				""")
			.param("accountId", accountId)
			.param("kept", kept)
			.param("since", Timestamp.from(accessTokensSince))
			.query(UUID.class)
			.list();
	}

	/** Whether the sign-in is the account's and can still refresh. */
	boolean isLiveSignInOf(UUID familyId, UUID accountId, Instant now) {
		return jdbc.sql("""
				select exists (select 1 from refresh_tokens
				               where family_id = :familyId and account_id = :accountId and used_at is null
				                 and revoked_at is null and expires_at > :now)
				""")
			.param("familyId", familyId)
			.param("accountId", accountId)
			.param("now", Timestamp.from(now))
			.query(Boolean.class)
			.single();
	}

	void markUsed(UUID id, Instant at) {
		jdbc.sql("update refresh_tokens set used_at = :at where id = :id")
			.param("at", Timestamp.from(at))
			.param("id", id)
			.update();
	}

	void revokeFamily(UUID familyId, Instant at) {
		jdbc.sql("update refresh_tokens set revoked_at = :at where family_id = :familyId and revoked_at is null")
			.param("at", Timestamp.from(at))
			.param("familyId", familyId)
			.update();
	}

	void revokeAllOf(UUID accountId, Instant at) {
		jdbc.sql("update refresh_tokens set revoked_at = :at where account_id = :accountId and revoked_at is null")
			.param("at", Timestamp.from(at))
			.param("accountId", accountId)
			.update();
	}

	/**
	 * Rows that can no longer be used by anyone; kept a while after expiry so reuse is
	 * still recognised.
	 */
	int deleteExpiredBefore(Instant cutoff) {
		return jdbc.sql("delete from refresh_tokens where expires_at < :cutoff")
			.param("cutoff", Timestamp.from(cutoff))
			.update();
	}

	private static Instant instant(Timestamp timestamp) {
		return timestamp == null ? null : timestamp.toInstant();
	}

}
