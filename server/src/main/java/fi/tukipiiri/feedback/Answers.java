package fi.tukipiiri.feedback;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Feedback and self-assessment answers. */
@Repository
class Answers {

	private final JdbcClient jdbc;

	Answers(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	record Feedback(UUID sessionId, UUID accountId, String displayName, int rating, String helped, String better,
			String freeText, boolean anonymous, Instant submittedAt, Instant updatedAt) {
	}

	record Assessment(UUID accountId, String phase, String item, int value) {
	}

	void saveFeedback(UUID sessionId, UUID seriesId, UUID accountId, FeedbackService.Form form, Instant at) {
		jdbc.sql(
				"""
						insert into session_feedback (session_id, account_id, series_id, rating, helped, better, free_text, anonymous, submitted_at, updated_at)
						values (:session, :account, :series, :rating, :helped, :better, :free, :anonymous, :at, :at)
						on conflict (session_id, account_id) do update set rating = excluded.rating, helped = excluded.helped,
						    better = excluded.better, free_text = excluded.free_text, anonymous = excluded.anonymous, updated_at = excluded.updated_at
						""")
			.param("session", sessionId)
			.param("account", accountId)
			.param("series", seriesId)
			.param("rating", form.rating())
			.param("helped", form.helped())
			.param("better", form.better())
			.param("free", form.freeText())
			.param("anonymous", form.anonymous())
			.param("at", Timestamp.from(at))
			.update();
	}

	Optional<Feedback> feedbackOf(UUID sessionId, UUID accountId) {
		return jdbc.sql(FEEDBACK + " where f.session_id = :session and f.account_id = :account")
			.param("session", sessionId)
			.param("account", accountId)
			.query(Answers::feedback)
			.optional();
	}

	List<Feedback> feedbackOfSeries(UUID seriesId) {
		return jdbc.sql(FEEDBACK + " where f.series_id = :series")
			.param("series", seriesId)
			.query(Answers::feedback)
			.list();
	}

	List<Feedback> feedbackBy(UUID accountId) {
		return jdbc.sql(FEEDBACK + " where f.account_id = :account order by f.submitted_at")
			.param("account", accountId)
			.query(Answers::feedback)
			.list();
	}

	void saveAssessment(UUID seriesId, UUID accountId, String phase, Map<String, Integer> values, Instant at) {
		jdbc.sql(
				"delete from self_assessment_answers where series_id = :series and account_id = :account and phase = :phase")
			.param("series", seriesId)
			.param("account", accountId)
			.param("phase", phase)
			.update();
		values.forEach((item, value) -> jdbc.sql("""
				insert into self_assessment_answers (series_id, account_id, phase, item, value, submitted_at)
				values (:series, :account, :phase, :item, :value, :at)
				""")
			.param("series", seriesId)
			.param("account", accountId)
			.param("phase", phase)
			.param("item", item)
			.param("value", value)
			.param("at", Timestamp.from(at))
			.update());
	}

	List<Assessment> assessmentsOfSeries(UUID seriesId) {
		return jdbc.sql("select account_id, phase, item, value from self_assessment_answers where series_id = :series")
			.param("series", seriesId)
			.query((rs, n) -> new Assessment(rs.getObject("account_id", UUID.class), rs.getString("phase"),
					rs.getString("item"), rs.getInt("value")))
			.list();
	}

	record OwnAssessment(UUID seriesId, String phase, String item, int value, Instant submittedAt) {
	}

	List<OwnAssessment> assessmentsBy(UUID accountId) {
		return jdbc.sql("select * from self_assessment_answers where account_id = :account order by submitted_at, item")
			.param("account", accountId)
			.query((rs, n) -> new OwnAssessment(rs.getObject("series_id", UUID.class), rs.getString("phase"),
					rs.getString("item"), rs.getInt("value"), rs.getTimestamp("submitted_at").toInstant()))
			.list();
	}

	boolean hasAssessment(UUID seriesId, UUID accountId, String phase) {
		return jdbc.sql(
				"select exists (select 1 from self_assessment_answers where series_id = :s and account_id = :a and phase = :p)")
			.param("s", seriesId)
			.param("a", accountId)
			.param("p", phase)
			.query(Boolean.class)
			.single();
	}

	private static final String FEEDBACK = """
			select f.*, a.display_name from session_feedback f join accounts a on a.id = f.account_id
			""";

	private static Feedback feedback(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		return new Feedback(rs.getObject("session_id", UUID.class), rs.getObject("account_id", UUID.class),
				rs.getString("display_name"), rs.getInt("rating"), rs.getString("helped"), rs.getString("better"),
				rs.getString("free_text"), rs.getBoolean("anonymous"), rs.getTimestamp("submitted_at").toInstant(),
				rs.getTimestamp("updated_at").toInstant());
	}

}
