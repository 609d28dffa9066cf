package fi.tukipiiri.rooms;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import fi.tukipiiri.accounts.Account;
import fi.tukipiiri.accounts.AccountService;
import fi.tukipiiri.accounts.Role;
import fi.tukipiiri.delivery.AccessWithdrawn;
import fi.tukipiiri.platform.ApiProblem;
import fi.tukipiiri.platform.InvalidFields;
import fi.tukipiiri.rooms.RoomProblems.Barred;
import fi.tukipiiri.rooms.RoomProblems.GuestNotAllowed;
import fi.tukipiiri.rooms.RoomProblems.InfoSessionStaffOnly;
import fi.tukipiiri.rooms.RoomProblems.InvalidStaff;
import fi.tukipiiri.rooms.RoomProblems.MemberNotFound;
import fi.tukipiiri.rooms.RoomProblems.NotMember;
import fi.tukipiiri.rooms.RoomProblems.ReadOnly;
import fi.tukipiiri.rooms.RoomProblems.PrivateTalkFixed;
import fi.tukipiiri.rooms.RoomProblems.RoomNotFound;
import fi.tukipiiri.rooms.RoomProblems.StaffOnly;
import fi.tukipiiri.text.TextFields;

/**
 * Who may enter which room, in which role. Open chats admit anyone signed in; closed
 * groups only their members.
 */
@Service
public class RoomService {

	/** Longest room theme, in code points after folding. */
	public static final int THEME_MAX = 500;

	private final Rooms rooms;

	private final AccountService accounts;

	private final List<RoomRules> rules;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final TransactionTemplate auditTransaction;

