package fi.tukipiiri.auth;

import java.sql.Timestamp;
import java.time.Instant;
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

	record StoredRefreshToken(UUID id, UUID familyId, UUID accountId, Instant expiresAt, Instant usedAt,
			Instant revokedAt) {
	}

	void insert(UUID id, UUID familyId, UUID accountId, String hash, Instant issuedAt, Instant expiresAt) {
		jdbc.sql("""
				insert into refresh_tokens (id, family_id, account_id, token_hash, issued_at, expires_at)
				values (:id, :familyId, :accountId, :hash, :issuedAt, :expiresAt)
				""")
			.param("id", id)
			.param("familyId", familyId)
			.param("accountId", accountId)
			.param("hash", hash)
			.param("issuedAt", Timestamp.from(issuedAt))
			.param("expiresAt", Timestamp.from(expiresAt))
			.update();
	}

	/** Locks the row, so two refreshes racing with one token cannot both succeed. */
	Optional<StoredRefreshToken> findForUpdate(String hash) {
		return jdbc.sql("""
				select id, family_id, account_id, expires_at, used_at, revoked_at
				from refresh_tokens where token_hash = :hash for update
				""")
			.param("hash", hash)
			.query((rs, n) -> new StoredRefreshToken(rs.getObject("id", UUID.class),
					rs.getObject("family_id", UUID.class), rs.getObject("account_id", UUID.class),
					rs.getTimestamp("expires_at").toInstant(), instant(rs.getTimestamp("used_at")),
					instant(rs.getTimestamp("revoked_at"))))
			.optional();
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
