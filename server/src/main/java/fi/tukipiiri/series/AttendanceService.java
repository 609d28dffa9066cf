package fi.tukipiiri.series;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import fi.tukipiiri.accounts.AccountService;
import fi.tukipiiri.series.SeriesProblems.SeriesNotFound;

/**
 * Attendance of a series' sessions, for the coordinators who plan it and the features
 * that follow up on sessions. Only parents attend: a person counts as an attendee of a
 * session when they were in its room as a participant ({@link PresentAs#PARTICIPANT});
 * its facilitators and peer supporters, and administrators and coordinators looking in,
 * were present but are never counted, asked for feedback or reported as attendees.
 */
@Service
public class AttendanceService {

	/**
	 * The part a person was in a session's room in, taken when they arrived (and the
	 * weightier one if they came back in another): the room role, the series' staff list
	 * and the account's roles at that time.
	 */
	public enum PresentAs {

		/** a parent: the only part that attends */
		PARTICIPANT,
		/**
		 * an administrator or a coordinator looking in (a member or not), or anyone else
		 * present without being a member
		 */
		OVERSEER,
		/** a peer supporter of the session (room role or series staff) */
		PEER_SUPPORTER,
		/** a facilitator of the session (room role or series staff) */
		FACILITATOR

	}

	private final Attendance attendance;

	private final PlannedSeries series;

	private final AccountService accounts;

	AttendanceService(Attendance attendance, PlannedSeries series, AccountService accounts) {
		this.attendance = attendance;
		this.series = series;
		this.accounts = accounts;
	}

	/**
	 * A parent who attended a session; {@code secondsPresent} is the time in its room
	 * while it was open or live, over every stay that has ended.
	 */
	public record Attendee(UUID accountId, String displayName, Instant firstJoinedAt, long secondsPresent) {
	}

	/**
	 * Someone who was in a session's room in another part than a parent's, timed as an
	 * {@link Attendee}.
	 */
	public record StaffPresence(UUID accountId, String displayName, PresentAs presentAs, Instant firstJoinedAt,
			long secondsPresent) {
	}

	/**
	 * One session's attendance: {@code attendees} are parents only, by first arrival;
	 * {@code staff} everyone else who was there, never counted as attending.
	 */
	public record SessionAttendance(UUID sessionId, int position, Series.SessionState state, List<Attendee> attendees,
			List<StaffPresence> staff) {
	}

	public record AttendedSession(UUID seriesId, String seriesTitle, fi.tukipiiri.rooms.RoomKind kind, UUID sessionId,
			int position, LocalizedText theme, Instant startsAt, Instant endsAt, Series.SessionState state) {
	}

	/**
	 * The sessions the person attended as a parent that ended (or will end) after the
	 * given instant, latest first.
	 */
	@Transactional(readOnly = true)
	public List<AttendedSession> attendedBy(UUID accountId, Instant endedAfter) {
		return attendance.attendedBy(accountId, endedAfter);
	}

	/**
	 * Whether the person attended the session as a parent: was in its room while it was
	 * open or live as a participant, and in no other part.
	 */
	@Transactional(readOnly = true)
	public boolean attended(UUID sessionId, UUID accountId) {
		return attendance.ofSession(sessionId)
			.stream()
			.anyMatch(record -> record.accountId().equals(accountId) && record.attendee());
	}

	/**
	 * Whether the person is staff of the session, and so never one of its attendees: they
	 * were in its room as a facilitator, a peer supporter or an overseer, or they are on
	 * the series' staff list now. False for an unknown session.
	 */
	@Transactional(readOnly = true)
	public boolean staffOf(UUID sessionId, UUID accountId) {
		boolean presentAsStaff = attendance.ofSession(sessionId)
			.stream()
			.anyMatch(record -> record.accountId().equals(accountId) && !record.attendee());
		return presentAsStaff || attendance.onStaffListOf(sessionId, accountId);
	}

	/** The parents who attended the session, by first arrival. */
	@Transactional(readOnly = true)
	public List<UUID> attendeesOf(UUID sessionId) {
		return attendance.ofSession(sessionId)
			.stream()
			.filter(Attendance.Record::attendee)
			.map(Attendance.Record::accountId)
			.toList();
	}

	/**
	 * Per session of the series, in order: the parents who attended, and apart from them
	 * everyone else who was there.
	 * @throws SeriesNotFound {@code series.not_found} (404) for an unknown series
	 */
	@Transactional(readOnly = true)
	public List<SessionAttendance> ofSeries(UUID seriesId) {
		Series planned = series.find(seriesId).orElseThrow(SeriesNotFound::new);
		return planned.sessions().stream().map(session -> {
			List<Attendance.Record> present = attendance.ofSession(session.id());
			return new SessionAttendance(session.id(), session.position(), session.state(),
					present.stream()
						.filter(Attendance.Record::attendee)
						.map(record -> new Attendee(record.accountId(), displayName(record), record.firstJoinedAt(),
								record.secondsPresent()))
						.toList(),
					present.stream()
						.filter(record -> !record.attendee())
						.map(record -> new StaffPresence(record.accountId(), displayName(record), record.presentAs(),
								record.firstJoinedAt(), record.secondsPresent()))
						.toList());
		}).toList();
	}

	private String displayName(Attendance.Record record) {
		return accounts.get(record.accountId()).displayName();
	}

}
