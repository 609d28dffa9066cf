package fi.tukipiiri.moderation;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class RiskFlags {

	private final JdbcClient jdbc;

	RiskFlags(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(UUID id, UUID roomId, UUID messageId, long seq, UUID authorId, List<String> categories, Instant at) {
		jdbc.sql("""
				insert into risk_flags (id, room_id, message_id, seq, author_id, categories, created_at)
				values (:id, :roomId, :messageId, :seq, :authorId, :categories, :at)
				""")
			.param("id", id)
			.param("roomId", roomId)
			.param("messageId", messageId)
			.param("seq", seq)
			.param("authorId", authorId)
			.param("categories", String.join(",", categories))
			.param("at", Timestamp.from(at))
			.update();
	}

	/** A flag on a question put to an information session's staff, not on a message. */
	void insertForQuestion(UUID id, UUID roomId, UUID questionId, UUID askerId, List<String> categories, Instant at) {
		jdbc.sql("""
				insert into risk_flags (id, room_id, question_id, author_id, categories, created_at)
				values (:id, :roomId, :questionId, :authorId, :categories, :at)
				""")
			.param("id", id)
			.param("roomId", roomId)
			.param("questionId", questionId)
			.param("authorId", askerId)
			.param("categories", String.join(",", categories))
			.param("at", Timestamp.from(at))
			.update();
	}

	/**
	 * The room's flags on messages (a flagged question is marked in the question queue),
	 * newest first, with the flagged text unless it has been removed since.
	 */
	List<RiskFlag> of(UUID roomId, int limit) {
		return jdbc.sql("""
				select f.*, a.display_name, case when m.removed_at is null then m.body end as body,
				       coalesce(m.removed_at is null and m.sensitive, false) as sensitive
				from risk_flags f
				left join accounts a on a.id = f.author_id
				left join messages m on m.id = f.message_id
				where f.room_id = :roomId and f.message_id is not null order by f.created_at desc limit :limit
				""")
			.param("roomId", roomId)
			.param("limit", limit)
			.query((rs, n) -> new RiskFlag(rs.getObject("id", UUID.class), rs.getObject("room_id", UUID.class),
					rs.getObject("message_id", UUID.class), rs.getLong("seq"), rs.getObject("author_id", UUID.class),
					rs.getString("display_name"), rs.getString("body"),
					Arrays.asList(rs.getString("categories").split(",")), rs.getTimestamp("created_at").toInstant(),
					rs.getObject("seen_by") != null, rs.getBoolean("sensitive")))
			.list();
	}

	boolean markSeen(UUID roomId, UUID flagId, UUID by, Instant at) {
		return jdbc.sql(
				"update risk_flags set seen_by = :by, seen_at = :at where id = :id and room_id = :roomId and seen_by is null")
			.param("by", by)
			.param("at", Timestamp.from(at))
			.param("id", flagId)
			.param("roomId", roomId)
			.update() == 1;
	}

}
