package fi.tukipiiri.rooms;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.SqlArrayValue;
import org.springframework.stereotype.Repository;

/**
 * The message store. Sequence numbers come from the room row, taken under its lock, so
 * they have no gaps.
 */
@Repository
class Messages {

	/**
	 * Whether (and by whom) it was removed, and when edited: the same for readers and
	 * moderators.
	 */
	private static final String CHANGES = """
			m.removed_at is not null as removed,
			m.removed_at is not null and m.author_id is not null and m.removed_by is not distinct from m.author_id
			  as removed_by_writer,
			m.edited_at, m.sensitive, m.answers_seq
			""";

	private static final String COLUMNS = """
			m.room_id, m.seq, m.id, m.author_id, a.display_name, m.author_role,
			case when m.removed_at is null then m.body end as body, m.sent_at, m.kind,
			case when m.removed_at is null then m.translations end as translations,
			""" + CHANGES;

	/** One message as written, also when removed since. */
	private static final String ORIGINAL = """
			select m.room_id, m.seq, m.id, m.author_id, a.display_name, m.author_role, m.body, m.sent_at, m.kind,
			       m.translations,
			""" + CHANGES + """
			from messages m left join accounts a on a.id = m.author_id
			where m.room_id = :roomId and m.id = :id
			""";

