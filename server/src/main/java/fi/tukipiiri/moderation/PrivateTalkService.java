package fi.tukipiiri.moderation;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import fi.tukipiiri.accounts.AccountService;
import fi.tukipiiri.moderation.ModerationProblems.NotAllowed;
import fi.tukipiiri.platform.InvalidFields;
import fi.tukipiiri.rooms.PrivateTalkTitles;
import fi.tukipiiri.rooms.Room;
import fi.tukipiiri.rooms.RoomKind;
import fi.tukipiiri.rooms.RoomRole;
import fi.tukipiiri.rooms.RoomService;

/**
 * One-to-one talks ("individual work") between a facilitator and a participant of a room:
 * a PRIVATE room with the two as its only members. A participant may ask for one; the
 * room's facilitators are told, or the coordinators and administrators on duty when no
 * facilitator is present ({@link SafetySignals}).
 */
@Service
public class PrivateTalkService {

	private final Standings standings;

	private final RoomService rooms;

	private final AccountService accounts;

	private final AuditService audit;

	private final ApplicationEventPublisher events;

	private final SafetySignals signals;

	PrivateTalkService(Standings standings, RoomService rooms, AccountService accounts, AuditService audit,
			ApplicationEventPublisher events, SafetySignals signals) {
		this.standings = standings;
		this.rooms = rooms;
		this.accounts = accounts;
		this.audit = audit;
		this.events = events;
		this.signals = signals;
	}

	/**
	 * Opens a private talk between a facilitator of the room and one of its members.
	 * @throws InvalidFields {@code validation.failed} ({@code not_null}) without
	 * {@code accountId}
	 */
	@Transactional
	public Room open(UUID fromRoomId, UUID facilitatorId, UUID participantId) {
		InvalidFields.required(participantId, "accountId");
		Standing facilitator = standings.require(fromRoomId, facilitatorId, Power.PRIVATE_TALK);
		standings.target(facilitator, participantId, true);
		return openBetween(fromRoomId, facilitatorId, participantId);
	}

	/**
	 * Opens a private talk for a coordinator or administrator answering an escalated
	 * safety signal about the participant, whether or not they are in the room the signal
	 * came from; the escalation is their authority.
	 */
	Room openForEscalation(UUID fromRoomId, UUID responderId, UUID participantId) {
		if (responderId.equals(participantId)) {
			throw new ModerationProblems.NotYourself();
		}
		return openBetween(fromRoomId, responderId, participantId);
	}

	/**
	 * The two already have an open private talk: it is the one (its history is the point
	 * of it); otherwise a new one. Either way the participant is told live; the stored
	 * notice about a talk is one per talk.
	 */
	private Room openBetween(UUID fromRoomId, UUID staffId, UUID participantId) {
		String staffName = accounts.getActive(staffId).displayName();
		String participantName = accounts.getActive(participantId).displayName();
		Optional<Room> existing = rooms.privateTalkBetween(staffId, participantId);
		Room room = existing.orElseGet(() -> {
			Room created = rooms.create(PrivateTalkTitles.of(staffName, participantName), "", RoomKind.PRIVATE,
					staffId);
			rooms.addMember(created.id(), staffId, RoomRole.FACILITATOR);
			rooms.addMember(created.id(), participantId, RoomRole.PARTICIPANT);
			return created;
		});
		audit.record(staffId, AuditAction.PRIVATE_TALK_OPENED, room.id(), participantId, null, "",
				new AuditDetails.PrivateTalk(fromRoomId, existing.isPresent() ? true : null));
		events.publishEvent(new PrivateTalkOpened(room.id(), participantId, staffId, staffName));
		events.publishEvent(new ModerationUpdate.TalkOpened(participantId, fromRoomId, room.id(), staffName));
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
		signals.raise(new SafetySignals.Signal(Escalation.Signal.TALK_REQUEST, UUID.randomUUID(), roomId, roomTitle,
				participantId, Set.of(participantId),
				recipient -> new ModerationUpdate.PrivateTalkRequested(recipient, roomId, participantId, name),
				"private_talk.requested", Map.of("roomId", roomId.toString(), "roomTitle", roomTitle, "displayName",
						name, "accountId", participantId.toString())));
	}

}
