package fi.tukipiiri.series;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Attendance per session: first arrival, total time present, summed over every stay, and
 * the part the person was there in ({@link AttendanceService.PresentAs}); only
 * participants attended in the sense that reports and feedback count.
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
	record Record(UUID sessionId, UUID accountId, Instant firstJoinedAt, long secondsPresent, boolean presentNow,
			AttendanceService.PresentAs presentAs) {

		/** Whether this counts as attending: present as a participant (a parent). */
		boolean attendee() {
			return presentAs == AttendanceService.PresentAs.PARTICIPANT;
		}

	}

	/**
	 * The open or live session whose room this is, with the person's part in the series'
	 * staff list ({@code null} when not on it).
	 */
	record OpenSession(UUID sessionId, Series.StaffRole seriesStaffRole) {
	}

	/** The lobby or live session held in this room, if any. */
	Optional<OpenSession> openSessionIn(UUID roomId, UUID accountId) {
		return jdbc.sql("""
				select s.id, st.role from series_sessions s
				left join series_staff st on st.series_id = s.series_id and st.account_id = :account
				where s.room_id = :room and s.state in ('LOBBY', 'LIVE')
				""")
			.param("room", roomId)
			.param("account", accountId)
			.query((rs, n) -> new OpenSession(rs.getObject("id", UUID.class),
					rs.getString("role") == null ? null : Series.StaffRole.valueOf(rs.getString("role"))))
			.optional();
	}

	/**
	 * Starts a stay in the session, in the given part, while it is open or live. Someone
	 * who was already there in another part keeps the weightier one (facilitator, peer
	 * supporter, overseer, participant, in that order): a single stay as staff makes them
	 * staff of that session.
	 */
	void arrived(UUID sessionId, UUID accountId, AttendanceService.PresentAs presentAs, Instant at) {
		jdbc.sql("""
				insert into attendance (session_id, account_id, first_joined_at, present_since, present_as)
				select s.id, :account, :at, :at, :presentAs from series_sessions s
				where s.id = :session and s.state in ('LOBBY', 'LIVE')
				on conflict (session_id, account_id) do update
				set present_since = coalesce(attendance.present_since, excluded.present_since),
				    present_as = case
				        when 'FACILITATOR' in (attendance.present_as, excluded.present_as) then 'FACILITATOR'
				        when 'PEER_SUPPORTER' in (attendance.present_as, excluded.present_as) then 'PEER_SUPPORTER'
				        when 'OVERSEER' in (attendance.present_as, excluded.present_as) then 'OVERSEER'
				        else 'PARTICIPANT' end
				""")
			.param("session", sessionId)
			.param("account", accountId)
			.param("at", Timestamp.from(at))
			.param("presentAs", presentAs.name())
			.update();
	}

	/** Whether the person is on the staff list of the session's series now. */
	boolean onStaffListOf(UUID sessionId, UUID accountId) {
		return jdbc.sql("""
				select exists (select 1 from series_sessions s join series_staff st on st.series_id = s.series_id
				               where s.id = :session and st.account_id = :account)
				""").param("session", sessionId).param("account", accountId).query(Boolean.class).single();
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
	 * The sessions one person attended as a participant, with their series, for features
	 * that follow up on sessions.
	 */
	List<AttendanceService.AttendedSession> attendedBy(UUID accountId, Instant endedAfter) {
		return jdbc
			.sql("""
					select s.series_id, se.title, se.kind, s.id, s.position, s.theme_fi, s.theme_sv, s.theme_en, s.starts_at, s.ends_at, s.state
					from attendance a join series_sessions s on s.id = a.session_id join series se on se.id = s.series_id
					where a.account_id = :account and a.present_as = 'PARTICIPANT' and s.ends_at > :after order by s.ends_at desc
					""")
			.param("account", accountId)
			.param("after", Timestamp.from(endedAfter))
			.query((rs, n) -> new AttendanceService.AttendedSession(rs.getObject("series_id", UUID.class),
					rs.getString("title"), fi.tukipiiri.rooms.RoomKind.valueOf(rs.getString("kind")),
					rs.getObject("id", UUID.class), rs.getInt("position"),
					new LocalizedText(rs.getString("theme_fi"), rs.getString("theme_sv"), rs.getString("theme_en")),
					rs.getTimestamp("starts_at").toInstant(), rs.getTimestamp("ends_at").toInstant(),
					Series.SessionState.valueOf(rs.getString("state"))))
			.list();
	}

	/** Everyone who was in the session's room, in whatever part, by first arrival. */
	List<Record> ofSession(UUID sessionId) {
		return jdbc.sql("select * from attendance where session_id = :id order by first_joined_at")
			.param("id", sessionId)
			.query((rs, n) -> new Record(rs.getObject("session_id", UUID.class), rs.getObject("account_id", UUID.class),
					rs.getTimestamp("first_joined_at").toInstant(), rs.getLong("seconds_present"),
					rs.getTimestamp("present_since") != null,
					AttendanceService.PresentAs.valueOf(rs.getString("present_as"))))
			.list();
	}

}
