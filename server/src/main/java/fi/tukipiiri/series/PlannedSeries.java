package fi.tukipiiri.series;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import fi.tukipiiri.rooms.RoomFormat;
import fi.tukipiiri.rooms.RoomKind;

/** Series, their staff and their sessions. */
@Repository
class PlannedSeries {

	private final JdbcClient jdbc;

	PlannedSeries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(Series series, UUID createdBy) {
		Recurrence recurrence = series.recurrence();
		jdbc.sql(
				"""
						insert into series (id, template_id, title, audience_note, kind, first_date, interval_weeks, start_time,
						  length_minutes, zone, capacity, min_participants, decision_date, age_min, age_max, state, created_by, created_at,
						  format)
						values (:id, :templateId, :title, :audienceNote, :kind, :firstDate, :intervalWeeks, :startTime,
						  :lengthMinutes, :zone, :capacity, :minParticipants, :decisionDate, :ageMin, :ageMax, :state, :createdBy, :createdAt,
						  :format)
						""")
			.param("id", series.id())
			.param("templateId", series.templateId())
			.param("title", series.title())
			.param("audienceNote", series.audienceNote())
			.param("kind", series.kind().name())
			.param("firstDate", recurrence.firstDate())
			.param("intervalWeeks", recurrence.intervalWeeks())
			.param("startTime", recurrence.startTime())
			.param("lengthMinutes", recurrence.length().toMinutes())
			.param("zone", recurrence.zone().getId())
			.param("capacity", series.capacity())
			.param("minParticipants", series.minParticipants())
			.param("decisionDate", series.decisionDate())
			.param("ageMin", series.ageMin())
			.param("ageMax", series.ageMax())
			.param("state", series.state().name())
			.param("createdBy", createdBy)
			.param("createdAt", Timestamp.from(series.createdAt()))
			.param("format", series.format().name())
			.update();
		for (Series.Staff member : series.staff()) {
			jdbc.sql("insert into series_staff (series_id, account_id, role) values (:series, :account, :role)")
				.param("series", series.id())
				.param("account", member.accountId())
				.param("role", member.role().name())
				.update();
		}
		for (Series.Session session : series.sessions()) {
			jdbc.sql(
					"""
							insert into series_sessions (id, series_id, position, theme_fi, theme_sv, theme_en, starts_at, ends_at, state)
							values (:id, :series, :position, :themeFi, :themeSv, :themeEn, :startsAt, :endsAt, :state)
							""")
				.param("id", session.id())
				.param("series", series.id())
				.param("position", session.position())
				.param("themeFi", session.theme().fi())
				.param("themeSv", session.theme().sv())
				.param("themeEn", session.theme().en())
				.param("startsAt", Timestamp.from(session.startsAt()))
				.param("endsAt", Timestamp.from(session.endsAt()))
				.param("state", session.state().name())
				.update();
		}
	}

	Optional<Series> find(UUID id) {
		return jdbc.sql("select * from series where id = :id")
			.param("id", id)
			.query((rs, n) -> series(rs, staff(id), sessions(id)))
			.optional();
	}

	/** Locks the series row, so schedule changes to one series happen one at a time. */
	void lock(UUID seriesId) {
		jdbc.sql("select id from series where id = :id for no key update")
			.param("id", seriesId)
			.query(UUID.class)
			.optional();
	}

	/**
	 * Moves a session that has not begun; its reminders are due again before the new
	 * time, and its calendar entry's SEQUENCE goes up.
	 */
	void moveSession(UUID sessionId, Instant startsAt, Instant endsAt) {
		jdbc.sql(
				"update series_sessions set starts_at = :start, ends_at = :end, sequence = sequence + 1 where id = :id")
			.param("start", Timestamp.from(startsAt))
			.param("end", Timestamp.from(endsAt))
			.param("id", sessionId)
			.update();
		jdbc.sql("delete from session_transitions where session_id = :id and to_state in (:reminders)")
			.param("id", sessionId)
			.param("reminders", SessionReminderDue.Reminder.recordedSteps())
			.update();
	}

	void cancelSession(UUID sessionId) {
		jdbc.sql("update series_sessions set state = 'CANCELLED', sequence = sequence + 1 where id = :id")
			.param("id", sessionId)
			.update();
	}

	/**
	 * The session's iCalendar SEQUENCE: how many times it has moved or been cancelled.
	 */
	int sequenceOf(UUID sessionId) {
		return jdbc.sql("select sequence from series_sessions where id = :id")
			.param("id", sessionId)
			.query(Integer.class)
			.optional()
			.orElse(0);
	}

	void addSession(UUID seriesId, Series.Session session) {
		jdbc.sql(
				"""
						insert into series_sessions (id, series_id, position, theme_fi, theme_sv, theme_en, starts_at, ends_at, state)
						values (:id, :series, :position, :themeFi, :themeSv, :themeEn, :startsAt, :endsAt, 'SCHEDULED')
						""")
			.param("id", session.id())
			.param("series", seriesId)
			.param("position", session.position())
			.param("themeFi", session.theme().fi())
			.param("themeSv", session.theme().sv())
			.param("themeEn", session.theme().en())
			.param("startsAt", Timestamp.from(session.startsAt()))
			.param("endsAt", Timestamp.from(session.endsAt()))
			.update();
	}

