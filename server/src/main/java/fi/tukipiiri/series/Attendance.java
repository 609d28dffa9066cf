package fi.tukipiiri.series;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Attendance per session: first arrival and total time present, summed over every stay. */
@Repository
class Attendance {

	private final JdbcClient jdbc;

	Attendance(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** One person's attendance of one session. {@code secondsPresent} counts closed stays only. */
	record Record(UUID sessionId, UUID accountId, Instant firstJoinedAt, long secondsPresent, boolean presentNow) {
	}

	/** Starts a stay in the open or live session whose room this is; nothing for other rooms. */
	void arrived(UUID roomId, UUID accountId, Instant at) {
		jdbc.sql("""
				insert into attendance (session_id, account_id, first_joined_at, present_since)
				select s.id, :account, :at, :at from series_sessions s where s.room_id = :room and s.state in ('LOBBY', 'LIVE')
				on conflict (session_id, account_id) do update set present_since = coalesce(attendance.present_since, excluded.present_since)
				""")
				.param("room", roomId).param("account", accountId).param("at", Timestamp.from(at)).update();
	}

	/** Ends the stay and adds its length. */
	void left(UUID roomId, UUID accountId, Instant at) {
		jdbc.sql("""
				update attendance a
				set seconds_present = a.seconds_present + greatest(0, extract(epoch from (:at - a.present_since)))::bigint,
				    present_since = null
				from series_sessions s
				where s.room_id = :room and a.session_id = s.id and a.account_id = :account and a.present_since is not null
				""")
				.param("room", roomId).param("account", accountId).param("at", Timestamp.from(at)).update();
	}

	/** Ends every open stay of a session that is over. */
	void closeAll(UUID sessionId, Instant at) {
		jdbc.sql("""
				update attendance set seconds_present = seconds_present + greatest(0, extract(epoch from (:at - present_since)))::bigint,
				    present_since = null
				where session_id = :id and present_since is not null
				""").param("id", sessionId).param("at", Timestamp.from(at)).update();
	}

	List<Record> ofSession(UUID sessionId) {
		return jdbc.sql("select * from attendance where session_id = :id order by first_joined_at").param("id", sessionId)
				.query((rs, n) -> new Record(rs.getObject("session_id", UUID.class), rs.getObject("account_id", UUID.class),
						rs.getTimestamp("first_joined_at").toInstant(), rs.getLong("seconds_present"), rs.getTimestamp("present_since") != null))
				.list();
	}
}
