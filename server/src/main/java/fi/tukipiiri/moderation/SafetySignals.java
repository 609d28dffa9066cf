package fi.tukipiiri.moderation;

import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import fi.tukipiiri.accounts.Account;
import fi.tukipiiri.accounts.AccountService;
import fi.tukipiiri.presence.PresenceService;
import fi.tukipiiri.rooms.RoomRole;
import fi.tukipiiri.rooms.RoomService;

/**
 * The one way a safety signal (a risk flag, a report, a request for a private talk)
 * reaches people, so that none reaches no one. The room's facilitators are told live and
 * by a notice, as before. When none of them is present in the room right now (or the only
 * ones present are the people the signal is about), the signal is escalated: it is
 * recorded as an escalation and told, live and by a notice, to the coordinators and
 * administrators on duty who have the app open (a live connection), or to every
 * coordinator and administrator when none of those on duty does: a person who went on
 * duty and left is no one to rely on. The people a signal is about never receive it. Runs
 * inside the transaction that stores the signal: the escalation and the notices commit
 * with it, and live events leave after the commit.
 */
@Component
class SafetySignals {

	private static final Logger log = LoggerFactory.getLogger(SafetySignals.class);

	private final RoomService rooms;

	private final PresenceService presence;

	private final AccountService accounts;

	private final DutyRoster duty;

	private final ConnectionLimit connections;

	private final Escalations escalations;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	SafetySignals(RoomService rooms, PresenceService presence, AccountService accounts, DutyRoster duty,
			ConnectionLimit connections, Escalations escalations, ApplicationEventPublisher events, Clock clock) {
		this.rooms = rooms;
		this.presence = presence;
		this.accounts = accounts;
		this.duty = duty;
		this.connections = connections;
		this.escalations = escalations;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * A signal raised in a room.
	 *
	 * @param signalId the flag's, report's or request's id; the facilitators' notice is
	 * about it
	 * @param subjectId the person the signal is about, shown to those it is escalated to
	 * @param concerned everyone the signal is about or comes from; none of them receives
	 * it
	 * @param live what each of the room's facilitators hears live, given the facilitator
	 * @param noticeKind the notification the room's facilitators receive, with
	 * {@code noticeParams}
	 */
	record Signal(Escalation.Signal kind, UUID signalId, UUID roomId, String roomTitle, UUID subjectId,
			Set<UUID> concerned, Function<UUID, ModerationUpdate.ToPerson> live, String noticeKind,
			Map<String, String> noticeParams) {
	}

	/**
	 * Who the signal reached: the room's facilitators, and, when it was escalated, the
	 * escalation and the coordinators and administrators it went to.
	 */
	record Reach(List<UUID> facilitators, boolean facilitatorPresent, UUID escalationId, List<UUID> escalatedTo) {
	}

	Reach raise(Signal signal) {
		List<UUID> facilitators = rooms.membersWithRole(signal.roomId(), RoomRole.FACILITATOR)
			.stream()
			.filter(facilitator -> !signal.concerned().contains(facilitator))
			.toList();
		for (UUID facilitator : facilitators) {
			events.publishEvent(signal.live().apply(facilitator));
		}
		Set<UUID> present = presence.presentIn(signal.roomId());
		if (facilitators.stream().anyMatch(present::contains)) {
			events.publishEvent(new SafetySignalRaised(signal.kind(), signal.signalId(), signal.roomId(),
					signal.roomTitle(), signal.noticeKind(), signal.noticeParams(), facilitators, null, List.of()));
			return new Reach(facilitators, true, null, List.of());
		}
		UUID escalationId = UUID.randomUUID();
		escalations.insert(escalationId, signal.roomId(), signal.kind(), signal.signalId(), signal.subjectId(),
				clock.instant());
		List<UUID> recipients = responsible(signal.concerned());
		events
			.publishEvent(new SafetySignalRaised(signal.kind(), signal.signalId(), signal.roomId(), signal.roomTitle(),
					signal.noticeKind(), signal.noticeParams(), facilitators, escalationId, recipients));
		for (UUID recipient : recipients) {
			events.publishEvent(new ModerationUpdate.Escalated(recipient, signal.roomId(), signal.roomTitle(),
					signal.kind(), escalationId));
		}
		if (recipients.isEmpty()) {
			log.error(
					"A safety signal in room {} has nobody to reach: no coordinator or administrator but those it concerns",
					signal.roomId());
		}
		return new Reach(facilitators, false, escalationId, recipients);
	}

	/**
	 * The coordinators and administrators on duty with a live connection, or all of them
	 * when none is; never those concerned.
	 */
	private List<UUID> responsible(Set<UUID> concerned) {
		List<Account> everyone = accounts.coordinatorsAndAdministrators()
			.stream()
			.filter(account -> !concerned.contains(account.id()))
			.toList();
		Set<UUID> onDuty = duty.onDuty().keySet();
		Set<UUID> chosen = new LinkedHashSet<>(
				connections.connected(everyone.stream().map(Account::id).filter(onDuty::contains).toList()));
		if (chosen.isEmpty()) {
			everyone.stream().map(Account::id).forEach(chosen::add);
		}
		return List.copyOf(chosen);
	}

}
