package fi.tukipiiri.rooms;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The message store. Sequence numbers come from the room row, taken under its lock, so
 * they have no gaps.
 */
@Repository
class Messages {

	private static final String SELECT = """
			select m.room_id, m.seq, m.id, m.author_id, a.display_name, m.author_role,
			       case when m.removed_at is null then m.body end as body, m.sent_at, m.removed_at is not null as removed,
			       m.kind, case when m.removed_at is null then m.translations end as translations
			from messages m left join accounts a on a.id = m.author_id
			""";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final TypeReference<Map<String, String>> TRANSLATIONS = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	Messages(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	record LockedRoom(long lastSeq, RoomState state) {
	}

	/**
	 * Locks the room row until the transaction ends: senders to one room take their turn,
	 * so numbers have no gaps.
	 */
	Optional<LockedRoom> lockRoom(UUID roomId) {
		return jdbc.sql("select last_seq, state from rooms where id = :id for no key update")
			.param("id", roomId)
			.query((rs, n) -> new LockedRoom(rs.getLong("last_seq"), RoomState.valueOf(rs.getString("state"))))
			.optional();
	}

	Optional<ChatMessage> findByClientId(UUID roomId, UUID authorId, String clientId) {
		return jdbc.sql(SELECT + " where m.room_id = :roomId and m.author_id = :authorId and m.client_id = :clientId")
			.param("roomId", roomId)
			.param("authorId", authorId)
			.param("clientId", clientId)
			.query(Messages::message)
			.optional();
	}

	/**
	 * Stores the message under the next sequence number; the caller holds the room lock.
	 */
	void append(ChatMessage message, String clientId) {
		jdbc.sql("update rooms set last_seq = :seq where id = :roomId")
			.param("seq", message.seq())
			.param("roomId", message.roomId())
			.update();
		jdbc.sql(
				"""
						insert into messages (room_id, seq, id, author_id, author_role, client_id, body, sent_at, kind, translations)
						values (:roomId, :seq, :id, :authorId, :authorRole, :clientId, :body, :sentAt, :kind, cast(:translations as jsonb))
						""")
			.param("roomId", message.roomId())
			.param("seq", message.seq())
			.param("id", message.id())
			.param("authorId", message.authorId())
			.param("authorRole", message.authorRole().name())
			.param("clientId", clientId)
			.param("body", message.body())
			.param("sentAt", Timestamp.from(message.sentAt()))
			.param("kind", message.kind().name())
			.param("translations",
					message.translations() == null ? null : JSON.writeValueAsString(message.translations()))
			.update();
	}

	List<ChatMessage> between(UUID roomId, long afterSeq, long beforeSeq, int limit) {
		return jdbc
			.sql(SELECT
					+ " where m.room_id = :roomId and m.seq > :after and m.seq < :before order by m.seq limit :limit")
			.param("roomId", roomId)
			.param("after", afterSeq)
			.param("before", beforeSeq)
			.param("limit", limit)
			.query(Messages::message)
			.list();
	}

	List<ChatMessage> before(UUID roomId, long beforeSeq, int limit) {
		List<ChatMessage> newestFirst = jdbc
			.sql(SELECT + " where m.room_id = :roomId and m.seq < :before order by m.seq desc limit :limit")
			.param("roomId", roomId)
			.param("before", beforeSeq)
			.param("limit", limit)
			.query(Messages::message)
			.list();
		List<ChatMessage> ascending = new ArrayList<>(newestFirst);
		Collections.reverse(ascending);
		return ascending;
	}

	/** The message as it was written, also when it has been removed since. */
	Optional<ChatMessage> findOriginal(UUID roomId, UUID messageId) {
		return jdbc.sql("""
				select m.room_id, m.seq, m.id, m.author_id, a.display_name, m.author_role, m.body, m.sent_at,
				       m.removed_at is not null as removed, m.kind, m.translations
				from messages m left join accounts a on a.id = m.author_id
				where m.room_id = :roomId and m.id = :id
				""").param("roomId", roomId).param("id", messageId).query(Messages::message).optional();
	}

	/** Marks the message removed; false if it was removed already. */
	boolean markRemoved(UUID messageId, UUID removedBy, String reason, Instant at) {
		return jdbc.sql("""
				update messages set removed_at = :at, removed_by = :by, removal_reason = :reason
				where id = :id and removed_at is null
				""")
			.param("at", Timestamp.from(at))
			.param("by", removedBy)
			.param("reason", reason)
			.param("id", messageId)
			.update() == 1;
	}

	/**
	 * The messages just before and after one, for a reviewer to read it in its context.
	 */
	List<ChatMessage> around(UUID roomId, long seq, int each) {
		return jdbc.sql(SELECT + " where m.room_id = :roomId and m.seq between :from and :to order by m.seq")
			.param("roomId", roomId)
			.param("from", seq - each)
			.param("to", seq + each)
			.query(Messages::message)
			.list();
	}

	private static ChatMessage message(ResultSet rs, int row) throws SQLException {
		return new ChatMessage(rs.getObject("room_id", UUID.class), rs.getLong("seq"), rs.getObject("id", UUID.class),
				rs.getObject("author_id", UUID.class), rs.getString("display_name"),
				RoomRole.valueOf(rs.getString("author_role")), rs.getString("body"),
				rs.getTimestamp("sent_at").toInstant(), rs.getBoolean("removed"),
				MessageKind.valueOf(rs.getString("kind")), translations(rs.getString("translations")));
	}

	private static Map<String, String> translations(String json) {
		return json == null ? null : JSON.readValue(json, TRANSLATIONS);
	}

}
