package fi.tukipiiri.moderation;

import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import fi.tukipiiri.accounts.AccountService;
import fi.tukipiiri.accounts.Role;
import fi.tukipiiri.moderation.ModerationProblems.InvalidReport;
import fi.tukipiiri.moderation.ModerationProblems.InvalidValue;
import fi.tukipiiri.moderation.ModerationProblems.NotInRoom;
import fi.tukipiiri.moderation.ModerationProblems.NotYourself;
import fi.tukipiiri.moderation.ModerationProblems.ReportNotFound;
import fi.tukipiiri.platform.InvalidFields;
import fi.tukipiiri.rooms.ChatMessage;
import fi.tukipiiri.rooms.MessageService;
import fi.tukipiiri.rooms.RoomProblems;
import fi.tukipiiri.rooms.RoomService;
import fi.tukipiiri.text.FieldLimit;
import fi.tukipiiri.text.Refusal;

/**
 * Members report messages or members ("I am worried about this person" is a report of a
 * member with the reason {@code WORRY}); the room's facilitators review the queue and
 * close each report. A report in a room where no facilitator is present is escalated
 * ({@link SafetySignals}).
 */
@Service
public class ReportService {

	private static final int CONTEXT_EACH_SIDE = 3;
	static final int MAX_NOTE = 1000;

	private final RoomService rooms;

	private final Reports reports;

	private final Standings standings;

	private final MessageService messages;

	private final AccountService accounts;

	private final AuditService audit;

	private final ApplicationEventPublisher events;

	private final SafetySignals signals;

	private final Clock clock;

	ReportService(RoomService rooms, Reports reports, Standings standings, MessageService messages,
			AccountService accounts, AuditService audit, ApplicationEventPublisher events, SafetySignals signals,
			Clock clock) {
		this.rooms = rooms;
		this.reports = reports;
		this.standings = standings;
		this.messages = messages;
		this.accounts = accounts;
		this.audit = audit;
		this.events = events;
		this.signals = signals;
		this.clock = clock;
	}

	/**
	 * A report of one message (its author becomes the target) or of one member.
	 * @throws InvalidFields {@code validation.failed} ({@code not_null}) without
	 * {@code reason}
	 * @throws InvalidReport {@code moderation.invalid_report} unless exactly one of
	 * {@code messageId} and {@code targetId} is given
	 */
	@Transactional
	public UUID report(UUID roomId, UUID reporterId, UUID messageId, UUID targetId, Report.Reason reason, String note) {
		InvalidFields.required(reason, "reason");
		standings.require(roomId, reporterId, Power.REPORT);
		if ((messageId == null) == (targetId == null)) {
			throw new InvalidReport();
		}
		UUID target = targetId;
		if (messageId != null) {
			target = messages.original(roomId, messageId).authorId();
		}
		else if (!standings.of(roomId, targetId).member()) {
			throw new NotInRoom();
		}
		if (reporterId.equals(target)) {
			throw new NotYourself();
		}
		Report report = new Report(UUID.randomUUID(), roomId, null, reporterId, null, messageId, target, null, reason,
				note(ModerationFieldLimits.REPORT_NOTE, note), clock.instant(), Report.Status.OPEN, List.of());
		reports.insert(report);
		audit.record(reporterId, AuditAction.REPORT, roomId, target, messageId, "",
				new AuditDetails.ReportDetails(null, reason));
		String roomTitle = rooms.requireReader(roomId, reporterId, "report").room().title();
		Set<UUID> concerned = new HashSet<>(List.of(reporterId, target));
		signals.raise(new SafetySignals.Signal(Escalation.Signal.REPORT, report.id(), roomId, roomTitle, target,
				concerned, recipient -> new ModerationUpdate.ReportFiled(recipient, roomId, report.id()),
				"moderation.report_filed", Map.of("roomId", roomId.toString(), "roomTitle", roomTitle)));
		return report.id();
	}

	/**
	 * Open reports for a room's facilitators, or for every room the reviewer facilitates
	 * when no room is given.
	 */
	@Transactional(readOnly = true)
	public List<Report> open(UUID roomId, UUID reviewerId) {
		if (roomId != null) {
			standings.require(roomId, reviewerId, Power.REVIEW);
		}
		boolean admin = accounts.getActive(reviewerId).roles().contains(Role.ADMIN);
		return reports.open(roomId, reviewerId, admin, 100).stream().map(this::withContext).toList();
	}

	/**
	 * Closes an open report as acted on ({@code actionTaken} true: {@code RESOLVED}) or
	 * dismissed (false: {@code DISMISSED}), and tells the reporter it was handled.
	 * @throws InvalidFields {@code validation.failed} ({@code not_null}) without
	 * {@code actionTaken}
	 */
	@Transactional
	public void close(UUID reportId, UUID reviewerId, Boolean actionTaken, String note) {
		InvalidFields.required(actionTaken, "actionTaken");
		Report report = reports.findOpen(reportId).orElseThrow(ReportNotFound::new);
		standings.require(report.roomId(), reviewerId, Power.REVIEW);
		Report.Status status = actionTaken ? Report.Status.RESOLVED : Report.Status.DISMISSED;
		String handling = note(ModerationFieldLimits.HANDLING_NOTE, note);
		if (!reports.close(reportId, status, reviewerId, handling, clock.instant())) {
			throw new ReportNotFound();
		}
		audit.record(reviewerId, actionTaken ? AuditAction.REPORT_RESOLVED : AuditAction.REPORT_DISMISSED,
				report.roomId(), report.targetId(), report.messageId(), handling,
				new AuditDetails.ReportDetails(reportId, report.reason()));
		if (report.reporterId() != null) {
			events.publishEvent(new ReportClosed(reportId, report.reporterId(), report.roomId(), report.roomTitle()));
			events.publishEvent(new ModerationUpdate.ReportHandled(report.reporterId(), report.roomId(), reportId));
		}
	}

	private Report withContext(Report report) {
		if (report.messageId() == null) {
			return report;
		}
		ChatMessage reported;
		try {
			reported = messages.original(report.roomId(), report.messageId());
		}
		catch (RoomProblems.MessageNotFound deletedSince) {
			return report;
		}
		// reviewers read the reported message as written, even if it has been removed
		// since
		return report.withContext(messages.context(report.roomId(), reported.seq(), CONTEXT_EACH_SIDE)
			.stream()
			.map(message -> message.id().equals(reported.id()) ? reported : message)
			.toList());
	}

	/**
	 * A note under the multi-line text policy, at most {@value #MAX_NOTE} code points.
	 * @throws InvalidValue {@code moderation.note_too_long}
	 * @throws InvalidFields {@code validation.failed} for {@code note} holding control
	 * characters or too many marks
	 */
	static String note(FieldLimit limit, String note) {
		return limit.check(note)
			.orElseThrow(refused -> refused.refusal() == Refusal.TOO_LONG
					? new InvalidValue("moderation.note_too_long", "A note has at most " + MAX_NOTE + " characters.")
					: InvalidFields.of("note", refused.code(), refused.message()));
	}

}
