package fi.tukipiiri.notifications;

import java.util.Map;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import fi.tukipiiri.moderation.AppealAnswered;
import fi.tukipiiri.moderation.BanLifted;
import fi.tukipiiri.moderation.PrivateTalkOpened;
import fi.tukipiiri.moderation.ReportClosed;
import fi.tukipiiri.moderation.SafetySignalRaised;

/**
 * Turns what moderation committed into notices: safety signals for staff, handled
 * reports, private talks, answered appeals and lifted bans.
 */
@Component
class ModerationNotices {

	private final NotificationService notifications;

	ModerationNotices(NotificationService notifications) {
		this.notifications = notifications;
	}

	@ApplicationModuleListener
	void on(SafetySignalRaised raised) {
		raised.facilitators()
			.forEach(facilitator -> notifications.notify(facilitator, NoticeKind.of(raised.noticeKind()),
					raised.signalId(), raised.noticeParams()));
		Map<String, String> escalated = Map.of("roomId", raised.roomId().toString(), "roomTitle", raised.roomTitle(),
				"signal", raised.kind().name());
		raised.escalatedTo()
			.forEach(recipient -> notifications.notify(recipient, NoticeKind.SAFETY_ESCALATED, raised.escalationId(),
					escalated));
	}

	@ApplicationModuleListener
	void on(ReportClosed closed) {
		notifications.notify(closed.reporterId(), NoticeKind.REPORT_HANDLED, closed.reportId(),
				Map.of("roomTitle", closed.roomTitle(), "roomId", closed.roomId().toString()));
	}

	@ApplicationModuleListener
	void on(PrivateTalkOpened opened) {
		notifications.notify(opened.participantId(), NoticeKind.PRIVATE_TALK_OPENED, opened.privateRoomId(),
				Map.of("roomId", opened.privateRoomId().toString(), "facilitatorName", opened.facilitatorName(),
						"facilitatorId", opened.facilitatorId().toString()));
	}

	/** Params: {@code outcome} (UPHELD, LIFTED), {@code kind} (MUTE, BAN), the room. */
	@ApplicationModuleListener
	void on(AppealAnswered answered) {
		notifications.notify(answered.accountId(), NoticeKind.MODERATION_APPEAL_ANSWERED, answered.appealId(),
				Map.of("outcome", answered.outcome().name(), "kind", answered.kind().name(), "roomId",
						answered.roomId().toString(), "roomTitle", answered.roomTitle()));
	}

	/** Whoever lifted it: a facilitator's unban or an appeal's answer. */
	@ApplicationModuleListener
	void on(BanLifted lifted) {
		notifications.notify(lifted.accountId(), NoticeKind.MODERATION_UNBANNED, lifted.sanctionId(),
				Map.of("roomId", lifted.roomId().toString(), "roomTitle", lifted.roomTitle()));
	}

}
