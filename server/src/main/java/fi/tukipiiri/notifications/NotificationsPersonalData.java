package fi.tukipiiri.notifications;

import java.util.UUID;

import org.springframework.stereotype.Component;

import fi.tukipiiri.accounts.PersonalData;

/** A person's notices; they are deleted with the account. */
@Component
class NotificationsPersonalData implements PersonalData {

	private final NotificationService notifications;

	NotificationsPersonalData(NotificationService notifications) {
		this.notifications = notifications;
	}

	@Override
	public String part() {
		return "notifications";
	}

	@Override
	public Object exportOf(UUID accountId) {
		return notifications.latest(accountId, false, Integer.MAX_VALUE);
	}

	@Override
	public void erase(UUID accountId) {
		// the rows go with the account (on delete cascade)
	}
}
