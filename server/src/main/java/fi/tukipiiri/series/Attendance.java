package fi.tukipiiri.series;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Attendance per session: first arrival and total time present, summed over every stay.
 */
@Repository
class Attendance {

	private final JdbcClient jdbc;

	Attendance(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * One person's attendance of one session. {@code secondsPresent} counts closed stays
	 * only.
	 */
	record Record(UUID sessionId, UUID accountId, Instant firstJoinedAt, long secondsPresent, boolean presentNow) {
	}

	/**
	 * Starts a stay in the open or live session whose room this is; nothing for other
	 * rooms.
	 */
	void arrived(UUID roomId, UUID accountId, Instant at) {
		jdbc.sql(
				"""
						insert into attendance (session_id, account_id, first_joined_at, present_since)
						select s.id, :account, :at, :at from series_sessions s where s.room_id = :room and s.state in ('LOBBY', 'LIVE')
						on conflict (session_id, account_id) do update set present_since = coalesce(attendance.present_since, excluded.present_since)
						""")
			.param("room", roomId)
			.param("account", accountId)
			.param("at", Timestamp.from(at))
			.update();
	}

	/** Ends the stay and adds its length. */
	void left(UUID roomId, UUID accountId, Instant at) {
		jdbc.sql(
				"""
						update attendance a
						set seconds_present = a.seconds_present + greatest(0, extract(epoch from (:at - a.present_since)))::bigint,
						    present_since = null
						from series_sessions s
						where s.room_id = :room and a.session_id = s.id and a.account_id = :account and a.present_since is not null
						""")
			.param("room", roomId)
			.param("account", accountId)
			.param("at", Timestamp.from(at))
			.update();
	}

	/** Ends every open stay of a session that is over. */
	void closeAll(UUID sessionId, Instant at) {
		jdbc.sql(
				"""
						update attendance set seconds_present = seconds_present + greatest(0, extract(epoch from (:at - present_since)))::bigint,
						    present_since = null
						where session_id = :id and present_since is not null
						""")
			.param("id", sessionId)
			.param("at", Timestamp.from(at))
			.update();
	}

	/**
	 * A session one person attended, with its series, for features that follow up on
	 * sessions.
	 */
	List<AttendanceService.AttendedSession> attendedBy(UUID accountId, Instant endedAfter) {
		return jdbc
			.sql("""
					select s.series_id, se.title, se.kind, s.id, s.position, s.theme_fi, s.theme_en, s.starts_at, s.ends_at, s.state
					from attendance a join series_sessions s on s.id = a.session_id join series se on se.id = s.series_id
					where a.account_id = :account and s.ends_at > :after order by s.ends_at desc
					""")
			.param("account", accountId)
			.param("after", Timestamp.from(endedAfter))
			.query((rs, n) -> new AttendanceService.AttendedSession(rs.getObject("series_id", UUID.class),
					rs.getString("title"), fi.tukipiiri.rooms.RoomKind.valueOf(rs.getString("kind")),
					rs.getObject("id", UUID.class), rs.getInt("position"),
					new LocalizedText(rs.getString("theme_fi"), rs.getString("theme_en")),
					rs.getTimestamp("starts_at").toInstant(), rs.getTimestamp("ends_at").toInstant(),
					Series.SessionState.valueOf(rs.getString("state"))))
			.list();
	}

	List<Record> ofSession(UUID sessionId) {
		return jdbc.sql("select * from attendance where session_id = :id order by first_joined_at")
			.param("id", sessionId)
			.query((rs, n) -> new Record(rs.getObject("session_id", UUID.class), rs.getObject("account_id", UUID.class),
					rs.getTimestamp("first_joined_at").toInstant(), rs.getLong("seconds_present"),
					rs.getTimestamp("present_since") != null))
			.list();
	}

}
