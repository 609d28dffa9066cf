package fi.tukipiiri.series;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The rows the lifecycle works on. Due rows are claimed with
 * {@code FOR UPDATE SKIP LOCKED}: when several nodes tick at once, each row goes to one
 * of them, and its state changes in the same transaction.
 */
@Repository
class Lifecycle {

	private final JdbcClient jdbc;

	Lifecycle(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	record DueSession(UUID id, UUID seriesId, int position, String themeFi, UUID roomId) {
	}

	/**
	 * Claims sessions in {@code fromState} whose start is at or before {@code startedBy}.
	 */
	List<DueSession> claimStarting(String fromState, Instant startedBy, int limit) {
		return claim(fromState, "s.starts_at <= :threshold", startedBy, limit);
	}

	/** Claims sessions in {@code fromState} whose end is at or before {@code endedBy}. */
	List<DueSession> claimEnding(String fromState, Instant endedBy, int limit) {
		return claim(fromState, "s.ends_at <= :threshold", endedBy, limit);
	}

	private List<DueSession> claim(String fromState, String due, Instant threshold, int limit) {
		return jdbc.sql("""
				select s.id, s.series_id, s.position, s.theme_fi, s.room_id
				from series_sessions s join series se on se.id = s.series_id
				where s.state = :from and se.state <> 'CANCELLED' and %s
				order by s.starts_at limit :limit
				for update of s skip locked
				""".formatted(due))
			.param("from", fromState)
			.param("threshold", Timestamp.from(threshold))
			.param("limit", limit)
			.query((rs, n) -> new DueSession(rs.getObject("id", UUID.class), rs.getObject("series_id", UUID.class),
					rs.getInt("position"), rs.getString("theme_fi"), rs.getObject("room_id", UUID.class)))
			.list();
	}

	/**
	 * Claims scheduled sessions starting by {@code startingBy} whose reminder has not
	 * gone out.
	 */
	List<DueSession> claimReminders(SessionReminderDue.Reminder reminder, Instant startingBy, int limit) {
		return claim("SCHEDULED", """
				s.starts_at <= :threshold
				and not exists (select 1 from session_transitions t where t.session_id = s.id and t.to_state = '%s')"""
			.formatted(reminder.recorded()), startingBy, limit);
	}

	/**
	 * Records that something happened to the session; false if it had been recorded
	 * already.
	 */
	boolean record(UUID sessionId, String what, Instant at) {
		return jdbc.sql(
				"insert into session_transitions (session_id, to_state, at) values (:id, :to, :at) on conflict do nothing")
			.param("id", sessionId)
			.param("to", what)
			.param("at", Timestamp.from(at))
			.update() == 1;
	}

	/**
	 * Moves the session on and records the step; false if the step had already been
	 * taken.
	 */
	boolean step(UUID sessionId, String toState, UUID roomId, Instant at) {
		if (!record(sessionId, toState, at)) {
			return false;
		}
		jdbc.sql("update series_sessions set state = :to, room_id = coalesce(:room, room_id) where id = :id")
			.param("to", toState)
			.param("room", roomId)
			.param("id", sessionId)
			.update();
		return true;
	}

	List<UUID> claimSeriesToDecide(LocalDate today, int limit) {
		return jdbc.sql("""
				select id from series where state = 'PLANNED' and decision_date <= :today
				order by decision_date limit :limit for update skip locked
				""").param("today", today).param("limit", limit).query(UUID.class).list();
	}

	/**
	 * Marks as completed the confirmed series whose last session has ended: at least one
	 * session was held and none is still to come or under way (cancelled ones do not
	 * count). Rows another node is working on are skipped and caught on its next tick.
	 * @return how many series were completed
	 */
	int completeEnded(int limit) {
		return jdbc.sql("""
				update series set state = 'COMPLETED' where id in (
				  select se.id from series se
				  where se.state = 'CONFIRMED'
				    and exists (select 1 from series_sessions s where s.series_id = se.id and s.state = 'ENDED')
				    and not exists (select 1 from series_sessions s
				                    where s.series_id = se.id and s.state not in ('ENDED', 'CANCELLED'))
				  order by se.id limit :limit
				  for update skip locked)
				""").param("limit", limit).update();
	}

	void decide(UUID seriesId, Series.State outcome) {
		jdbc.sql("update series set state = :state where id = :id")
			.param("state", outcome.name())
			.param("id", seriesId)
			.update();
		if (outcome == Series.State.CANCELLED) {
			jdbc.sql(
					"update series_sessions set state = 'CANCELLED', sequence = sequence + 1 where series_id = :id and state = 'SCHEDULED'")
				.param("id", seriesId)
				.update();
		}
	}

}
