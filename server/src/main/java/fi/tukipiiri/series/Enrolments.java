package fi.tukipiiri.series;

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
 * Enrolments and waitlists. Changes to one series take its row lock first, so seats are
 * counted one request at a time.
 */
@Repository
class Enrolments {

	private static final String SELECT = """
			select e.series_id, e.account_id, e.status, e.requested_at,
			       case when e.status = 'WAITLISTED' then (
			         select count(*) from enrolments w
			         where w.series_id = e.series_id and w.status = 'WAITLISTED' and w.request_seq <= e.request_seq)
			       end as waitlist_position
			from enrolments e
			""";

	private final JdbcClient jdbc;

	Enrolments(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	record Fill(int enrolled, int waitlisted) {
	}

	/** Locks the series for this transaction; empty if there is no such series. */
	Optional<String> lockSeries(UUID seriesId) {
		return jdbc.sql("select state from series where id = :id for no key update")
			.param("id", seriesId)
			.query(String.class)
			.optional();
	}

	Optional<Enrolment> find(UUID seriesId, UUID accountId) {
		return jdbc.sql(SELECT + " where e.series_id = :series and e.account_id = :account")
			.param("series", seriesId)
			.param("account", accountId)
			.query(Enrolments::enrolment)
			.optional();
	}

	List<Enrolment> ofAccount(UUID accountId) {
		return jdbc.sql(SELECT + " where e.account_id = :account and e.status <> 'WITHDRAWN' order by e.requested_at")
			.param("account", accountId)
			.query(Enrolments::enrolment)
			.list();
	}

	List<Enrolment> applicants(UUID seriesId) {
		return jdbc.sql(SELECT + " where e.series_id = :series and e.status <> 'WITHDRAWN' order by e.request_seq")
			.param("series", seriesId)
			.query(Enrolments::enrolment)
			.list();
	}

	Fill fill(UUID seriesId) {
		return jdbc.sql("""
				select count(*) filter (where status = 'ENROLLED') as enrolled,
				       count(*) filter (where status = 'WAITLISTED') as waitlisted
				from enrolments where series_id = :series
				""")
			.param("series", seriesId)
			.query((rs, n) -> new Fill(rs.getInt("enrolled"), rs.getInt("waitlisted")))
			.single();
	}

	void request(UUID seriesId, UUID accountId, Enrolment.Status status, Instant at) {
		jdbc.sql(
				"""
						insert into enrolments (series_id, account_id, status, request_seq, requested_at, updated_at)
						values (:series, :account, :status, nextval('enrolment_requests'), :at, :at)
						on conflict (series_id, account_id) do update
						  set status = excluded.status, request_seq = excluded.request_seq, requested_at = excluded.requested_at,
						      updated_at = excluded.updated_at
						""")
			.param("series", seriesId)
			.param("account", accountId)
			.param("status", status.name())
			.param("at", Timestamp.from(at))
			.update();
	}

	void changeStatus(UUID seriesId, UUID accountId, Enrolment.Status status, Instant at) {
		jdbc.sql(
				"update enrolments set status = :status, updated_at = :at where series_id = :series and account_id = :account")
			.param("status", status.name())
			.param("at", Timestamp.from(at))
			.param("series", seriesId)
			.param("account", accountId)
			.update();
	}

	List<UUID> enrolledAccounts(UUID seriesId) {
		return jdbc.sql("select account_id from enrolments where series_id = :id and status = 'ENROLLED'")
			.param("id", seriesId)
			.query(UUID.class)
			.list();
	}

	Optional<UUID> firstWaitlisted(UUID seriesId) {
		return jdbc.sql("""
				select account_id from enrolments where series_id = :series and status = 'WAITLISTED'
				order by request_seq limit 1
				""").param("series", seriesId).query(UUID.class).optional();
	}

	private static Enrolment enrolment(ResultSet rs, int row) throws SQLException {
		Number position = (Number) rs.getObject("waitlist_position");
		return new Enrolment(rs.getObject("series_id", UUID.class), rs.getObject("account_id", UUID.class),
				Enrolment.Status.valueOf(rs.getString("status")), position == null ? null : position.intValue(),
				rs.getTimestamp("requested_at").toInstant());
	}

}
