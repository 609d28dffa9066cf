package fi.tukipiiri.peersupport;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import fi.tukipiiri.accounts.Account;
import fi.tukipiiri.accounts.AccountService;
import fi.tukipiiri.accounts.Role;
import fi.tukipiiri.peersupport.PeerInvitationProblems.AlreadyHasRole;
import fi.tukipiiri.peersupport.PeerInvitationProblems.AlreadyInvited;
import fi.tukipiiri.peersupport.PeerInvitationProblems.Closed;
import fi.tukipiiri.peersupport.PeerInvitationProblems.Expired;
import fi.tukipiiri.peersupport.PeerInvitationProblems.GuestNotInvitable;
import fi.tukipiiri.peersupport.PeerInvitationProblems.InvitationNotFound;
import fi.tukipiiri.peersupport.PeerInvitationProblems.NotParticipant;
import fi.tukipiiri.peersupport.PeerInvitationProblems.NotYours;
import fi.tukipiiri.peersupport.PeerInvitationProblems.SeriesNotCompleted;
import fi.tukipiiri.series.AttendanceService;
import fi.tukipiiri.series.Enrolment;
import fi.tukipiiri.series.EnrolmentService;
import fi.tukipiiri.series.Series;
import fi.tukipiiri.series.SeriesService;

/**
 * Invitations to go on as a peer supporter (the {@link Role#PEER_SUPPORTER} role,
 * vertaistoimija) after a completed series. A coordinator or administrator invites a
 * participant who was enrolled in the series — a registered parent, not its staff, not a
 * peer supporter or other staff already — and the role is given only when that person
 * accepts, in the role history in the name of the one who invited. A person has at most
 * one open invitation; it expires after {@code tukipiiri.peer-invitations.lifetime} and
 * can be withdrawn until answered. What is done is published as events for the audit log
 * and the notices.
 */
@Service
public class PeerInvitationService {

	/** The roles whose holders are staff already and are not invited. */
	private static final Set<Role> STAFF_ROLES = EnumSet.of(Role.PEER_SUPPORTER, Role.FACILITATOR, Role.COORDINATOR,
			Role.ADMIN);

	private final PeerInvitations invitations;

	private final SeriesService series;

	private final EnrolmentService enrolments;

	private final AttendanceService attendance;

	private final AccountService accounts;

