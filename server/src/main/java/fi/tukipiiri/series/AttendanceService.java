package fi.tukipiiri.series;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import fi.tukipiiri.accounts.AccountService;
import fi.tukipiiri.series.SeriesProblems.SeriesNotFound;

/** Attendance of a series' sessions, for the coordinators who plan it. */
@Service
public class AttendanceService {

	private final Attendance attendance;

	private final PlannedSeries series;

	private final AccountService accounts;

	AttendanceService(Attendance attendance, PlannedSeries series, AccountService accounts) {
		this.attendance = attendance;
		this.series = series;
		this.accounts = accounts;
	}

	public record Attendee(UUID accountId, String displayName, Instant firstJoinedAt, long secondsPresent) {
	}

	public record SessionAttendance(UUID sessionId, int position, Series.SessionState state, List<Attendee> attendees) {
	}

	public record AttendedSession(UUID seriesId, String seriesTitle, fi.tukipiiri.rooms.RoomKind kind, UUID sessionId,
			int position, LocalizedText theme, Instant startsAt, Instant endsAt, Series.SessionState state) {
	}

	/**
	 * The sessions the person attended that ended (or will end) after the given instant,
	 * latest first.
	 */
	@Transactional(readOnly = true)
	public List<AttendedSession> attendedBy(UUID accountId, Instant endedAfter) {
		return attendance.attendedBy(accountId, endedAfter);
	}

	/** Whether the person was in the session's room while it was open or live. */
	@Transactional(readOnly = true)
	public boolean attended(UUID sessionId, UUID accountId) {
		return attendance.ofSession(sessionId).stream().anyMatch(record -> record.accountId().equals(accountId));
	}

	/** Everyone who was in the session's room while it was open or live. */
	@Transactional(readOnly = true)
	public List<UUID> attendeesOf(UUID sessionId) {
		return attendance.ofSession(sessionId).stream().map(Attendance.Record::accountId).toList();
	}

	@Transactional(readOnly = true)
	public List<SessionAttendance> ofSeries(UUID seriesId) {
		Series planned = series.find(seriesId).orElseThrow(SeriesNotFound::new);
		return planned.sessions()
			.stream()
			.map(session -> new SessionAttendance(session.id(), session.position(), session.state(),
					attendance.ofSession(session.id())
						.stream()
						.map(record -> new Attendee(record.accountId(), accounts.get(record.accountId()).displayName(),
								record.firstJoinedAt(), record.secondsPresent()))
						.toList()))
			.toList();
	}

}
