package fi.tukipiiri.workbook;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The stored answers, each one person's for one session of a series. */
@Repository
class WorkbookAnswers {

	private final JdbcClient jdbc;

	WorkbookAnswers(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A stored answer. */
	record Answer(UUID accountId, UUID seriesId, int position, String body, Instant createdAt, Instant updatedAt,
			Instant sharedAt) {
	}

	private static final String COLUMNS = "account_id, series_id, position, body, created_at, updated_at, shared_at";

	Optional<Answer> find(UUID accountId, UUID seriesId, int position) {
		return jdbc
			.sql("select " + COLUMNS
					+ " from workbook_answers where account_id = :a and series_id = :s and position = :p")
			.param("a", accountId)
			.param("s", seriesId)
			.param("p", position)
			.query(WorkbookAnswers::answer)
			.optional();
	}

	/** One person's answers, by series and place. */
	List<Answer> of(UUID accountId) {
		return jdbc
			.sql("select " + COLUMNS + " from workbook_answers where account_id = :a order by series_id, position")
			.param("a", accountId)
			.query(WorkbookAnswers::answer)
			.list();
	}

	/** Writes the answer, keeping when it was first written and last shared. */
	void save(UUID accountId, UUID seriesId, int position, String body, Instant at) {
		jdbc.sql(
				"""
						insert into workbook_answers (account_id, series_id, position, body, created_at, updated_at)
						values (:a, :s, :p, :body, :at, :at)
						on conflict (account_id, series_id, position) do update set body = excluded.body, updated_at = excluded.updated_at
						""")
			.param("a", accountId)
			.param("s", seriesId)
			.param("p", position)
			.param("body", body)
			.param("at", Timestamp.from(at))
			.update();
	}

	void markShared(UUID accountId, UUID seriesId, int position, Instant at) {
		jdbc.sql("""
				update workbook_answers set shared_at = :at where account_id = :a and series_id = :s and position = :p
				""")
			.param("a", accountId)
			.param("s", seriesId)
			.param("p", position)
			.param("at", Timestamp.from(at))
			.update();
	}

	void delete(UUID accountId, UUID seriesId, int position) {
		jdbc.sql("delete from workbook_answers where account_id = :a and series_id = :s and position = :p")
			.param("a", accountId)
			.param("s", seriesId)
			.param("p", position)
			.update();
	}

	int deleteOf(UUID accountId) {
		return jdbc.sql("delete from workbook_answers where account_id = :a").param("a", accountId).update();
	}

	private static Answer answer(ResultSet rs, int row) throws SQLException {
		Timestamp shared = rs.getTimestamp("shared_at");
		return new Answer(rs.getObject("account_id", UUID.class), rs.getObject("series_id", UUID.class),
				rs.getInt("position"), rs.getString("body"), rs.getTimestamp("created_at").toInstant(),
				rs.getTimestamp("updated_at").toInstant(), shared == null ? null : shared.toInstant());
	}

}
