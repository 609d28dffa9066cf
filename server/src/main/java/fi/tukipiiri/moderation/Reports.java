package fi.tukipiiri.moderation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class Reports {

	private static final String SELECT = """
			select r.*, room.title as room_title, reporter.display_name as reporter_name, target.display_name as target_name
			from reports r
			join rooms room on room.id = r.room_id
			left join accounts reporter on reporter.id = r.reporter_id
			left join accounts target on target.id = r.target_id
			""";

	private final JdbcClient jdbc;

	Reports(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(Report report) {
		jdbc.sql("""
				insert into reports (id, room_id, reporter_id, message_id, target_id, reason, note, created_at)
				values (:id, :roomId, :reporterId, :messageId, :targetId, :reason, :note, :createdAt)
				""")
			.param("id", report.id())
			.param("roomId", report.roomId())
			.param("reporterId", report.reporterId())
			.param("messageId", report.messageId())
			.param("targetId", report.targetId())
			.param("reason", report.reason().name())
			.param("note", report.note())
			.param("createdAt", Timestamp.from(report.createdAt()))
			.update();
	}

	Optional<Report> findOpen(UUID id) {
		return jdbc.sql(SELECT + " where r.id = :id and r.status = 'OPEN'")
			.param("id", id)
			.query(Reports::report)
			.optional();
	}

	/**
	 * Open reports of the given room, or of every room where the reviewer facilitates
	 * (all rooms for administrators).
	 */
	List<Report> open(UUID roomId, UUID reviewerId, boolean admin, int limit) {
		return jdbc.sql(SELECT + """
				where r.status = 'OPEN'
				  and (cast(:roomId as uuid) is null or r.room_id = :roomId)
				  and (:admin or exists (select 1 from room_members m where m.room_id = r.room_id
				                         and m.account_id = :reviewerId and m.role = 'FACILITATOR'))
				order by r.created_at limit :limit
				""")
			.param("roomId", roomId)
			.param("reviewerId", reviewerId)
			.param("admin", admin)
			.param("limit", limit)
			.query(Reports::report)
			.list();
	}

	boolean close(UUID id, Report.Status status, UUID handledBy, String note, Instant at) {
		return jdbc.sql("""
				update reports set status = :status, handled_by = :by, handled_at = :at, handling_note = :note
				where id = :id and status = 'OPEN'
				""")
			.param("status", status.name())
			.param("by", handledBy)
			.param("at", Timestamp.from(at))
			.param("note", note)
			.param("id", id)
			.update() == 1;
	}

	private static Report report(ResultSet rs, int row) throws SQLException {
		return new Report(rs.getObject("id", UUID.class), rs.getObject("room_id", UUID.class),
				rs.getString("room_title"), rs.getObject("reporter_id", UUID.class), rs.getString("reporter_name"),
				rs.getObject("message_id", UUID.class), rs.getObject("target_id", UUID.class),
				rs.getString("target_name"), Report.Reason.valueOf(rs.getString("reason")), rs.getString("note"),
				rs.getTimestamp("created_at").toInstant(), Report.Status.valueOf(rs.getString("status")), List.of());
	}

}
