package fi.tukipiiri.moderation;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The append-only audit log (the table refuses updates). */
@Repository
class AuditLog {

	private final JdbcClient jdbc;

	AuditLog(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void append(Instant at, UUID actorId, String action, UUID roomId, UUID targetId, UUID messageId, String reason,
			String details) {
		jdbc.sql("""
				insert into moderation_audit (at, actor_id, action, room_id, target_id, message_id, reason, details)
				values (:at, :actorId, :action, :roomId, :targetId, :messageId, :reason, :details)
				""")
			.param("at", Timestamp.from(at))
			.param("actorId", actorId)
			.param("action", action)
			.param("roomId", roomId)
			.param("targetId", targetId)
			.param("messageId", messageId)
			.param("reason", reason == null ? "" : reason)
			.param("details", details == null ? "" : details)
			.update();
	}

	/**
	 * Blanks what the person wrote, and copies of their messages, in the lines that hold
	 * them: the reasons they gave (a report's reason is a category, not text, and stays;
	 * an appeal's text and an appeal's answer are the reasons of their {@code APPEAL} and
	 * {@code APPEAL_ANSWERED} lines), the announcements they pinned, and the text of
	 * their messages that were removed. The one change the table allows, and only in a
	 * transaction that declares it (changeset 031); every line keeps who did what, to
	 * whom and when.
	 */
	void eraseTextOf(UUID accountId) {
		jdbc.sql("select set_config('tukipiiri.erasing_personal_text', 'on', true)").query(String.class).single();
		jdbc.sql("update moderation_audit set reason = '' where actor_id = :id and action <> 'REPORT' and reason <> ''")
			.param("id", accountId)
			.update();
		jdbc.sql("update moderation_audit set details = '' where actor_id = :id and action = 'PIN' and details <> ''")
			.param("id", accountId)
			.update();
		jdbc.sql("""
				update moderation_audit set details = ''
				where target_id = :id and action in ('REMOVE_MESSAGE', 'EDIT_OWN_MESSAGE', 'DELETE_OWN_MESSAGE')
				  and details <> ''
				""").param("id", accountId).update();
		jdbc.sql("select set_config('tukipiiri.erasing_personal_text', 'off', true)").query(String.class).single();
	}

	/** Newest first; {@code beforeId} pages further back. */
	List<AuditEntry> find(AuditFilter filter) {
		return jdbc.sql("""
				select l.*, actor.display_name as actor_name, target.display_name as target_name
				from moderation_audit l
				left join accounts actor on actor.id = l.actor_id
				left join accounts target on target.id = l.target_id
				where (cast(:roomId as uuid) is null or l.room_id = :roomId)
				  and (cast(:actorId as uuid) is null or l.actor_id = :actorId)
				  and (cast(:targetId as uuid) is null or l.target_id = :targetId)
				  and (cast(:action as varchar) is null or l.action = :action)
				  and (cast(:from as timestamptz) is null or l.at >= :from)
				  and (cast(:to as timestamptz) is null or l.at < :to)
				  and (cast(:beforeId as bigint) is null or l.id < :beforeId)
				order by l.id desc limit :limit
				""")
			.param("roomId", filter.roomId())
			.param("actorId", filter.actorId())
			.param("targetId", filter.targetId())
			.param("action", filter.action())
			.param("from", timestamp(filter.from()))
			.param("to", timestamp(filter.to()))
			.param("beforeId", filter.beforeId())
			.param("limit", filter.limit())
			.query((rs, n) -> new AuditEntry(rs.getLong("id"), rs.getTimestamp("at").toInstant(),
					rs.getObject("actor_id", UUID.class), rs.getString("actor_name"), rs.getString("action"),
					rs.getObject("room_id", UUID.class), rs.getObject("target_id", UUID.class),
					rs.getString("target_name"), rs.getObject("message_id", UUID.class), rs.getString("reason"),
					rs.getString("details")))
			.list();
	}

	private static Timestamp timestamp(Instant instant) {
		return instant == null ? null : Timestamp.from(instant);
	}

}
