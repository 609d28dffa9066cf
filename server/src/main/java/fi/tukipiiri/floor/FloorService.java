package fi.tukipiiri.floor;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import fi.tukipiiri.accounts.AccountService;
import fi.tukipiiri.accounts.Role;
import fi.tukipiiri.delivery.AccessWithdrawn;
import fi.tukipiiri.floor.FloorProblems.HandNotRaised;
import fi.tukipiiri.floor.FloorProblems.NotFacilitator;
import fi.tukipiiri.rooms.RoomRole;
import fi.tukipiiri.rooms.RoomService;

/**
 * Raised hands in a room: members raise and lower their own and may pass in a round; the
 * room's facilitators (and administrators) give the turn from the queue and clear it for
 * a new round. Every change is told to the room's floor topic ({@link FloorEvent}) once
 * it commits.
 */
@Service
public class FloorService {

	private final RaisedHands hands;

	private final RoomService rooms;

	private final AccountService accounts;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	FloorService(RaisedHands hands, RoomService rooms, AccountService accounts, ApplicationEventPublisher events,
			Clock clock) {
		this.hands = hands;
		this.rooms = rooms;
		this.accounts = accounts;
		this.events = events;
		this.clock = clock;
	}

	/** A hand as answered to its owner, and whether this request raised it. */
	public record Raised(RaisedHand hand, boolean now) {
	}

	/**
	 * The room's raised hands, first raised first, for its members and administrators.
	 * @throws fi.tukipiiri.rooms.RoomProblems.NotMember {@code rooms.not_member} (403)
	 * for anyone else and for a room that does not exist
	 */
	@Transactional(readOnly = true)
	public List<RaisedHand> queue(UUID roomId, UUID accountId) {
		rooms.requireReader(roomId, accountId, "floor");
		return hands.queue(roomId);
	}

	/**
	 * Raises the member's hand, last in the queue; raising it again keeps its place.
	 * Published as {@link FloorEvent.HandRaised} only when raised now.
	 * @throws fi.tukipiiri.rooms.RoomProblems.NotMember {@code rooms.not_member} (403)
	 * @throws fi.tukipiiri.rooms.RoomProblems.ReadOnly {@code rooms.read_only} (409) when
	 * the room is not open
	 * @throws fi.tukipiiri.platform.ApiProblem {@code moderation.muted} (403) while muted
	 * in the room
	 */
	@Transactional
	public Raised raise(UUID roomId, UUID accountId) {
		rooms.requireWritable(roomId, accountId);
		boolean now = hands.raise(roomId, accountId, clock.instant());
		RaisedHand hand = hands.of(roomId, accountId).orElseThrow();
		if (now) {
			events.publishEvent(new FloorEvent.HandRaised(roomId, accountId, hand.displayName(), hand.raisedAt()));
		}
		return new Raised(hand, now);
	}

	/**
	 * Lowers the member's own hand; nothing happens when it is not up. Allowed while
	 * muted or in a locked room. Published as {@link FloorEvent.HandLowered}.
	 * @throws fi.tukipiiri.rooms.RoomProblems.NotMember {@code rooms.not_member} (403)
	 */
	@Transactional
	public void lower(UUID roomId, UUID accountId) {
		rooms.requireMember(roomId, accountId);
		if (hands.lower(roomId, accountId).isPresent()) {
			events.publishEvent(new FloorEvent.HandLowered(roomId, accountId));
		}
	}

	/**
	 * "I pass" in this round: the member's hand goes down if it was up, and the room is
	 * told ({@link FloorEvent.Passed}, which stands for the lowering too).
	 * @throws fi.tukipiiri.rooms.RoomProblems.NotMember {@code rooms.not_member} (403)
	 */
	@Transactional
	public void pass(UUID roomId, UUID accountId) {
		rooms.requireMember(roomId, accountId);
		hands.lower(roomId, accountId);
		events.publishEvent(new FloorEvent.Passed(roomId, accountId, accounts.getActive(accountId).displayName()));
	}

	/**
	 * Gives the person the turn to speak: their hand comes down and the room is told
	 * ({@link FloorEvent.TurnGiven}). Only the room's facilitators and administrators.
	 * @throws fi.tukipiiri.rooms.RoomProblems.NotMember {@code rooms.not_member} (403)
	 * for a giver who is neither a member nor an administrator
	 * @throws NotFacilitator {@code moderation.forbidden} (403) for other members
	 * @throws HandNotRaised {@code floor.hand_not_raised} (404) when the person has no
	 * hand up in the room
	 */
	@Transactional
	public void giveTurn(UUID roomId, UUID giverId, UUID accountId) {
		requireFacilitator(roomId, giverId);
		String displayName = hands.lower(roomId, accountId).orElseThrow(HandNotRaised::new);
		events.publishEvent(new FloorEvent.TurnGiven(roomId, accountId, displayName, giverId));
	}

	/**
	 * Takes every hand down for a new round ({@link FloorEvent.HandsCleared}, also when
	 * none was up). Only the room's facilitators and administrators.
	 * @throws fi.tukipiiri.rooms.RoomProblems.NotMember {@code rooms.not_member} (403)
	 * for someone who is neither a member nor an administrator
	 * @throws NotFacilitator {@code moderation.forbidden} (403) for other members
	 */
	@Transactional
	public void clear(UUID roomId, UUID giverId) {
		requireFacilitator(roomId, giverId);
		hands.clear(roomId);
		events.publishEvent(new FloorEvent.HandsCleared(roomId));
	}

	/**
	 * A person who is no longer a member (removed, banned) has no hand up: taken down in
	 * the same transaction, and the room told.
	 */
	@EventListener
	void on(AccessWithdrawn withdrawn) {
		if (hands.lower(withdrawn.roomId(), withdrawn.accountId()).isPresent()) {
			events.publishEvent(new FloorEvent.HandLowered(withdrawn.roomId(), withdrawn.accountId()));
		}
	}

	private void requireFacilitator(UUID roomId, UUID accountId) {
		RoomService.Access access = rooms.requireReader(roomId, accountId, "floor");
		if (access.role() != RoomRole.FACILITATOR && !access.overseer()
				&& !accounts.getActive(accountId).roles().contains(Role.ADMIN)) {
			throw new NotFacilitator();
		}
	}

}
