package fi.tukipiiri.series;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import fi.tukipiiri.accounts.PersonalData;

/**
 * A person's enrolments and attendance. Erasing withdraws their enrolments first, so
 * their seats go to the waitlist.
 */
@Component
class SeriesPersonalData implements PersonalData {

	private final JdbcClient jdbc;

	private final EnrolmentService enrolments;

	private final GuideTexts guides;

	SeriesPersonalData(JdbcClient jdbc, EnrolmentService enrolments, GuideTexts guides) {
		this.jdbc = jdbc;
		this.enrolments = enrolments;
		this.guides = guides;
	}

	record OwnEnrolment(UUID seriesId, String seriesTitle, Enrolment.Status status, Integer waitlistPosition,
			Instant requestedAt) {
	}

	record OwnAttendance(UUID seriesId, String seriesTitle, int position, Instant firstJoinedAt, long secondsPresent,
			AttendanceService.PresentAs presentAs) {
	}

	/**
	 * @param houseRulesAccepted when one accepted which group's house rules
	 * ({@code scope}: {@code series:<id>}, {@code room:<id>} or
	 * {@code day:<source>:<date>}) and in which version
	 */
	record Export(List<OwnEnrolment> enrolments, List<OwnAttendance> attendance, boolean personalCalendarFeed,
			List<GuideTexts.Accepted> houseRulesAccepted) {
	}

	@Override
	public String part() {
		return "series";
	}

	@Override
	public Object exportOf(UUID accountId) {
		List<OwnEnrolment> own = enrolments.ofAccount(accountId)
			.stream()
			.map(e -> new OwnEnrolment(e.seriesId(), title(e.seriesId()), e.status(), e.waitlistPosition(),
					e.requestedAt()))
			.toList();
		List<OwnAttendance> attended = jdbc.sql("""
				select s.series_id, se.title, s.position, a.first_joined_at, a.seconds_present, a.present_as
				from attendance a join series_sessions s on s.id = a.session_id join series se on se.id = s.series_id
				where a.account_id = :id order by a.first_joined_at
				""")
			.param("id", accountId)
			.query((rs, n) -> new OwnAttendance(rs.getObject("series_id", UUID.class), rs.getString("title"),
					rs.getInt("position"), rs.getTimestamp("first_joined_at").toInstant(),
					rs.getLong("seconds_present"), AttendanceService.PresentAs.valueOf(rs.getString("present_as"))))
			.list();
		boolean feed = jdbc.sql("select exists (select 1 from calendar_feeds where account_id = :id)")
			.param("id", accountId)
			.query(Boolean.class)
			.single();
		return new Export(own, attended, feed, guides.acceptancesOf(accountId));
	}

	@Override
	public void erase(UUID accountId) {
		enrolments.ofAccount(accountId)
			.stream()
			.filter(e -> e.status() != Enrolment.Status.WITHDRAWN)
			.forEach(e -> enrolments.withdraw(e.seriesId(), accountId));
		guides.eraseAcceptancesOf(accountId);
	}

	private String title(UUID seriesId) {
		return jdbc.sql("select title from series where id = :id").param("id", seriesId).query(String.class).single();
	}

}
