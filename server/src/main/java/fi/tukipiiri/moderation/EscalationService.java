package fi.tukipiiri.moderation;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import fi.tukipiiri.accounts.AccountService;
import fi.tukipiiri.accounts.Role;
import fi.tukipiiri.moderation.ModerationProblems.EscalationNotFound;
import fi.tukipiiri.moderation.ModerationProblems.EscalationTaken;
import fi.tukipiiri.moderation.ModerationProblems.NoSubject;
import fi.tukipiiri.rooms.Room;

/**
 * The coordinators' and administrators' side of safety signals that reached no
 * facilitator: who is on duty, the open escalations, and handling one (saying one takes
 * it, opening a private talk with the person, closing it). Callers are coordinators or
 * administrators (checked by the web layer); every handling step is audited.
 */
@Service
public class EscalationService {

	private static final int MAX_LISTED = 200;

	private final DutyRoster duty;

	private final ConnectionLimit connections;

	private final Escalations escalations;

	private final AccountService accounts;

	private final PrivateTalkService privateTalks;

	private final AuditService audit;

	private final Clock clock;

	EscalationService(DutyRoster duty, ConnectionLimit connections, Escalations escalations, AccountService accounts,
			PrivateTalkService privateTalks, AuditService audit, Clock clock) {
		this.duty = duty;
		this.connections = connections;
		this.escalations = escalations;
		this.accounts = accounts;
		this.privateTalks = privateTalks;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * Someone on duty, and since when.
	 *
	 * @param connected whether they have the app open now (a live connection);
	 * escalations go only to those on duty who are connected
	 */
	public record OnDuty(UUID accountId, String displayName, Instant since, boolean connected) {
	}

	/**
	 * @param onDuty whether the caller is on duty
	 * @param since since when; null when not on duty
	 * @param everyoneOnDuty every coordinator and administrator on duty now; when none of
	 * them is connected, escalations reach all coordinators and administrators
	 */
	public record Duty(boolean onDuty, Instant since, List<OnDuty> everyoneOnDuty) {
	}

	@Transactional(readOnly = true)
	public Duty duty(UUID accountId) {
		Map<UUID, Instant> roster = duty.onDuty();
		Set<UUID> connected = connections.connected(roster.keySet());
		List<OnDuty> everyone = accounts.coordinatorsAndAdministrators()
			.stream()
			.filter(account -> roster.containsKey(account.id()))
			.map(account -> new OnDuty(account.id(), account.displayName(), roster.get(account.id()),
					connected.contains(account.id())))
			.sorted(Comparator.comparing(OnDuty::since))
			.toList();
		Instant since = roster.get(accountId);
		return new Duty(since != null, since, everyone);
	}

	/** Goes on or off duty; going on duty again keeps the first instant. */
	@Transactional
	public Duty setDuty(UUID accountId, boolean onDuty) {
		if (onDuty) {
			duty.start(accountId, clock.instant());
		}
		else {
			duty.end(accountId);
		}
		return duty(accountId);
	}

	/**
	 * The open escalations, newest first, but those about the caller: a signal never
	 * reaches the person it is about, and that person cannot handle it either.
	 */
	@Transactional(readOnly = true)
	public List<Escalation> open(UUID callerId) {
		return withConnections(escalations.open(MAX_LISTED)
			.stream()
			.filter(escalation -> !callerId.equals(escalation.subjectId()))
			.toList());
	}

	/**
	 * Says the caller handles the escalation, so the others on duty know; taking it again
	 * is harmless.
	 * @throws ModerationProblems.EscalationNotFound
	 * {@code moderation.escalation_not_found} (404), also when it is about the caller
	 * @throws ModerationProblems.EscalationTaken {@code moderation.escalation_taken}
	 * (409) when someone else took it
	 */
	@Transactional
	public Escalation take(UUID escalationId, UUID actorId) {
		Escalation escalation = current(escalationId, actorId);
		if (escalation.takenBy() != null && !escalation.takenBy().equals(actorId)) {
			throw new EscalationTaken(escalation.takenByName());
		}
		if (escalation.takenBy() == null) {
			if (!escalations.take(escalationId, actorId, clock.instant())) {
				throw new EscalationTaken(current(escalationId, actorId).takenByName());
			}
			audit.record(actorId, AuditAction.ESCALATION_TAKEN, escalation.roomId(), escalation.subjectId(), null, "",
					new AuditDetails.EscalationStep(escalation.signal(), escalationId, null, null));
		}
		return current(escalationId, actorId);
	}

	/**
	 * Takes the escalation from the person holding it: an administrator always may, a
	 * coordinator when the holder has no live connection (left without closing it).
	 * Audited with the previous holder; taking over one's own or a free escalation is
	 * simply taking it.
	 * @throws ModerationProblems.EscalationNotFound
	 * {@code moderation.escalation_not_found} (404)
	 * @throws ModerationProblems.EscalationTaken {@code moderation.escalation_taken}
	 * (409) when a coordinator asks and the holder is connected, or someone else changed
	 * the holder meanwhile
	 */
	@Transactional
	public Escalation takeOver(UUID escalationId, UUID actorId) {
		Escalation escalation = current(escalationId, actorId);
		UUID holder = escalation.takenBy();
		if (holder == null || holder.equals(actorId)) {
			return take(escalationId, actorId);
		}
		boolean admin = accounts.getActive(actorId).roles().contains(Role.ADMIN);
		if (!admin && Boolean.TRUE.equals(escalation.takenByConnected())
				|| !escalations.takeOver(escalationId, holder, actorId, clock.instant())) {
			throw new EscalationTaken(escalation.takenByName());
		}
		audit.record(actorId, AuditAction.ESCALATION_TAKEN_OVER, escalation.roomId(), escalation.subjectId(), null, "",
				new AuditDetails.EscalationStep(escalation.signal(), escalationId, holder, null));
		return current(escalationId, actorId);
	}

	/**
	 * The open escalation as the caller may see it; one about the caller does not exist
	 * for them.
	 */
	private Escalation current(UUID escalationId, UUID callerId) {
		Escalation escalation = escalations.findOpen(escalationId)
			.filter(found -> !callerId.equals(found.subjectId()))
			.orElseThrow(EscalationNotFound::new);
		return withConnections(List.of(escalation)).get(0);
	}

	private List<Escalation> withConnections(List<Escalation> list) {
		Set<UUID> holders = list.stream().map(Escalation::takenBy).filter(Objects::nonNull).collect(Collectors.toSet());
		Set<UUID> connected = connections.connected(holders);
		return list.stream()
			.map(escalation -> escalation.takenBy() == null ? escalation
					: escalation.withTakenByConnected(connected.contains(escalation.takenBy())))
			.toList();
	}

	/**
	 * Opens a private talk between the caller and the person the escalation is about
	 * (taking the escalation).
	 * @throws ModerationProblems.NoSubject {@code moderation.no_subject} (409) when that
	 * person's account is gone
	 */
	@Transactional
	public Room privateTalk(UUID escalationId, UUID actorId) {
		Escalation escalation = take(escalationId, actorId);
		if (escalation.subjectId() == null || accounts.findActive(escalation.subjectId()).isEmpty()) {
			throw new NoSubject();
		}
		return privateTalks.openForEscalation(escalation.roomId(), actorId, escalation.subjectId());
	}

	/**
	 * Closes the escalation as handled, with an optional note for the audit log (a
	 * handling note: the multi-line text policy, at most 1,000 code points;
	 * {@code moderation.note_too_long} beyond).
	 */
	@Transactional
	public void close(UUID escalationId, UUID actorId, String note) {
		String text = ReportService.note(ModerationFieldLimits.HANDLING_NOTE, note);
		Escalation escalation = take(escalationId, actorId);
		escalations.close(escalationId, clock.instant());
		audit.record(actorId, AuditAction.ESCALATION_CLOSED, escalation.roomId(), escalation.subjectId(), null, text,
				new AuditDetails.EscalationStep(escalation.signal(), escalationId, null, null));
	}

}
