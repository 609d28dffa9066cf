package fi.tukipiiri.accounts;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The salted hashes of each account's recovery codes ({@link LookupSecrets}). */
@Repository
class RecoveryCodes {

	private final JdbcClient jdbc;

	RecoveryCodes(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A code not used yet, as stored: its salt and hash, never the code. */
	record StoredCode(UUID id, byte[] salt, byte[] hash) {
	}

	/** Deletes the account's codes, used or not, and stores these in their place. */
	void replace(UUID accountId, List<StoredCode> codes, Instant at) {
		jdbc.sql("delete from recovery_codes where account_id = :accountId").param("accountId", accountId).update();
		for (StoredCode code : codes) {
			jdbc.sql("""
					insert into recovery_codes (id, account_id, code_salt, code_hash, created_at)
					values (:id, :accountId, :salt, :hash, :at)
					""")
				.param("id", code.id())
				.param("accountId", accountId)
				.param("salt", code.salt())
				.param("hash", code.hash())
				.param("at", Timestamp.from(at))
				.update();
		}
	}

	List<StoredCode> unused(UUID accountId) {
		return jdbc.sql(
				"select id, code_salt, code_hash from recovery_codes where account_id = :accountId and used_at is null")
			.param("accountId", accountId)
			.query((rs, n) -> new StoredCode(rs.getObject("id", UUID.class), rs.getBytes("code_salt"),
					rs.getBytes("code_hash")))
			.list();
	}

	int countUnused(UUID accountId) {
		return jdbc.sql("select count(*) from recovery_codes where account_id = :accountId and used_at is null")
			.param("accountId", accountId)
			.query(Integer.class)
			.single();
	}

	/**
	 * Spends the code; false when it was spent already (two uses racing: only one update
	 * finds it unused).
	 */
	boolean markUsed(UUID id, Instant at) {
		return jdbc.sql("update recovery_codes set used_at = :at where id = :id and used_at is null")
			.param("at", Timestamp.from(at))
			.param("id", id)
			.update() == 1;
	}

}
