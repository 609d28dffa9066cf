package fi.tukipiiri.moderation;

import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import fi.tukipiiri.accounts.AccountService;
import fi.tukipiiri.moderation.ModerationProblems.NotAllowed;
import fi.tukipiiri.notifications.NotificationService;
import fi.tukipiiri.rooms.PrivateTalkTitles;
import fi.tukipiiri.rooms.Room;
import fi.tukipiiri.rooms.RoomKind;
import fi.tukipiiri.rooms.RoomRole;
import fi.tukipiiri.rooms.RoomService;

/**
 * One-to-one talks ("individual work") between a facilitator and a participant of a room: a PRIVATE room with the
 * two as its only members. A participant may ask for one; the room's facilitators are told.
 */
@Service
public class PrivateTalkService {

	private final Standings standings;
	private final RoomService rooms;
	private final AccountService accounts;
	private final AuditService audit;
	private final ModerationEvents events;
	private final NotificationService notifications;

	PrivateTalkService(Standings standings, RoomService rooms, AccountService accounts, AuditService audit, ModerationEvents events,
			NotificationService notifications) {
		this.standings = standings;
		this.rooms = rooms;
		this.accounts = accounts;
		this.audit = audit;
		this.events = events;
		this.notifications = notifications;
	}

	@Transactional
	public Room open(UUID fromRoomId, UUID facilitatorId, UUID participantId) {
		Standing facilitator = standings.require(fromRoomId, facilitatorId, Power.PRIVATE_TALK);
		standings.target(facilitator, participantId, true);
		String facilitatorName = accounts.getActive(facilitatorId).displayName();
		String participantName = accounts.getActive(participantId).displayName();
		Room room = rooms.create(PrivateTalkTitles.of(facilitatorName, participantName), "", RoomKind.PRIVATE, facilitatorId);
		rooms.addMember(room.id(), facilitatorId, RoomRole.FACILITATOR);
		rooms.addMember(room.id(), participantId, RoomRole.PARTICIPANT);
		audit.record(facilitatorId, "PRIVATE_TALK_OPENED", room.id(), participantId, null, "", "from room " + fromRoomId);
		notifications.notify(participantId, "private_talk.opened", room.id(),
				Map.of("roomId", room.id().toString(), "facilitatorName", facilitatorName, "facilitatorId", facilitatorId.toString()));
		events.toPerson(participantId, fromRoomId, "private-talk-opened", Map.of("privateRoomId", room.id(), "facilitatorName", facilitatorName));
		return room;
	}

	/** A participant asks the room's facilitators for a private talk. */
	@Transactional
	public void request(UUID roomId, UUID participantId) {
		Standing participant = standings.require(roomId, participantId, Power.REPORT);
		if (!participant.member() || participant.role() != RoomRole.PARTICIPANT) {
			throw new NotAllowed();
		}
		String name = accounts.getActive(participantId).displayName();
		String roomTitle = rooms.requireReader(roomId, participantId, "private-talk-request").room().title();
		rooms.membersWithRole(roomId, RoomRole.FACILITATOR).forEach(facilitator -> notifications.notify(facilitator,
				"private_talk.requested", UUID.randomUUID(), Map.of("roomId", roomId.toString(), "roomTitle", roomTitle, "displayName", name,
				"accountId", participantId.toString())));
		events.toRoomReviewers(roomId, "private-talk-requested", Map.of("accountId", participantId, "displayName", name));
	}
}