	RoomService(Rooms rooms, AccountService accounts, List<RoomRules> rules, ApplicationEventPublisher events,
			Clock clock, PlatformTransactionManager transactions) {
		this.rooms = rooms;
		this.accounts = accounts;
		this.rules = rules;
		this.events = events;
		this.clock = clock;
		this.auditTransaction = new TransactionTemplate(transactions);
		this.auditTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/**
	 * How one person may reach a room: as a member in a room role, or, for an
	 * administrator who is not a member, as an overseer (every such look into a closed
	 * group or a private talk is published for the audit log).
	 */
	public record Access(Room room, RoomRole role, boolean overseer) {
	}

	/**
	 * A room and the people responsible in it: its facilitators and peer supporters,
	 * facilitators first.
	 */
	public record Staffing(Room room, List<RoomMember> staff) {

		/**
		 * Whether anyone leads the room: a safety signal there has a facilitator to
		 * reach.
		 */
		public boolean hasFacilitator() {
			return staff.stream().anyMatch(member -> member.role() == RoomRole.FACILITATOR);
		}
	}

	/**
	 * A new room. The title (1–120 code points) and theme (0–500, optional) pass the
	 * single-line text policy and are stored in their canonical form; a title the service
	 * composes itself must be shortened to fit first.
	 * @throws InvalidFields {@code validation.failed} naming {@code title} and/or
	 * {@code theme}
	 */
	@Transactional
	public Room create(String title, String theme, RoomKind kind, UUID createdBy) {
		return create(title, theme, kind, RoomFormat.DISCUSSION, createdBy);
	}

	/**
	 * A new room in a format: {@link RoomFormat#INFO_SESSION} for a live information
	 * session, in which only the staff write. A private talk is always a discussion.
	 * @throws InvalidFields {@code validation.failed} naming {@code title} and/or
	 * {@code theme}
	 */
	@Transactional
	public Room create(String title, String theme, RoomKind kind, RoomFormat format, UUID createdBy) {
		TextFields fields = new TextFields();
		String checkedTitle = fields.check("title", RoomFieldLimits.TITLE, title);
		String checkedTheme = fields.check("theme", RoomFieldLimits.THEME, theme);
		fields.throwIfRefused();
		Room room = new Room(UUID.randomUUID(), checkedTitle, checkedTheme, kind, RoomState.OPEN, clock.instant(), 0,
				kind == RoomKind.PRIVATE ? RoomFormat.DISCUSSION : format);
		rooms.insert(room, createdBy);
		return room;
	}

	/** The ids of the private talks this person is one of the two people of. */
	@Transactional(readOnly = true)
	public List<UUID> privateTalksOf(UUID accountId) {
		return rooms.privateTalksOf(accountId).stream().map(Room::id).toList();
	}

	/**
	 * The open private talk in which {@code staffId} is the facilitator and
	 * {@code participantId} the participant, the newest if there are several; empty when
	 * there is none (or it was archived or made read-only).
	 */
	@Transactional(readOnly = true)
	public Optional<Room> privateTalkBetween(UUID staffId, UUID participantId) {
		return rooms.privateTalkBetween(staffId, participantId);
	}

	@Transactional(readOnly = true)
	public List<VisibleRoom> visibleTo(UUID accountId) {
		return rooms.visibleTo(accountId)
			.stream()
			.map(r -> new VisibleRoom(r.room(), r.role() != null, r.role()))
			.toList();
	}

	/**
	 * The room, if this person may see it; a closed room they are not in and a room that
	 * does not exist answer alike ({@code rooms.not_member}), so a room id reveals
	 * nothing.
	 */
	@Transactional(readOnly = true)
	public VisibleRoom get(UUID roomId, UUID accountId) {
		Room room = rooms.find(roomId).orElseThrow(NotMember::new);
		Optional<RoomRole> role = rooms.memberRole(roomId, accountId);
		if (role.isEmpty() && !isJoinable(room)) {
			throw new NotMember();
		}
		return new VisibleRoom(room, role.isPresent(), role.orElse(null));
	}

	/**
	 * Makes the person a member of an open chat (as a participant), or confirms their
	 * membership of a closed group.
	 * @throws NotMember {@code rooms.not_member} (403) as {@link #admit}
	 * @throws Barred {@code rooms.barred} (403) as {@link #admit}
	 */
	@Transactional
	public VisibleRoom join(UUID roomId, UUID accountId) {
		admit(roomId, accountId);
		return get(roomId, accountId);
	}

	/**
	 * Lets this person follow the room live, joining them to an open chat on the way: the
	 * check behind {@code POST /api/rooms/{id}/join} and behind every STOMP subscription
	 * to the room's topics, so both refuse alike.
	 * @throws NotMember {@code rooms.not_member} (403) for an unknown room and a closed
	 * group or private talk the person is not in (so that a closed room's existence is
	 * not revealed)
	 * @throws Barred {@code rooms.barred} (403) when the person is not a member and a ban
	 * from the room or its series keeps them out: they were told when banned, so the
	 * answer reveals nothing new
	 */
	@Transactional
	public void admit(UUID roomId, UUID accountId) {
		Room room = rooms.find(roomId).orElseThrow(NotMember::new);
		if (rooms.memberRole(roomId, accountId).isPresent()) {
			return;
		}
		if (barred(roomId, accountId)) {
			throw new Barred();
		}
		if (!isJoinable(room)) {
			oversee(room, accountId, "subscribe").orElseThrow(NotMember::new);
			return;
		}
		rooms.addParticipantIfAbsent(roomId, accountId, clock.instant());
	}

	/**
	 * The caller's way into the room for reading; refuses anyone who is neither a member
	 * nor an administrator, and a room that does not exist, with {@code rooms.not_member}
	 * alike.
	 */
	@Transactional(readOnly = true)
	public Access requireReader(UUID roomId, UUID accountId, String how) {
		Room room = rooms.find(roomId).orElseThrow(NotMember::new);
		Optional<RoomRole> role = rooms.memberRole(roomId, accountId);
		if (role.isPresent()) {
			return new Access(room, role.get(), false);
		}
		return oversee(room, accountId, how).orElseThrow(NotMember::new);
	}

	private Optional<Access> oversee(Room room, UUID accountId, String how) {
		if (!accounts.getActive(accountId).roles().contains(Role.ADMIN)) {
			return Optional.empty();
		}
		if (room.kind() != RoomKind.OPEN) {
			// the reading may be inside a read-only transaction, where the event's row in
			// the publication registry could not be written: the fact gets one of its own
			auditTransaction.executeWithoutResult(
					status -> events.publishEvent(new RoomReadByAdmin(room.id(), accountId, how, clock.instant())));
		}
		return Optional.of(new Access(room, null, true));
	}

	/**
	 * Whether a feature's rules (a ban, for instance) keep this person out of the room.
	 */
	@Transactional(readOnly = true)
	public boolean barred(UUID roomId, UUID accountId) {
		return rules.stream().anyMatch(rule -> rule.barred(roomId, accountId));
	}

	/** The room, whoever asks (callers decide what to show); empty when there is none. */
	@Transactional(readOnly = true)
	public Optional<Room> find(UUID roomId) {
		return rooms.find(roomId);
	}

	/**
	 * The room, for those who manage rooms (coordinators, administrators).
	 * @throws RoomNotFound {@code rooms.not_found}
	 */
	@Transactional(readOnly = true)
	public Room require(UUID roomId) {
		return rooms.find(roomId).orElseThrow(RoomNotFound::new);
	}

	/**
	 * That a member may write in the room now: it is open for messages, they may write in
	 * its format (a participant of an information session may not) and no feature's rule
	 * ({@link RoomRules#checkEdit}) stops them.
	 * @throws NotMember {@code rooms.not_member}, also for a room that does not exist
	 * @throws ReadOnly {@code rooms.read_only}
	 * @throws InfoSessionStaffOnly {@code rooms.info_session_staff_only} for a
	 * participant of an information session
	 */
	@Transactional(readOnly = true)
	public void requireWritable(UUID roomId, UUID accountId) {
		Room room = rooms.find(roomId).orElseThrow(NotMember::new);
		RoomRole role = requireMember(roomId, accountId);
		if (room.state() != RoomState.OPEN) {
			throw new ReadOnly();
		}
		if (!room.format().letsWrite(role)) {
			throw new InfoSessionStaffOnly();
		}
		RoomRules.Sender writer = new RoomRules.Sender(roomId,
				new RoomMember(accountId, accounts.getActive(accountId).displayName(), role));
		for (RoomRules rule : rules) {
			rule.checkEdit(writer).ifPresent(refusal -> {
				throw refusal;
			});
		}
	}

	/**
	 * That a member may put something to the room now that counts as a message does (a
	 * question to an information session's staff): the room is open, and every feature's
	 * rule for sending ({@link RoomRules#checkSends}) lets it through, so a mute, slow
	 * mode, the flood limit and unaccepted house rules refuse it as they refuse a
	 * message, and it counts toward the flood limit. The room's format is the caller's to
	 * judge.
	 * @return the member's room role
	 * @throws NotMember {@code rooms.not_member}, also for a room that does not exist
	 * @throws ReadOnly {@code rooms.read_only}
	 * @throws ApiProblem the first rule's refusal: {@code rate_limited},
	 * {@code moderation.muted}, {@code moderation.slow_mode},
	 * {@code rooms.rules_not_accepted}
	 */
	@Transactional(readOnly = true)
	public RoomRole requireMaySend(UUID roomId, UUID accountId) {
		Room room = rooms.find(roomId).orElseThrow(NotMember::new);
		RoomRole role = requireMember(roomId, accountId);
		if (!room.state().acceptsMessages()) {
			throw new ReadOnly();
		}
		RoomRules.Sender sender = new RoomRules.Sender(roomId,
				new RoomMember(accountId, accounts.getActive(accountId).displayName(), role));
		for (RoomRules rule : rules) {
			Optional<ApiProblem> refusal = rule.checkSends(List.of(sender)).get(0);
			if (refusal.isPresent()) {
				throw refusal.get();
			}
		}
		return role;
	}

	/**
	 * The caller's way into the room as one of its staff: a member who is its
	 * {@code FACILITATOR} or {@code PEER_SUPPORTER}, or an administrator (a member in any
	 * role, or overseeing).
	 * @throws NotMember {@code rooms.not_member} for anyone neither a member nor an
	 * administrator, and for a room that does not exist
	 * @throws StaffOnly {@code rooms.staff_only} for other members
	 */
	@Transactional(readOnly = true)
	public Access requireStaff(UUID roomId, UUID accountId, String how) {
		Access access = requireReader(roomId, accountId, how);
		boolean staff = access.overseer() || access.role() == RoomRole.FACILITATOR
				|| access.role() == RoomRole.PEER_SUPPORTER
				|| accounts.getActive(accountId).roles().contains(Role.ADMIN);
		if (!staff) {
			throw new StaffOnly();
		}
		return access;
	}

	/**
	 * The member's room role; refuses anyone else, and a room that does not exist, with
	 * {@code rooms.not_member} alike.
	 */
	@Transactional(readOnly = true)
	public RoomRole requireMember(UUID roomId, UUID accountId) {
		return rooms.memberRole(roomId, accountId).orElseThrow(NotMember::new);
	}

	@Transactional
	public RoomMember addMember(UUID roomId, UUID accountId, RoomRole role) {
		Room room = rooms.find(roomId).orElseThrow(RoomNotFound::new);
		Account account = accounts.getActive(accountId);
		if (account.guest() && (room.kind() == RoomKind.CLOSED || role != RoomRole.PARTICIPANT)) {
			throw new GuestNotAllowed();
		}
		if (barred(roomId, accountId)) {
			throw new Barred();
		}
		rooms.upsertMember(roomId, accountId, role, clock.instant());
		return new RoomMember(accountId, account.displayName(), role);
	}

	/**
	 * Appoints a person to a room in a role, by a coordinator or an administrator: a
	 * facilitator must hold the FACILITATOR role, a peer supporter the PEER_SUPPORTER or
	 * FACILITATOR role. Changes the role of an existing member. Private talks keep their
	 * two members. Published as {@link RoomStaffChanged}, for the audit log.
	 * @throws RoomProblems.InvalidStaff {@code rooms.invalid_staff} (409) when the person
	 * does not hold the role needed
	 * @throws RoomProblems.PrivateTalkFixed {@code rooms.private_talk_fixed} (409) for a
	 * private talk
	 */
	@Transactional
	public RoomMember appoint(UUID roomId, UUID accountId, RoomRole role, UUID appointedBy) {
		Room room = rooms.find(roomId).orElseThrow(RoomNotFound::new);
		if (room.kind() == RoomKind.PRIVATE) {
			throw new PrivateTalkFixed();
		}
		Set<Role> held = accounts.getActive(accountId).roles();
		boolean eligible = switch (role) {
			case FACILITATOR -> held.contains(Role.FACILITATOR);
			case PEER_SUPPORTER -> held.contains(Role.PEER_SUPPORTER) || held.contains(Role.FACILITATOR);
			case PARTICIPANT -> true;
		};
		if (!eligible) {
			throw new InvalidStaff(role);
		}
		RoomRole previous = rooms.memberRole(roomId, accountId).orElse(null);
		RoomMember member = addMember(roomId, accountId, role);
		events.publishEvent(new RoomStaffChanged(roomId, accountId, role, previous, appointedBy, clock.instant()));
		return member;
	}

	/**
	 * Takes a member out of a room, by a coordinator or an administrator (a facilitator
	 * no longer leading it, for instance); their live subscriptions to it end on every
	 * node. Published as {@link RoomStaffChanged}.
	 * @throws RoomProblems.MemberNotFound {@code rooms.member_not_found} (404) when the
	 * person is not a member
	 * @throws RoomProblems.PrivateTalkFixed {@code rooms.private_talk_fixed} (409) for a
	 * private talk
	 */
	@Transactional
	public void dismiss(UUID roomId, UUID accountId, UUID dismissedBy) {
		Room room = rooms.find(roomId).orElseThrow(RoomNotFound::new);
		if (room.kind() == RoomKind.PRIVATE) {
			throw new PrivateTalkFixed();
		}
		RoomRole previous = rooms.memberRole(roomId, accountId).orElse(null);
		if (previous == null || !removeMember(roomId, accountId)) {
			throw new MemberNotFound();
		}
		events.publishEvent(new RoomStaffChanged(roomId, accountId, null, previous, dismissedBy, clock.instant()));
	}

	/**
	 * Every open chat and closed group in use with its facilitators and peer supporters,
	 * newest first.
	 */
	@Transactional(readOnly = true)
	public List<Staffing> staffing() {
		return rooms.staffing();
	}

	/**
	 * Adds an enrolled person to a session room unless they are barred from it; whether
	 * they are a member now. A member keeps the role they have: staff who also enrolled
	 * stay staff, not a participant to be counted among the parents.
	 */
	@Transactional
	public boolean addParticipantUnlessBarred(UUID roomId, UUID accountId) {
		if (rooms.memberRole(roomId, accountId).isPresent()) {
			return true;
		}
		if (barred(roomId, accountId)) {
			return false;
		}
		addMember(roomId, accountId, RoomRole.PARTICIPANT);
		return true;
	}

	/**
	 * Takes the person out of the room: no longer a member, and every live subscription
	 * of theirs to it ends on every node once the change is committed.
	 */
	@Transactional
	public boolean removeMember(UUID roomId, UUID accountId) {
		boolean removed = rooms.deleteMember(roomId, accountId);
		events.publishEvent(new AccessWithdrawn(roomId, accountId));
		return removed;
	}

	@Transactional(readOnly = true)
	public List<RoomMember> members(UUID roomId, UUID requester) {
		requireReader(roomId, requester, "members");
		return rooms.members(roomId);
	}

	/**
	 * The members holding a room role, for features that reach them directly
	 * (facilitators, for instance).
	 */
	@Transactional(readOnly = true)
	public List<UUID> membersWithRole(UUID roomId, RoomRole role) {
		return rooms.members(roomId)
			.stream()
			.filter(member -> member.role() == role)
			.map(RoomMember::accountId)
			.toList();
	}

	@Transactional(readOnly = true)
	public Optional<RoomMember> member(UUID roomId, UUID accountId) {
		return rooms.member(roomId, accountId);
	}

	@Transactional
	public Room changeState(UUID roomId, RoomState state) {
		rooms.find(roomId).orElseThrow(RoomNotFound::new);
		rooms.updateState(roomId, state, clock.instant());
		return rooms.find(roomId).orElseThrow(RoomNotFound::new);
	}

	private static boolean isJoinable(Room room) {
		return room.kind() == RoomKind.OPEN && room.state() != RoomState.ARCHIVED;
	}

}
