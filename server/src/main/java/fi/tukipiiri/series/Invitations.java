package fi.tukipiiri.series;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Invitation codes to closed series, stored as hashes. */
@Repository
class Invitations {

	private final JdbcClient jdbc;

	Invitations(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(UUID seriesId, String codeHash, UUID createdBy, Instant createdAt, Instant expiresAt, int maxUses) {
		jdbc.sql("""
				insert into series_invitations (id, series_id, code_hash, created_by, created_at, expires_at, max_uses)
				values (:id, :series, :hash, :by, :at, :expires, :max)
				""")
				.param("id", UUID.randomUUID()).param("series", seriesId).param("hash", codeHash).param("by", createdBy)
				.param("at", Timestamp.from(createdAt)).param("expires", Timestamp.from(expiresAt)).param("max", maxUses).update();
	}

	/** Takes one use of a valid code and returns its series; empty for an unknown, expired or used-up code. */
	Optional<UUID> redeem(String codeHash, Instant now) {
		return jdbc.sql("""
				update series_invitations set uses = uses + 1
				where code_hash = :hash and expires_at > :now and uses < max_uses
				returning series_id
				""")
				.param("hash", codeHash).param("now", Timestamp.from(now)).query(UUID.class).optional();
	}
}