	/** Replaces the series' facilitators and peer supporters. */
	void replaceStaff(UUID seriesId, List<Series.Staff> staff) {
		jdbc.sql("delete from series_staff where series_id = :series").param("series", seriesId).update();
		for (Series.Staff member : staff) {
			jdbc.sql("insert into series_staff (series_id, account_id, role) values (:series, :account, :role)")
				.param("series", seriesId)
				.param("account", member.accountId())
				.param("role", member.role().name())
				.update();
		}
	}

	/**
	 * Series still running or ended after {@code since} (or without sessions, planned
	 * after it), cancelled ones included, with their seats taken and waitlist; soonest
	 * first.
	 */
	List<SeriesOverview> overview(Instant since, int limit) {
		return jdbc
			.sql("""
					select se.id, se.title, se.kind, se.state, se.capacity, se.min_participants, se.decision_date,
					       ss.first_starts, ss.last_ends, coalesce(ss.sessions, 0) as sessions,
					       (select count(*) from enrolments e where e.series_id = se.id and e.status = 'ENROLLED') as enrolled,
					       (select count(*) from enrolments e where e.series_id = se.id and e.status = 'WAITLISTED') as waitlisted
					from series se
					left join (select series_id, min(starts_at) as first_starts, max(ends_at) as last_ends, count(*) as sessions
					           from series_sessions group by series_id) ss on ss.series_id = se.id
					where coalesce(ss.last_ends, se.created_at) >= :since
					order by ss.first_starts nulls last, se.id
					limit :limit
					""")
			.param("since", Timestamp.from(since))
			.param("limit", limit)
			.query((rs, n) -> {
				Timestamp first = rs.getTimestamp("first_starts");
				Timestamp last = rs.getTimestamp("last_ends");
				return new SeriesOverview(rs.getObject("id", UUID.class), rs.getString("title"),
						RoomKind.valueOf(rs.getString("kind")), Series.State.valueOf(rs.getString("state")),
						first == null ? null : first.toInstant(), last == null ? null : last.toInstant(),
						rs.getInt("sessions"), rs.getInt("capacity"), rs.getInt("min_participants"),
						rs.getObject("decision_date", LocalDate.class), rs.getInt("enrolled"), rs.getInt("waitlisted"));
			})
			.list();
	}

	List<UUID> startingFrom(LocalDate from, int limit) {
		return jdbc.sql(
				"select id from series where state <> 'CANCELLED' and first_date >= :from order by first_date, id limit :limit")
			.param("from", from)
			.param("limit", limit)
			.query(UUID.class)
			.list();
	}

	List<UUID> withSessionsBetween(Instant from, Instant to, int limit) {
		return jdbc
			.sql("""
					select se.id from series se
					where se.state <> 'CANCELLED'
					  and exists (select 1 from series_sessions s where s.series_id = se.id and s.starts_at >= :from and s.starts_at < :to)
					order by (select min(s.starts_at) from series_sessions s where s.series_id = se.id and s.starts_at >= :from), se.id
					limit :limit
					""")
			.param("from", Timestamp.from(from))
			.param("to", Timestamp.from(to))
			.param("limit", limit)
			.query(UUID.class)
			.list();
	}

	private List<Series.Staff> staff(UUID seriesId) {
		return jdbc.sql("""
				select s.account_id, a.display_name, s.role from series_staff s join accounts a on a.id = s.account_id
				where s.series_id = :id order by s.role, a.display_name
				""")
			.param("id", seriesId)
			.query((rs, n) -> new Series.Staff(rs.getObject("account_id", UUID.class), rs.getString("display_name"),
					Series.StaffRole.valueOf(rs.getString("role"))))
			.list();
	}

	private List<Series.Session> sessions(UUID seriesId) {
		return jdbc.sql("select * from series_sessions where series_id = :id order by position")
			.param("id", seriesId)
			.query((rs, n) -> new Series.Session(rs.getObject("id", UUID.class), rs.getInt("position"),
					new LocalizedText(rs.getString("theme_fi"), rs.getString("theme_sv"), rs.getString("theme_en")),
					rs.getTimestamp("starts_at").toInstant(), rs.getTimestamp("ends_at").toInstant(),
					Series.SessionState.valueOf(rs.getString("state")), rs.getObject("room_id", UUID.class)))
			.list();
	}

	private static Series series(ResultSet rs, List<Series.Staff> staff, List<Series.Session> sessions)
			throws SQLException {
		Recurrence recurrence = new Recurrence(rs.getObject("first_date", LocalDate.class), rs.getInt("interval_weeks"),
				rs.getTime("start_time").toLocalTime(), Duration.ofMinutes(rs.getInt("length_minutes")),
				ZoneId.of(rs.getString("zone")));
		return new Series(rs.getObject("id", UUID.class), rs.getObject("template_id", UUID.class),
				rs.getString("title"), rs.getString("audience_note"), RoomKind.valueOf(rs.getString("kind")),
				recurrence, rs.getInt("capacity"), rs.getInt("min_participants"),
				rs.getObject("decision_date", LocalDate.class), (Integer) rs.getObject("age_min"),
				(Integer) rs.getObject("age_max"), Series.State.valueOf(rs.getString("state")), staff, sessions,
				rs.getTimestamp("created_at").toInstant(), RoomFormat.valueOf(rs.getString("format")));
	}

}