	private static final String SELECT = "select " + COLUMNS
			+ " from messages m left join accounts a on a.id = m.author_id ";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final TypeReference<Map<String, String>> TRANSLATIONS = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	Messages(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	record LockedRoom(long lastSeq, RoomState state, RoomFormat format) {
	}

	/** A sender's message as its client named it. */
	record ClientKey(UUID roomId, UUID authorId, String clientId) {
	}

	/**
	 * Locks the rooms' rows until the transaction ends, in the order of their ids, so
	 * that two batches never wait on each other; rooms that do not exist are absent.
	 */
	Map<UUID, LockedRoom> lockRooms(Collection<UUID> roomIds) {
		Map<UUID, LockedRoom> locked = new HashMap<>();
		jdbc.sql("select id, last_seq, state, format from rooms where id = any(:ids) order by id for no key update")
			.param("ids", uuids(roomIds))
			.query((rs, n) -> locked.put(rs.getObject("id", UUID.class),
					new LockedRoom(rs.getLong("last_seq"), RoomState.valueOf(rs.getString("state")),
							RoomFormat.valueOf(rs.getString("format")))))
			.list();
		return locked;
	}

	/** The messages stored before under these client ids. */
	Map<ClientKey, ChatMessage> findByClientIds(Collection<ClientKey> keys) {
		Map<ClientKey, ChatMessage> found = new HashMap<>();
		jdbc.sql("select m.client_id, " + COLUMNS + """
				from messages m left join accounts a on a.id = m.author_id
				join unnest(:rooms, :authors, :clients) as k(room_id, author_id, client_id)
				  on m.room_id = k.room_id and m.author_id = k.author_id and m.client_id = k.client_id
				""")
			.param("rooms", uuids(keys.stream().map(ClientKey::roomId).toList()))
			.param("authors", uuids(keys.stream().map(ClientKey::authorId).toList()))
			.param("clients", texts(keys.stream().map(ClientKey::clientId).toList()))
			.query((rs,
					n) -> found.put(new ClientKey(rs.getObject("room_id", UUID.class),
							rs.getObject("author_id", UUID.class), rs.getString("client_id")), message(rs, n)))
			.list();
		return found;
	}

	/**
	 * Stores the messages, each under the sequence number it carries, and moves each
	 * room's last number to the highest of them: two statements for the whole batch. The
	 * caller holds the rooms' locks.
	 */
	void appendAll(List<ChatMessage> batch, List<String> clientIds) {
		Map<UUID, Long> lastSeq = new HashMap<>();
		batch.forEach(message -> lastSeq.merge(message.roomId(), message.seq(), Math::max));
		jdbc.sql("""
				update rooms r set last_seq = v.seq from unnest(:ids, :seqs) as v(id, seq)
				where r.id = v.id
				""")
			.param("ids", uuids(lastSeq.keySet()))
			.param("seqs", new SqlArrayValue("bigint", lastSeq.values().toArray()))
			.update();
		jdbc.sql(
				"""
						insert into messages (room_id, seq, id, author_id, author_role, client_id, body, sent_at, kind, translations,
						                      sensitive, answers_seq)
						select room_id, seq, id, author_id, author_role, client_id, body, sent_at, kind, cast(translations as jsonb),
						       sensitive, answers_seq
						from unnest(:rooms, :seqs, :ids, :authors, :roles, :clients, :bodies, :sentAt, :kinds, :translations,
						            :sensitive, :answers)
						  as v(room_id, seq, id, author_id, author_role, client_id, body, sent_at, kind, translations, sensitive,
						       answers_seq)
						""")
			.param("rooms", uuids(batch.stream().map(ChatMessage::roomId).toList()))
			.param("seqs", new SqlArrayValue("bigint", batch.stream().map(ChatMessage::seq).toArray()))
			.param("ids", uuids(batch.stream().map(ChatMessage::id).toList()))
			.param("authors", uuids(batch.stream().map(ChatMessage::authorId).toList()))
			.param("roles", texts(batch.stream().map(message -> message.authorRole().name()).toList()))
			.param("clients", texts(clientIds))
			.param("bodies", texts(batch.stream().map(ChatMessage::body).toList()))
			.param("sentAt",
					new SqlArrayValue("timestamptz",
							batch.stream().map(message -> Timestamp.from(message.sentAt())).toArray()))
			.param("kinds", texts(batch.stream().map(message -> message.kind().name()).toList()))
			.param("translations", texts(batch.stream()
				.map(message -> message.translations() == null ? null : JSON.writeValueAsString(message.translations()))
				.toList()))
			.param("sensitive", new SqlArrayValue("boolean", batch.stream().map(ChatMessage::sensitive).toArray()))
			.param("answers", new SqlArrayValue("bigint", batch.stream().map(ChatMessage::answersSeq).toArray()))
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
		return jdbc.sql(ORIGINAL).param("roomId", roomId).param("id", messageId).query(Messages::message).optional();
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
	 * Blanks a published question's text and marks it removed, as an erased writer's
	 * messages are.
	 */
	void eraseQuestion(UUID messageId, Instant at) {
		jdbc.sql("""
				update messages set body = '', removed_at = coalesce(removed_at, :at), removal_reason = 'author erased'
				where id = :id and kind = 'QUESTION'
				""").param("at", Timestamp.from(at)).param("id", messageId).update();
	}

	/**
	 * Replaces the text of a message that is not removed, keeping what it replaced in
	 * {@code message_edits}; false when it is removed (or gone).
	 */
	boolean edit(UUID messageId, String previousBody, String newBody, Instant at) {
		boolean changed = jdbc.sql("""
				update messages set body = :body, edited_at = :at where id = :id and removed_at is null
				""").param("body", newBody).param("at", Timestamp.from(at)).param("id", messageId).update() == 1;
		if (changed) {
			jdbc.sql("""
					insert into message_edits (id, message_id, edited_at, previous_body)
					values (:id, :message, :at, :previous)
					""")
				.param("id", UUID.randomUUID())
				.param("message", messageId)
				.param("at", Timestamp.from(at))
				.param("previous", previousBody)
				.update();
		}
		return changed;
	}

	/** The texts a message had before each edit, oldest first. */
	List<MessageEdit> editsOf(UUID messageId) {
		return jdbc.sql("""
				select edited_at, previous_body from message_edits where message_id = :id order by edited_at, id
				""")
			.param("id", messageId)
			.query((rs, n) -> new MessageEdit(rs.getTimestamp("edited_at").toInstant(), rs.getString("previous_body")))
			.list();
	}

	/**
	 * The message as written, its row locked until the transaction ends, so that two
	 * changes of one message take turns.
	 */
	Optional<ChatMessage> lockOriginal(UUID roomId, UUID messageId) {
		return jdbc.sql(ORIGINAL + " for update of m")
			.param("roomId", roomId)
			.param("id", messageId)
			.query(Messages::message)
			.optional();
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

	private static SqlArrayValue uuids(Collection<UUID> ids) {
		return new SqlArrayValue("uuid", ids.toArray());
	}

	private static SqlArrayValue texts(List<String> texts) {
		return new SqlArrayValue("text", texts.toArray());
	}

	private static ChatMessage message(ResultSet rs, int row) throws SQLException {
		return new ChatMessage(rs.getObject("room_id", UUID.class), rs.getLong("seq"), rs.getObject("id", UUID.class),
				rs.getObject("author_id", UUID.class), rs.getString("display_name"),
				RoomRole.valueOf(rs.getString("author_role")), rs.getString("body"),
				rs.getTimestamp("sent_at").toInstant(), rs.getBoolean("removed"),
				MessageKind.valueOf(rs.getString("kind")), translations(rs.getString("translations")),
				rs.getBoolean("removed_by_writer"), instant(rs.getTimestamp("edited_at")), rs.getBoolean("sensitive"),
				rs.getObject("answers_seq", Long.class));
	}

	private static Instant instant(Timestamp timestamp) {
		return timestamp == null ? null : timestamp.toInstant();
	}

	private static Map<String, String> translations(String json) {
		return json == null ? null : JSON.readValue(json, TRANSLATIONS);
	}

}
