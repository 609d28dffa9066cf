package fi.tukipiiri.sessionnotes;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The stored notes: a series' notes, or a room's outside any series. */
@Repository
class Notes {

	private final JdbcClient jdbc;

	Notes(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * A stored note; {@code seriesId} and {@code sessionId} are {@code null} for a room
	 * outside any series.
	 */
	record Note(UUID id, UUID roomId, UUID seriesId, UUID sessionId, UUID authorId, String body, Instant createdAt,
			Instant editedAt) {
	}

	private static final String COLUMNS = "id, room_id, series_id, session_id, author_id, body, created_at, edited_at";

	void insert(Note note) {
		jdbc.sql("insert into session_notes (" + COLUMNS
				+ ") values (:id, :roomId, :seriesId, :sessionId, :authorId, :body, :createdAt, null)")
			.param("id", note.id())
			.param("roomId", note.roomId())
			.param("seriesId", note.seriesId())
			.param("sessionId", note.sessionId())
			.param("authorId", note.authorId())
			.param("body", note.body())
			.param("createdAt", Timestamp.from(note.createdAt()))
			.update();
	}

	/** Every note of the series, from all its rooms, newest first. */
	List<Note> ofSeries(UUID seriesId) {
		return jdbc
			.sql("select " + COLUMNS + " from session_notes where series_id = :seriesId "
					+ "order by created_at desc, id desc")
			.param("seriesId", seriesId)
			.query(Notes::note)
			.list();
	}

	/** The notes of a room outside any series, newest first. */
	List<Note> ofRoom(UUID roomId) {
		return jdbc
			.sql("select " + COLUMNS + " from session_notes where room_id = :roomId and series_id is null "
					+ "order by created_at desc, id desc")
			.param("roomId", roomId)
			.query(Notes::note)
			.list();
	}

	Optional<Note> find(UUID id) {
		return jdbc.sql("select " + COLUMNS + " from session_notes where id = :id")
			.param("id", id)
			.query(Notes::note)
			.optional();
	}

	void updateBody(UUID id, String body, Instant editedAt) {
		jdbc.sql("update session_notes set body = :body, edited_at = :at where id = :id")
			.param("id", id)
			.param("body", body)
			.param("at", Timestamp.from(editedAt))
			.update();
	}

	void delete(UUID id) {
		jdbc.sql("delete from session_notes where id = :id").param("id", id).update();
	}

	/** Everything this person wrote, oldest first. */
	List<Note> by(UUID authorId) {
		return jdbc.sql("select " + COLUMNS + " from session_notes where author_id = :authorId order by created_at")
			.param("authorId", authorId)
			.query(Notes::note)
			.list();
	}

	int deleteBy(UUID authorId) {
		return jdbc.sql("delete from session_notes where author_id = :authorId").param("authorId", authorId).update();
	}

	/** The series that have notes. */
	List<UUID> seriesWithNotes() {
		return jdbc.sql("select distinct series_id from session_notes where series_id is not null")
			.query(UUID.class)
			.list();
	}

	int deleteOfSeries(Collection<UUID> seriesIds) {
		if (seriesIds.isEmpty()) {
			return 0;
		}
		return jdbc.sql("delete from session_notes where series_id in (:ids)").param("ids", seriesIds).update();
	}

	/** Notes of rooms outside any series last written before {@code before}. */
	int deleteOutsideSeriesWrittenBefore(Instant before) {
		return jdbc
			.sql("delete from session_notes where series_id is null and coalesce(edited_at, created_at) < :before")
			.param("before", Timestamp.from(before))
			.update();
	}

	private static Note note(ResultSet rs, int row) throws SQLException {
		Timestamp edited = rs.getTimestamp("edited_at");
		return new Note(rs.getObject("id", UUID.class), rs.getObject("room_id", UUID.class),
				rs.getObject("series_id", UUID.class), rs.getObject("session_id", UUID.class),
				rs.getObject("author_id", UUID.class), rs.getString("body"), rs.getTimestamp("created_at").toInstant(),
				edited == null ? null : edited.toInstant());
	}

}