	private final PeerInvitationSettings settings;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	PeerInvitationService(PeerInvitations invitations, SeriesService series, EnrolmentService enrolments,
			AttendanceService attendance, AccountService accounts, PeerInvitationSettings settings,
			ApplicationEventPublisher events, Clock clock) {
		this.invitations = invitations;
		this.series = series;
		this.enrolments = enrolments;
		this.attendance = attendance;
		this.accounts = accounts;
		this.settings = settings;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * The participants of a completed series who were enrolled in it (its staff left
	 * out), by display name, with how often they came and whether they can be invited
	 * now.
	 * @throws fi.tukipiiri.series.SeriesProblems.SeriesNotFound {@code series.not_found}
	 * @throws SeriesNotCompleted {@code peer_invitations.series_not_completed}
	 */
	@Transactional(readOnly = true)
	public List<PeerCandidate> candidates(UUID seriesId) {
		Series completed = completed(seriesId);
		List<AttendanceService.SessionAttendance> sessions = attendance.ofSeries(seriesId);
		int held = (int) sessions.stream().filter(s -> s.state() == Series.SessionState.ENDED).count();
		Map<UUID, Long> attended = sessions.stream()
			.flatMap(s -> s.attendees().stream())
			.collect(Collectors.groupingBy(AttendanceService.Attendee::accountId, Collectors.counting()));
		List<Account> participants = enrolments.applicants(seriesId)
			.stream()
			.filter(e -> e.status() == Enrolment.Status.ENROLLED && !staffOf(completed, e.accountId()))
			.map(e -> accounts.findActive(e.accountId()))
			.flatMap(Optional::stream)
			.toList();
		Instant now = clock.instant();
		Map<UUID, PeerInvitation> latest = invitations.latestOf(participants.stream().map(Account::id).toList(), now);
		return participants.stream().map(person -> {
			PeerInvitation invitation = latest.get(person.id());
			PeerCandidate.Standing standing = staff(person) ? PeerCandidate.Standing.HAS_ROLE
					: invitation != null && invitation.status() == PeerInvitation.Status.OPEN
							? PeerCandidate.Standing.INVITED : PeerCandidate.Standing.INVITABLE;
			return new PeerCandidate(person.id(), person.displayName(),
					attended.getOrDefault(person.id(), 0L).intValue(), held, standing, invitation);
		})
			.sorted(Comparator.comparing(PeerCandidate::displayName, String.CASE_INSENSITIVE_ORDER)
				.thenComparing(PeerCandidate::accountId))
			.toList();
	}

	/**
	 * Invites a participant of a completed series to go on as a peer supporter; the
	 * person is told. The invitation is open for
	 * {@code tukipiiri.peer-invitations.lifetime}.
	 * @throws fi.tukipiiri.series.SeriesProblems.SeriesNotFound {@code series.not_found}
	 * @throws SeriesNotCompleted {@code peer_invitations.series_not_completed}
	 * @throws fi.tukipiiri.accounts.AccountProblems.AccountNotFound
	 * {@code accounts.not_found}
	 * @throws GuestNotInvitable {@code peer_invitations.guest}
	 * @throws NotParticipant {@code peer_invitations.not_participant} for someone not
	 * enrolled in the series, or its staff
	 * @throws AlreadyHasRole {@code peer_invitations.already_has_role}
	 * @throws AlreadyInvited {@code peer_invitations.already_invited} while the person
	 * has an open invitation (of any series)
	 */
	@Transactional
	public PeerInvitation invite(UUID seriesId, UUID accountId, UUID invitedBy) {
		Series completed = completed(seriesId);
		Account person = accounts.getActive(accountId);
		if (person.guest()) {
			throw new GuestNotInvitable();
		}
		boolean enrolled = enrolments.of(seriesId, accountId)
			.map(e -> e.status() == Enrolment.Status.ENROLLED)
			.orElse(false);
		if (!enrolled || staffOf(completed, accountId)) {
			throw new NotParticipant();
		}
		if (staff(person)) {
			throw new AlreadyHasRole();
		}
		Instant now = clock.instant();
		invitations.expireStale(accountId, now);
		if (invitations.hasOpen(accountId, now)) {
			throw new AlreadyInvited();
		}
		UUID id = UUID.randomUUID();
		Instant expiresAt = now.plus(settings.lifetime());
		try {
			invitations.insert(id, seriesId, accountId, invitedBy, now, expiresAt);
		}
		catch (DuplicateKeyException raced) {
			throw new AlreadyInvited();
		}
		events.publishEvent(
				new PeerInvitationSent(id, accountId, seriesId, completed.title(), invitedBy, now, expiresAt));
		return invitations.find(id, now).orElseThrow();
	}

	/**
	 * Withdraws an open invitation; withdrawing it again changes nothing.
	 * @throws InvitationNotFound {@code peer_invitations.not_found}
	 * @throws Expired {@code peer_invitations.expired}
	 * @throws Closed {@code peer_invitations.closed} once accepted or declined
	 */
	@Transactional
	public PeerInvitation withdraw(UUID invitationId, UUID withdrawnBy) {
		PeerInvitations.Row row = invitations.lock(invitationId).orElseThrow(InvitationNotFound::new);
		Instant now = clock.instant();
		if (row.status() == PeerInvitation.Status.WITHDRAWN) {
			return view(invitationId, now);
		}
		openAt(row, now);
		invitations.close(invitationId, PeerInvitation.Status.WITHDRAWN, now);
		PeerInvitation withdrawn = view(invitationId, now);
		events.publishEvent(new PeerInvitationWithdrawn(invitationId, row.accountId(), row.seriesId(),
				withdrawn.seriesTitle(), withdrawnBy, now));
		return withdrawn;
	}

	/** One's own invitations, newest first. */
	@Transactional(readOnly = true)
	public List<PeerInvitation> own(UUID accountId) {
		return invitations.ofAccount(accountId, clock.instant());
	}

	/**
	 * The person invited accepts: they become a peer supporter (their open connections
	 * end and their next token carries the role) and the one who invited is told.
	 * Accepting again changes nothing.
	 * @throws InvitationNotFound {@code peer_invitations.not_found}
	 * @throws NotYours {@code peer_invitations.not_yours} for someone else's invitation
	 * @throws Expired {@code peer_invitations.expired}
	 * @throws Closed {@code peer_invitations.closed} once declined or withdrawn
	 */
	@Transactional
	public PeerInvitation accept(UUID invitationId, UUID accountId) {
		return answer(invitationId, accountId, true);
	}

	/**
	 * The person invited declines; the one who invited is told. Declining again changes
	 * nothing.
	 * @throws InvitationNotFound {@code peer_invitations.not_found}
	 * @throws NotYours {@code peer_invitations.not_yours}
	 * @throws Expired {@code peer_invitations.expired}
	 * @throws Closed {@code peer_invitations.closed} once accepted or withdrawn
	 */
	@Transactional
	public PeerInvitation decline(UUID invitationId, UUID accountId) {
		return answer(invitationId, accountId, false);
	}

	private PeerInvitation answer(UUID invitationId, UUID accountId, boolean accepted) {
		PeerInvitations.Row row = invitations.lock(invitationId).orElseThrow(InvitationNotFound::new);
		if (!row.accountId().equals(accountId)) {
			throw new NotYours();
		}
		Instant now = clock.instant();
		PeerInvitation.Status outcome = accepted ? PeerInvitation.Status.ACCEPTED : PeerInvitation.Status.DECLINED;
		if (row.status() == outcome) {
			return view(invitationId, now);
		}
		openAt(row, now);
		if (accepted) {
			accounts.grantByInvitation(accountId, Role.PEER_SUPPORTER, row.invitedBy(), invitationId);
		}
		invitations.close(invitationId, outcome, now);
		PeerInvitation answered = view(invitationId, now);
		events.publishEvent(new PeerInvitationAnswered(invitationId, accountId, answered.displayName(), row.seriesId(),
				answered.seriesTitle(), row.invitedBy(), accepted, now));
		return answered;
	}

	/** Refuses an invitation that is no longer open. */
	private static void openAt(PeerInvitations.Row row, Instant now) {
		if (row.status() == PeerInvitation.Status.EXPIRED || row.expiredAt(now)) {
			throw new Expired();
		}
		if (row.status() != PeerInvitation.Status.OPEN) {
			throw new Closed();
		}
	}

	private PeerInvitation view(UUID invitationId, Instant now) {
		return invitations.find(invitationId, now).orElseThrow(InvitationNotFound::new);
	}

	private Series completed(UUID seriesId) {
		Series planned = series.get(seriesId);
		if (planned.state() != Series.State.COMPLETED) {
			throw new SeriesNotCompleted();
		}
		return planned;
	}

	private static boolean staffOf(Series planned, UUID accountId) {
		return planned.staff().stream().map(Series.Staff::accountId).anyMatch(accountId::equals);
	}

	private static boolean staff(Account person) {
		return person.roles().stream().anyMatch(STAFF_ROLES::contains);
	}

}
