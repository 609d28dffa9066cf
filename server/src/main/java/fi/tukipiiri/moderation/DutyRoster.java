package fi.tukipiiri.moderation;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Who is on duty for safety signals, and since when; whether they still hold a role that
 * may be is checked by callers.
 */
@Repository
class DutyRoster {

	private final JdbcClient jdbc;

	DutyRoster(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Puts the person on duty; being on duty already keeps the first instant. */
	void start(UUID accountId, Instant at) {
		jdbc.sql("insert into duty_roster (account_id, since) values (:id, :at) on conflict (account_id) do nothing")
			.param("id", accountId)
			.param("at", Timestamp.from(at))
			.update();
	}

	void end(UUID accountId) {
		jdbc.sql("delete from duty_roster where account_id = :id").param("id", accountId).update();
	}

	Optional<Instant> since(UUID accountId) {
		return jdbc.sql("select since from duty_roster where account_id = :id")
			.param("id", accountId)
			.query((rs, n) -> rs.getTimestamp("since").toInstant())
			.optional();
	}

	/** account → on duty since. */
	Map<UUID, Instant> onDuty() {
		return jdbc.sql("select account_id, since from duty_roster")
			.query((rs, n) -> Map.entry(rs.getObject("account_id", UUID.class), rs.getTimestamp("since").toInstant()))
			.list()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
	}

}
