package fi.tukipiiri.series;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Personal calendar feed addresses (as hashes), and the sessions a person's feed shows.
 */
@Repository
class CalendarFeeds {

	private final JdbcClient jdbc;

	CalendarFeeds(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Replaces the person's feed address; the old one stops working. */
	void replace(UUID accountId, String tokenHash, Instant at) {
		jdbc.sql(
				"""
						insert into calendar_feeds (account_id, token_hash, created_at) values (:account, :hash, :at)
						on conflict (account_id) do update set token_hash = excluded.token_hash, created_at = excluded.created_at
						""")
			.param("account", accountId)
			.param("hash", tokenHash)
			.param("at", Timestamp.from(at))
			.update();
	}

	Optional<UUID> owner(String tokenHash) {
		return jdbc.sql("select account_id from calendar_feeds where token_hash = :hash")
			.param("hash", tokenHash)
			.query(UUID.class)
			.optional();
	}

	/** Series the person takes part in: enrolled, or on the staff. */
	List<UUID> seriesOf(UUID accountId) {
		return jdbc.sql("""
				select series_id from enrolments where account_id = :account and status = 'ENROLLED'
				union
				select series_id from series_staff where account_id = :account
				""").param("account", accountId).query(UUID.class).list();
	}

}
