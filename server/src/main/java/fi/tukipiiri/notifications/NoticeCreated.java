package fi.tukipiiri.notifications;

import java.util.UUID;

import fi.tukipiiri.delivery.Audience;
import fi.tukipiiri.delivery.LiveEvent;
import fi.tukipiiri.delivery.PersonalQueue;

/**
 * A notice was stored for the person (published inside the storing transaction): once
 * committed, their open connections hear the notice itself on
 * {@code /user/queue/notifications}, and it goes out by e-mail.
 */
public record NoticeCreated(UUID accountId, Notification notification) implements LiveEvent {

	@Override
	public Audience audience() {
		return Audience.person(accountId, PersonalQueue.NOTIFICATIONS);
	}

	@Override
	public Notification payload() {
		return notification;
	}
}
