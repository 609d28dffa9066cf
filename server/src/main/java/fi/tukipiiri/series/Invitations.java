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
			.param("id", UUID.randomUUID())
			.param("series", seriesId)
			.param("hash", codeHash)
			.param("by", createdBy)
			.param("at", Timestamp.from(createdAt))
			.param("expires", Timestamp.from(expiresAt))
			.param("max", maxUses)
			.update();
	}

	/** A code that can still be used, and the series it is for. */
	record Usable(UUID id, UUID seriesId) {
	}

	/**
	 * The code if it is known, unexpired and not used up, locked until the transaction
	 * ends: a second redemption of the same code waits here, then sees the uses the first
	 * one spent.
	 */
	Optional<Usable> lockUsable(String codeHash, Instant now) {
		return jdbc.sql("""
				select id, series_id from series_invitations
				where code_hash = :hash and expires_at > :now and uses < max_uses
				for update
				""")
			.param("hash", codeHash)
			.param("now", Timestamp.from(now))
			.query((rs, n) -> new Usable(rs.getObject("id", UUID.class), rs.getObject("series_id", UUID.class)))
			.optional();
	}

	/** One use of a code locked by {@link #lockUsable}. */
	void spendOne(UUID id) {
		jdbc.sql("update series_invitations set uses = uses + 1 where id = :id").param("id", id).update();
	}

}
