package fi.tukipiiri.moderation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import fi.tukipiiri.rooms.RoomKind;

/** Escalated safety signals: open until someone on duty closes them. */
@Repository
class Escalations {

	private static final String SELECT = """
			select e.*, r.title as room_title, r.kind as room_kind, s.display_name as subject_name, t.display_name as taken_by_name,
			       coalesce(case when m.removed_at is null then m.body end, q.body) as excerpt,
			       coalesce(m.removed_at is null and m.sensitive, false) as excerpt_sensitive,
			       f.categories, rep.reason, rep.note
			from safety_escalations e
			join rooms r on r.id = e.room_id
			left join accounts s on s.id = e.subject_id
			left join accounts t on t.id = e.taken_by
			left join risk_flags f on e.signal = 'RISK_FLAG' and f.id = e.signal_id
			left join reports rep on e.signal = 'REPORT' and rep.id = e.signal_id
			left join messages m on m.id = coalesce(f.message_id, rep.message_id)
			left join room_questions q on q.id = f.question_id
			""";

	private final JdbcClient jdbc;

	Escalations(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(UUID id, UUID roomId, Escalation.Signal signal, UUID signalId, UUID subjectId, Instant at) {
		jdbc.sql("""
				insert into safety_escalations (id, room_id, signal, signal_id, subject_id, created_at)
				values (:id, :roomId, :signal, :signalId, :subjectId, :at)
				""")
			.param("id", id)
			.param("roomId", roomId)
			.param("signal", signal.name())
			.param("signalId", signalId)
			.param("subjectId", subjectId)
			.param("at", Timestamp.from(at))
			.update();
	}

	/** Open escalations, newest first. */
	List<Escalation> open(int limit) {
		return jdbc.sql(SELECT + " where e.closed_at is null order by e.created_at desc, e.id limit :limit")
			.param("limit", limit)
			.query(Escalations::escalation)
			.list();
	}

	Optional<Escalation> findOpen(UUID id) {
		return jdbc.sql(SELECT + " where e.id = :id and e.closed_at is null")
			.param("id", id)
			.query(Escalations::escalation)
			.optional();
	}

	/** Records who handles it; false if someone already does. */
	boolean take(UUID id, UUID by, Instant at) {
		return jdbc.sql(
				"update safety_escalations set taken_by = :by, taken_at = :at where id = :id and taken_by is null and closed_at is null")
			.param("by", by)
			.param("at", Timestamp.from(at))
			.param("id", id)
			.update() == 1;
	}

	/**
	 * Hands it from its holder to another person; false if it is no longer held by
	 * {@code from} or was closed.
	 */
	boolean takeOver(UUID id, UUID from, UUID by, Instant at) {
		return jdbc.sql("""
				update safety_escalations set taken_by = :by, taken_at = :at
				where id = :id and taken_by = :from and closed_at is null
				""").param("by", by).param("from", from).param("at", Timestamp.from(at)).param("id", id).update() == 1;
	}

	boolean close(UUID id, Instant at) {
		return jdbc.sql("update safety_escalations set closed_at = :at where id = :id and closed_at is null")
			.param("at", Timestamp.from(at))
			.param("id", id)
			.update() == 1;
	}

	int deleteClosedBefore(Instant cutoff) {
		return jdbc.sql("delete from safety_escalations where closed_at < :cutoff")
			.param("cutoff", Timestamp.from(cutoff))
			.update();
	}

	private static Escalation escalation(ResultSet rs, int row) throws SQLException {
		String categories = rs.getString("categories");
		String reason = rs.getString("reason");
		Timestamp takenAt = rs.getTimestamp("taken_at");
		return new Escalation(rs.getObject("id", UUID.class), rs.getObject("room_id", UUID.class),
				rs.getString("room_title"), RoomKind.valueOf(rs.getString("room_kind")),
				Escalation.Signal.valueOf(rs.getString("signal")), rs.getTimestamp("created_at").toInstant(),
				rs.getObject("subject_id", UUID.class), rs.getString("subject_name"), rs.getString("excerpt"),
				rs.getBoolean("excerpt_sensitive"),
				categories == null ? List.of() : Arrays.asList(categories.split(",")),
				reason == null ? null : Report.Reason.valueOf(reason), rs.getString("note"),
				rs.getObject("taken_by", UUID.class), rs.getString("taken_by_name"), null,
				takenAt == null ? null : takenAt.toInstant());
	}

}
