package fi.tukipiiri.notifications;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import fi.tukipiiri.platform.AfterCommit;
import fi.tukipiiri.rooms.ClusterRelay;

/** Stores a notice once per person and subject, and delivers it to the person's open connections on any node. */
@Service
public class NotificationService {

	private final Notifications notifications;
	private final ClusterRelay relay;
	private final EmailSender email;
	private final Clock clock;

	NotificationService(Notifications notifications, ClusterRelay relay, EmailSender email, Clock clock) {
		this.notifications = notifications;
		this.relay = relay;
		this.email = email;
		this.clock = clock;
	}

	@Transactional
	public void notify(UUID accountId, String kind, UUID subjectId, Map<String, String> params) {
		Notification notification = new Notification(UUID.randomUUID(), kind, subjectId, params, clock.instant(), null);
		if (notifications.insert(accountId, notification)) {
			// told only once it is stored: a notice whose transaction rolls back never reached anyone
			AfterCommit.run(() -> {
				relay.publish("/user/" + accountId + "/queue/notifications", notification);
				email.send(accountId, notification);
			});
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
