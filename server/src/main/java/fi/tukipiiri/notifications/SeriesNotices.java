package fi.tukipiiri.notifications;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

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

	SeriesNotices(NotificationService notifications, SeriesService series, EnrolmentService enrolments) {
		this.notifications = notifications;
		this.series = series;
		this.enrolments = enrolments;
	}

	@ApplicationModuleListener
	void on(EnrolmentRequested requested) {
		String kind = requested.status() == Enrolment.Status.ENROLLED ? "enrolment.enrolled" : "enrolment.waitlisted";
		notifications.notify(requested.accountId(), kind, requested.seriesId(), about(requested.seriesId()));
	}

	@ApplicationModuleListener
	void on(WaitlistPromoted promoted) {
		notifications.notify(promoted.accountId(), "enrolment.promoted", promoted.seriesId(),
				about(promoted.seriesId()));
	}

	@ApplicationModuleListener
	void on(SeriesDecided decided) {
		Map<String, String> params = about(decided.seriesId());
		for (Enrolment applicant : enrolments.applicants(decided.seriesId())) {
			if (decided.outcome() == Series.State.CANCELLED) {
				notifications.notify(applicant.accountId(), "series.cancelled", decided.seriesId(), params);
			}
			else if (applicant.status() == Enrolment.Status.ENROLLED) {
				notifications.notify(applicant.accountId(), "series.confirmed", decided.seriesId(), params);
			}
		}
	}

	@ApplicationModuleListener
	void on(SessionStepped stepped) {
		if (stepped.state() != Series.SessionState.LOBBY) {
			return;
		}
		sessionNotice(stepped.seriesId(), stepped.sessionId(), "session.lobby_open", stepped.sessionId(),
				Map.of("roomId", String.valueOf(stepped.roomId())));
	}

	@ApplicationModuleListener
	void on(ScheduleChanged changed) {
		String kind = "session." + changed.change().name().toLowerCase();
		sessionNotice(changed.seriesId(), changed.sessionId(), kind, changed.changeId(), Map.of());
	}

	@ApplicationModuleListener
	void on(SessionReminderDue due) {
		sessionNotice(due.seriesId(), due.sessionId(), "session.reminder", due.sessionId(), Map.of());
	}

	/**
	 * Tells the enrolled and the staff about one session, with its theme and time, once
	 * per subject.
	 */
	private void sessionNotice(UUID seriesId, UUID sessionId, String kind, UUID subjectId, Map<String, String> extra) {
		Series planned = series.get(seriesId);
		Series.Session session = planned.sessions()
			.stream()
			.filter(s -> s.id().equals(sessionId))
			.findFirst()
			.orElseThrow();
		Map<String, String> params = new HashMap<>(Map.of("seriesId", seriesId.toString(), "seriesTitle",
				planned.title(), "sessionId", sessionId.toString(), "themeFi", session.theme().fi(), "themeSv",
				session.theme().sv(), "themeEn", session.theme().en(), "startsAt", session.startsAt().toString()));
		params.putAll(extra);
		for (Enrolment applicant : enrolments.applicants(seriesId)) {
			if (applicant.status() == Enrolment.Status.ENROLLED) {
				notifications.notify(applicant.accountId(), kind, subjectId, params);
			}
		}
		for (Series.Staff member : planned.staff()) {
			notifications.notify(member.accountId(), kind, subjectId, params);
		}
	}

	private Map<String, String> about(UUID seriesId) {
		return Map.of("seriesId", seriesId.toString(), "seriesTitle", series.get(seriesId).title());
	}

}
