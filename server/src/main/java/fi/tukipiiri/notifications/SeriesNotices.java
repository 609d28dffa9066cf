package fi.tukipiiri.notifications;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import fi.tukipiiri.series.Enrolment;
import fi.tukipiiri.series.EnrolmentRequested;
import fi.tukipiiri.series.EnrolmentService;
import fi.tukipiiri.series.ScheduleChanged;
import fi.tukipiiri.series.Series;
import fi.tukipiiri.series.SeriesDecided;
import fi.tukipiiri.series.SeriesService;
import fi.tukipiiri.series.SessionReminderDue;
import fi.tukipiiri.series.SessionStepped;
import fi.tukipiiri.series.WaitlistPromoted;

/**
 * Tells people what happened to the series they applied to, after the change is
 * committed.
 */
@Component
class SeriesNotices {

	private final NotificationService notifications;

	private final SeriesService series;

	private final EnrolmentService enrolments;

	private final ReachSettingsService reach;

	private static final Predicate<UUID> EVERYONE = accountId -> true;

	SeriesNotices(NotificationService notifications, SeriesService series, EnrolmentService enrolments,
			ReachSettingsService reach) {
		this.notifications = notifications;
		this.series = series;
		this.enrolments = enrolments;
		this.reach = reach;
	}

	@ApplicationModuleListener
	void on(EnrolmentRequested requested) {
		NoticeKind kind = requested.status() == Enrolment.Status.ENROLLED ? NoticeKind.ENROLMENT_ENROLLED
				: NoticeKind.ENROLMENT_WAITLISTED;
		notifications.notify(requested.accountId(), kind, requested.seriesId(), about(requested.seriesId()));
	}

	@ApplicationModuleListener
	void on(WaitlistPromoted promoted) {
		notifications.notify(promoted.accountId(), NoticeKind.ENROLMENT_PROMOTED, promoted.seriesId(),
				about(promoted.seriesId()));
	}

	@ApplicationModuleListener
	void on(SeriesDecided decided) {
		Map<String, String> params = about(decided.seriesId());
		for (Enrolment applicant : enrolments.applicants(decided.seriesId())) {
			if (decided.outcome() == Series.State.CANCELLED) {
				notifications.notify(applicant.accountId(), NoticeKind.SERIES_CANCELLED, decided.seriesId(), params);
			}
			else if (applicant.status() == Enrolment.Status.ENROLLED) {
				notifications.notify(applicant.accountId(), NoticeKind.SERIES_CONFIRMED, decided.seriesId(), params);
			}
		}
	}

	@ApplicationModuleListener
	void on(SessionStepped stepped) {
		if (stepped.state() != Series.SessionState.LOBBY) {
			return;
		}
		sessionNotice(stepped.seriesId(), stepped.sessionId(), NoticeKind.SESSION_LOBBY_OPEN, stepped.sessionId(),
				Map.of("roomId", String.valueOf(stepped.roomId())), EVERYONE);
	}

	@ApplicationModuleListener
	void on(ScheduleChanged changed) {
		NoticeKind kind = switch (changed.change()) {
			case MOVED -> NoticeKind.SESSION_MOVED;
			case CANCELLED -> NoticeKind.SESSION_CANCELLED;
			case ADDED -> NoticeKind.SESSION_ADDED;
		};
		Map<String, String> extra = changed.previousStartsAt() == null ? Map.of()
				: Map.of("previousStartsAt", changed.previousStartsAt().toString());
		sessionNotice(changed.seriesId(), changed.sessionId(), kind, changed.changeId(), extra, EVERYONE);
	}

	@ApplicationModuleListener
	void on(SessionReminderDue due) {
		if (due.reminder() == SessionReminderDue.Reminder.DAY_BEFORE) {
			sessionNotice(due.seriesId(), due.sessionId(), NoticeKind.SESSION_REMINDER, due.sessionId(), Map.of(),
					EVERYONE);
		}
		else {
			// the second reminder only for those who asked for it
			sessionNotice(due.seriesId(), due.sessionId(), NoticeKind.SESSION_REMINDER_HOUR, due.sessionId(), Map.of(),
					accountId -> reach.of(accountId).remindHourBefore());
		}
	}

	/**
	 * Tells the enrolled and the staff about one session, with its theme and time, once
	 * per subject.
	 */
	private void sessionNotice(UUID seriesId, UUID sessionId, NoticeKind kind, UUID subjectId,
			Map<String, String> extra, Predicate<UUID> wants) {
		Series planned = series.get(seriesId);
		Series.Session session = planned.sessions()
			.stream()
			.filter(s -> s.id().equals(sessionId))
			.findFirst()
			.orElseThrow();
		Map<String, String> params = new HashMap<>(Map.of("seriesId", seriesId.toString(), "seriesTitle",
				planned.title(), "sessionId", sessionId.toString(), "themeFi", session.theme().fi(), "themeSv",
				session.theme().sv(), "themeEn", session.theme().en(), "startsAt", session.startsAt().toString(),
				"endsAt", session.endsAt().toString()));
		params.putAll(extra);
		for (Enrolment applicant : enrolments.applicants(seriesId)) {
			if (applicant.status() == Enrolment.Status.ENROLLED && wants.test(applicant.accountId())) {
				notifications.notify(applicant.accountId(), kind, subjectId, params);
			}
		}
		for (Series.Staff member : planned.staff()) {
			if (wants.test(member.accountId())) {
				notifications.notify(member.accountId(), kind, subjectId, params);
			}
		}
	}

	private Map<String, String> about(UUID seriesId) {
		return Map.of("seriesId", seriesId.toString(), "seriesTitle", series.get(seriesId).title());
	}

}
