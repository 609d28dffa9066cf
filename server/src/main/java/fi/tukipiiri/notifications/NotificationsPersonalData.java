package fi.tukipiiri.notifications;

import java.util.UUID;

import org.springframework.stereotype.Component;

import fi.tukipiiri.accounts.AccountService;
import fi.tukipiiri.accounts.PersonalData;
import fi.tukipiiri.rooms.RoomService;

/**
 * A person's notices; they are deleted with the account (on delete cascade). Other
 * people's notices that carry the person's name lose it: a facilitator's notice of a
 * private-talk request, a participant's notice of a private talk opened, a coordinator's
 * notice of how the person answered an invitation to be a peer supporter, and the copied
 * titles of the person's private talks.
 */
@Component
class NotificationsPersonalData implements PersonalData {

	private final NotificationService notifications;

	private final Notifications stored;

	private final AccountService accounts;

	private final RoomService rooms;

	NotificationsPersonalData(NotificationService notifications, Notifications stored, AccountService accounts,
			RoomService rooms) {
		this.notifications = notifications;
		this.stored = stored;
		this.accounts = accounts;
		this.rooms = rooms;
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
		String name = accounts.get(accountId).displayName();
		stored.forgetName("private_talk.requested", "accountId", "displayName", accountId, name);
		stored.forgetName("private_talk.opened", "facilitatorId", "facilitatorName", accountId, name);
		stored.forgetName("peer_invitation.accepted", "accountId", "displayName", accountId, name);
		stored.forgetName("peer_invitation.declined", "accountId", "displayName", accountId, name);
		for (UUID talk : rooms.privateTalksOf(accountId)) {
			stored.forgetNameInRoomTitle(talk, name);
		}
	}

}
