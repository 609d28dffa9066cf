package fi.tukipiiri.questions;

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

/**
 * The questions of every information session, in PostgreSQL, in the order the database
 * took them ({@code place}).
 */
@Repository
class Questions {

	private static final String SELECT = """
			select q.*, a.display_name as asker_name, h.display_name as handled_by_name
			from room_questions q
			join accounts a on a.id = q.asker_id
			left join accounts h on h.id = q.handled_by
			""";

	private final JdbcClient jdbc;

	Questions(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A question to store. */
	record NewQuestion(UUID id, UUID roomId, UUID askerId, String clientId, String body, List<String> riskCategories,
			Instant askedAt) {
	}

	/**
	 * Stores the question unless its asker sent one with this client id before; whether
	 * it was stored.
	 */
	boolean insert(NewQuestion question) {
		return jdbc.sql("""
				insert into room_questions (id, room_id, asker_id, client_id, body, risk_categories, asked_at)
				values (:id, :roomId, :askerId, :clientId, :body, :categories, :at)
				on conflict (room_id, asker_id, client_id) do nothing
				""")
			.param("id", question.id())
			.param("roomId", question.roomId())
			.param("askerId", question.askerId())
			.param("clientId", question.clientId())
			.param("body", question.body())
			.param("categories", String.join(",", question.riskCategories()))
			.param("at", Timestamp.from(question.askedAt()))
			.update() == 1;
	}

	/** The question its asker sent with this client id. */
	Optional<Question> byClientId(UUID roomId, UUID askerId, String clientId) {
		return jdbc.sql(SELECT + " where q.room_id = :roomId and q.asker_id = :askerId and q.client_id = :clientId")
			.param("roomId", roomId)
			.param("askerId", askerId)
			.param("clientId", clientId)
			.query(Questions::question)
			.optional();
	}

	/** The question in the room. */
	Optional<Question> find(UUID roomId, UUID questionId) {
		return jdbc.sql(SELECT + " where q.room_id = :roomId and q.id = :id")
			.param("roomId", roomId)
			.param("id", questionId)
			.query(Questions::question)
			.optional();
	}

	/**
	 * The question in the room, its row locked until the transaction ends, so that two
	 * staff members acting on one question take turns.
	 */
	Optional<Question> lock(UUID roomId, UUID questionId) {
		jdbc.sql("select id from room_questions where room_id = :roomId and id = :id for update")
			.param("roomId", roomId)
			.param("id", questionId)
			.query(UUID.class)
			.optional();
		return find(roomId, questionId);
	}

	/** Every question of the room, first asked first. */
	List<Question> ofRoom(UUID roomId) {
		return jdbc.sql(SELECT + " where q.room_id = :roomId order by q.place")
			.param("roomId", roomId)
			.query(Questions::question)
			.list();
	}

	/** One person's questions in the room, first asked first. */
	List<Question> ofAsker(UUID roomId, UUID askerId) {
		return jdbc.sql(SELECT + " where q.room_id = :roomId and q.asker_id = :askerId order by q.place")
			.param("roomId", roomId)
			.param("askerId", askerId)
			.query(Questions::question)
			.list();
	}

	/** How many of the person's questions in the room wait in the queue. */
	int waiting(UUID roomId, UUID askerId) {
		return jdbc.sql("""
				select count(*) from room_questions where room_id = :roomId and asker_id = :askerId and state = 'ASKED'
				""").param("roomId", roomId).param("askerId", askerId).query(Integer.class).single();
	}

	/**
	 * Moves the question to a state, by a staff member; the stream's seqs of its
	 * published copy and written answer are kept when not given (null).
	 */
	void handle(UUID questionId, QuestionState state, UUID by, Instant at, UUID messageId, Long messageSeq,
			Long answerSeq) {
		jdbc.sql("""
				update room_questions set state = :state, handled_by = :by, handled_at = :at,
				  message_id = coalesce(:messageId, message_id), message_seq = coalesce(:messageSeq, message_seq),
				  answer_seq = coalesce(:answerSeq, answer_seq)
				where id = :id
				""")
			.param("state", state.name())
			.param("by", by)
			.param("at", Timestamp.from(at))
			.param("messageId", messageId)
			.param("messageSeq", messageSeq)
			.param("answerSeq", answerSeq)
			.param("id", questionId)
			.update();
	}

	void delete(UUID questionId) {
		jdbc.sql("delete from room_questions where id = :id").param("id", questionId).update();
	}

	/**
	 * Everything one person asked, in every room, first asked first, with the room's
	 * title.
	 */
	List<AskedBy> by(UUID askerId) {
		return jdbc.sql("""
				select q.*, r.title as room_title from room_questions q join rooms r on r.id = q.room_id
				where q.asker_id = :askerId order by q.asked_at, q.place
				""")
			.param("askerId", askerId)
			.query((rs, n) -> new AskedBy(rs.getObject("room_id", UUID.class), rs.getString("room_title"),
					rs.getString("body"), QuestionState.valueOf(rs.getString("state")),
					rs.getTimestamp("asked_at").toInstant(), instant(rs.getTimestamp("handled_at"))))
			.list();
	}

	/** One of a person's questions, for their data export. */
	record AskedBy(UUID roomId, String roomTitle, String body, QuestionState state, Instant askedAt,
			Instant handledAt) {
	}

	/** The ids of the published copies in the stream of the person's questions. */
	List<UUID> publishedCopiesOf(UUID askerId) {
		return jdbc.sql("select message_id from room_questions where asker_id = :askerId and message_id is not null")
			.param("askerId", askerId)
			.query(UUID.class)
			.list();
	}

	void deleteOf(UUID askerId) {
		jdbc.sql("delete from room_questions where asker_id = :askerId").param("askerId", askerId).update();
	}

	/**
	 * Deletes the questions of rooms of this kind as their messages are deleted: when the
	 * room closed before {@code before}, or, in a room still open, when they were asked
	 * before it; how many.
	 */
	int deleteOfKindBefore(RoomKind kind, Instant before) {
		return jdbc.sql("""
				delete from room_questions q using rooms r
				where r.id = q.room_id and r.kind = :kind and coalesce(r.closed_at, q.asked_at) < :before
				""").param("kind", kind.name()).param("before", Timestamp.from(before)).update();
	}

	private static Question question(ResultSet rs, int row) throws SQLException {
		String categories = rs.getString("risk_categories");
		return new Question(rs.getObject("id", UUID.class), rs.getObject("room_id", UUID.class),
				QuestionState.valueOf(rs.getString("state")), rs.getString("body"),
				rs.getTimestamp("asked_at").toInstant(), rs.getObject("asker_id", UUID.class),
				rs.getString("asker_name"), categories.isEmpty() ? List.of() : Arrays.asList(categories.split(",")),
				rs.getObject("message_seq", Long.class), rs.getObject("answer_seq", Long.class),
				rs.getObject("handled_by", UUID.class), rs.getString("handled_by_name"),
				instant(rs.getTimestamp("handled_at")));
	}

	private static Instant instant(Timestamp timestamp) {
		return timestamp == null ? null : timestamp.toInstant();
	}

}
