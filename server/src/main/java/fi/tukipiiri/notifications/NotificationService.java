package fi.tukipiiri.notifications;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stores a notice once per person and subject, and delivers it to the person's open
 * connections on any node.
 */
@Service
public class NotificationService {

	private final Notifications notifications;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	NotificationService(Notifications notifications, ApplicationEventPublisher events, Clock clock) {
		this.notifications = notifications;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Stores a notice of {@code kind} about {@code subjectId} for the person, once: a
	 * second call with the same kind and subject is ignored.
	 */
	@Transactional
	public void notify(UUID accountId, NoticeKind kind, UUID subjectId, Map<String, String> params) {
		Notification notification = new Notification(UUID.randomUUID(), kind.code(), subjectId, params, clock.instant(),
				null);
		if (notifications.insert(accountId, notification)) {
			// told only once it is committed: a notice whose transaction rolls back never
			// reaches anyone
			events.publishEvent(new NoticeCreated(accountId, notification));
		}
	}

	@Transactional(readOnly = true)
	public List<Notification> latest(UUID accountId, boolean unreadOnly, int limit) {
		return notifications.latest(accountId, unreadOnly, limit);
	}

	@Transactional
	public boolean markRead(UUID accountId, UUID notificationId) {
		return notifications.markRead(accountId, notificationId, clock.instant()) == 1;
	}

	@Transactional
	public void markAllRead(UUID accountId) {
		notifications.markAllRead(accountId, clock.instant());
	}

}
