package fi.tukipiiri.rooms;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import fi.tukipiiri.accounts.Account;
import fi.tukipiiri.accounts.AccountService;
import fi.tukipiiri.rooms.RoomProblems.GuestNotAllowed;
import fi.tukipiiri.rooms.RoomProblems.NotMember;
import fi.tukipiiri.rooms.RoomProblems.RoomNotFound;

/** Who may enter which room, in which role. Open chats admit anyone signed in; closed groups only their members. */
@Service
public class RoomService {

	private final Rooms rooms;
	private final AccountService accounts;
	private final Clock clock;

	RoomService(Rooms rooms, AccountService accounts, Clock clock) {
		this.rooms = rooms;
		this.accounts = accounts;
		this.clock = clock;
	}

	@Transactional
	public Room create(String title, String theme, RoomKind kind, UUID createdBy) {
		Room room = new Room(UUID.randomUUID(), title.strip(), theme == null ? "" : theme.strip(), kind, RoomState.OPEN,
				clock.instant(), 0);
		rooms.insert(room, createdBy);
		return room;
	}

	@Transactional(readOnly = true)
	public List<VisibleRoom> visibleTo(UUID accountId) {
		return rooms.visibleTo(accountId).stream()
				.map(r -> new VisibleRoom(r.room(), r.role() != null, r.role()))
				.toList();
	}

	/** The room, if this person may see it; a closed room they are not in answers like one that does not exist to them. */
	@Transactional(readOnly = true)
	public VisibleRoom get(UUID roomId, UUID accountId) {
		Room room = rooms.find(roomId).orElseThrow(RoomNotFound::new);
		Optional<RoomRole> role = rooms.memberRole(roomId, accountId);
		if (role.isEmpty() && !isJoinable(room)) {
			throw new NotMember();
		}
		return new VisibleRoom(room, role.isPresent(), role.orElse(null));
	}

	/** Makes the person a member of an open chat (as a participant), or confirms their membership of a closed group. */
	@Transactional
	public VisibleRoom join(UUID roomId, UUID accountId) {
		if (!admit(roomId, accountId)) {
			throw new NotMember();
		}
		return get(roomId, accountId);
	}

	/**
	 * Whether this person may follow the room live; joins them to an open chat on the way. False for unknown rooms
	 * and closed groups they are not in.
	 */
	@Transactional
	public boolean admit(UUID roomId, UUID accountId) {
		Optional<Room> room = rooms.find(roomId);
		if (room.isEmpty()) {
			return false;
		}
		if (rooms.memberRole(roomId, accountId).isPresent()) {
			return true;
		}
		if (!isJoinable(room.get())) {
			return false;
		}
		rooms.addParticipantIfAbsent(roomId, accountId, clock.instant());
		return true;
	}

	/** The member's room role; refuses anyone else. */
	@Transactional(readOnly = true)
	public RoomRole requireMember(UUID roomId, UUID accountId) {
		if (rooms.find(roomId).isEmpty()) {
			throw new RoomNotFound();
		}
		return rooms.memberRole(roomId, accountId).orElseThrow(NotMember::new);
	}

	@Transactional
	public RoomMember addMember(UUID roomId, UUID accountId, RoomRole role) {
		Room room = rooms.find(roomId).orElseThrow(RoomNotFound::new);
		Account account = accounts.getActive(accountId);
		if (account.guest() && (room.kind() == RoomKind.CLOSED || role != RoomRole.PARTICIPANT)) {
			throw new GuestNotAllowed();
		}
		rooms.upsertMember(roomId, accountId, role, clock.instant());
		return new RoomMember(accountId, account.displayName(), role);
	}

	@Transactional(readOnly = true)
	public List<RoomMember> members(UUID roomId, UUID requester) {
		requireMember(roomId, requester);
		return rooms.members(roomId);
	}

	@Transactional(readOnly = true)
	public Optional<RoomMember> member(UUID roomId, UUID accountId) {
		return rooms.member(roomId, accountId);
	}

	@Transactional
	public Room changeState(UUID roomId, RoomState state) {
		rooms.find(roomId).orElseThrow(RoomNotFound::new);
		rooms.updateState(roomId, state);
		return rooms.find(roomId).orElseThrow(RoomNotFound::new);
	}

	private static boolean isJoinable(Room room) {
		return room.kind() == RoomKind.OPEN && room.state() != RoomState.ARCHIVED;
	}
}
