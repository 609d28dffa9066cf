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

/**
 * Appeals of mutes and bans, one per sanction, and the sanctions in force on a person
 * that they may appeal.
 */
@Repository
class Appeals {

	private static final String S_IN_FORCE = "s.lifted_at is null and (s.ends_at is null or s.ends_at > :now)";

	private static final String SELECT = """
			select ap.*, person.display_name, answerer.display_name as answered_by_name,
			       s.kind, s.room_id, s.series_id, s.reason, s.imposed_by, s.imposed_at, s.ends_at, s.lifted_at,
			       room.title as room_title, imposer.display_name as imposed_by_name,
			       (%s) as in_force
			from appeals ap
			join sanctions s on s.id = ap.sanction_id
			join rooms room on room.id = s.room_id
			join accounts person on person.id = ap.account_id
			left join accounts answerer on answerer.id = ap.answered_by
			left join accounts imposer on imposer.id = s.imposed_by
			""".formatted(S_IN_FORCE);

	private final JdbcClient jdbc;

	Appeals(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A sanction on the person that is in force now, if there is one with this id. */
	Optional<Sanction> inForceOn(UUID sanctionId, UUID accountId, Instant now) {
		return jdbc
			.sql("select s.*, a.display_name from sanctions s join accounts a on a.id = s.account_id "
					+ "where s.id = :id and s.account_id = :accountId and " + S_IN_FORCE + " for update of s")
			.param("id", sanctionId)
			.param("accountId", accountId)
			.param("now", Timestamp.from(now))
			.query((rs, n) -> new Sanction(rs.getObject("id", UUID.class), Sanction.Kind.valueOf(rs.getString("kind")),
					rs.getObject("room_id", UUID.class), rs.getObject("series_id", UUID.class),
					rs.getObject("account_id", UUID.class), rs.getString("display_name"), rs.getString("reason"),
					rs.getObject("imposed_by", UUID.class), rs.getTimestamp("imposed_at").toInstant(),
					instant(rs.getTimestamp("ends_at"))))
			.optional();
	}

	/** False when the sanction already has an appeal. */
	boolean insert(UUID id, UUID sanctionId, UUID accountId, String text, Instant at) {
		return jdbc.sql("""
				insert into appeals (id, sanction_id, account_id, text, created_at)
				values (:id, :sanctionId, :accountId, :text, :at)
				on conflict (sanction_id) do nothing
				""")
			.param("id", id)
			.param("sanctionId", sanctionId)
			.param("accountId", accountId)
			.param("text", text)
			.param("at", Timestamp.from(at))
			.update() == 1;
	}

	Optional<Appeal> find(UUID id, Instant now) {
		return jdbc.sql(SELECT + " where ap.id = :id")
			.param("id", id)
			.param("now", Timestamp.from(now))
			.query(Appeals::appeal)
			.optional();
	}

	/**
	 * Oldest first: unanswered ones ({@code open} true), answered ones (false) or both
	 * (null).
	 */
	List<Appeal> list(Boolean open, Instant now, int limit) {
		return jdbc.sql(SELECT + """
				where (cast(:open as boolean) is null or (ap.answered_at is null) = :open)
				order by ap.created_at, ap.id limit :limit
				""")
			.param("open", open)
			.param("now", Timestamp.from(now))
			.param("limit", limit)
			.query(Appeals::appeal)
			.list();
	}

	/** The person's own appeals, newest first. */
	List<OwnAppeal> of(UUID accountId) {
		return jdbc.sql("""
				select ap.*, s.kind, s.room_id, room.title as room_title
				from appeals ap
				join sanctions s on s.id = ap.sanction_id
				join rooms room on room.id = s.room_id
				where ap.account_id = :accountId
				order by ap.created_at desc, ap.id
				""")
			.param("accountId", accountId)
			.query((rs, n) -> new OwnAppeal(rs.getObject("id", UUID.class), rs.getObject("sanction_id", UUID.class),
					Sanction.Kind.valueOf(rs.getString("kind")), rs.getObject("room_id", UUID.class),
					rs.getString("room_title"), rs.getString("text"), rs.getTimestamp("created_at").toInstant(),
					rs.getString("answer"), instant(rs.getTimestamp("answered_at")), outcome(rs)))
			.list();
	}

	/** The mutes and bans in force on the person, oldest first. */
	List<OwnSanction> inForceOn(UUID accountId, Instant now) {
		return jdbc.sql("""
				select s.*, room.title as room_title, ap.id as appeal_id
				from sanctions s
				join rooms room on room.id = s.room_id
				left join appeals ap on ap.sanction_id = s.id
				where s.account_id = :accountId and
				""" + S_IN_FORCE + " order by s.imposed_at, s.id")
			.param("accountId", accountId)
			.param("now", Timestamp.from(now))
			.query((rs, n) -> new OwnSanction(rs.getObject("id", UUID.class),
					Sanction.Kind.valueOf(rs.getString("kind")), rs.getObject("room_id", UUID.class),
					rs.getString("room_title"), rs.getObject("series_id", UUID.class), rs.getString("reason"),
					rs.getTimestamp("imposed_at").toInstant(), instant(rs.getTimestamp("ends_at")),
					rs.getObject("appeal_id") != null, rs.getObject("appeal_id", UUID.class)))
			.list();
	}

	/** False when it was answered already. */
	boolean answer(UUID id, UUID answeredBy, String answer, Appeal.Outcome outcome, Instant at) {
		return jdbc.sql("""
				update appeals set answered_by = :by, answer = :answer, outcome = :outcome, answered_at = :at
				where id = :id and answered_at is null
				""")
			.param("by", answeredBy)
			.param("answer", answer)
			.param("outcome", outcome.name())
			.param("at", Timestamp.from(at))
			.param("id", id)
			.update() == 1;
	}

	/** Blanks the answers the person wrote; the appeals stay, for those who made them. */
	void eraseAnswersBy(UUID accountId) {
		jdbc.sql("update appeals set answer = '' where answered_by = :id and answer <> ''")
			.param("id", accountId)
			.update();
	}

	private static Appeal appeal(ResultSet rs, int row) throws SQLException {
		Appeal.AppealedSanction sanction = new Appeal.AppealedSanction(rs.getObject("sanction_id", UUID.class),
				Sanction.Kind.valueOf(rs.getString("kind")), rs.getObject("room_id", UUID.class),
				rs.getString("room_title"), rs.getObject("series_id", UUID.class), rs.getString("reason"),
				rs.getObject("imposed_by", UUID.class), rs.getString("imposed_by_name"),
				rs.getTimestamp("imposed_at").toInstant(), instant(rs.getTimestamp("ends_at")),
				instant(rs.getTimestamp("lifted_at")), rs.getBoolean("in_force"));
		return new Appeal(rs.getObject("id", UUID.class), rs.getObject("account_id", UUID.class),
				rs.getString("display_name"), rs.getString("text"), rs.getTimestamp("created_at").toInstant(), sanction,
				rs.getString("answer"), rs.getObject("answered_by", UUID.class), rs.getString("answered_by_name"),
				instant(rs.getTimestamp("answered_at")), outcome(rs));
	}

	private static Appeal.Outcome outcome(ResultSet rs) throws SQLException {
		String outcome = rs.getString("outcome");
		return outcome == null ? null : Appeal.Outcome.valueOf(outcome);
	}

	private static Instant instant(Timestamp timestamp) {
		return timestamp == null ? null : timestamp.toInstant();
	}

}
