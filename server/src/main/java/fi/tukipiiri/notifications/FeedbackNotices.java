package fi.tukipiiri.notifications;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import fi.tukipiiri.feedback.FeedbackRequested;

/** Asks each attendee of an ended session for feedback, with a notice. */
@Component
class FeedbackNotices {

	private final NotificationService notifications;

	FeedbackNotices(NotificationService notifications) {
		this.notifications = notifications;
	}

	@ApplicationModuleListener
	void on(FeedbackRequested requested) {
		requested.attendees()
			.forEach(accountId -> notifications.notify(accountId, NoticeKind.FEEDBACK_REQUESTED, requested.sessionId(),
					requested.about()));
	}

}
