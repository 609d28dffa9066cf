package fi.tukipiiri.notifications;

import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every kind of notice the server can store, by its stored code. Each has a text in every
 * language file ({@code notification.<code>} for the bell, {@code reach.subject.<code>}
 * and {@code reach.body.<code>} for e-mail and Web Push), and a {@link Category} a person
 * can switch on or off per channel.
 */
public enum NoticeKind {

	ENROLMENT_ENROLLED("enrolment.enrolled", Category.ENROLMENT),
	ENROLMENT_WAITLISTED("enrolment.waitlisted", Category.ENROLMENT),
	ENROLMENT_PROMOTED("enrolment.promoted", Category.ENROLMENT), SERIES_CONFIRMED("series.confirmed", Category.SERIES),
	SERIES_CANCELLED("series.cancelled", Category.SERIES), SESSION_REMINDER("session.reminder", Category.REMINDERS),
	SESSION_REMINDER_HOUR("session.reminder_hour", Category.REMINDERS),
	SESSION_LOBBY_OPEN("session.lobby_open", Category.REMINDERS), SESSION_MOVED("session.moved", Category.SCHEDULE),
	SESSION_CANCELLED("session.cancelled", Category.SCHEDULE), SESSION_ADDED("session.added", Category.SCHEDULE),
	FEEDBACK_REQUESTED("feedback.requested", Category.OTHER), REPORT_HANDLED("report.handled", Category.OTHER),
	PRIVATE_TALK_OPENED("private_talk.opened", Category.OTHER),
	PRIVATE_TALK_REQUESTED("private_talk.requested", Category.SAFETY),
	MODERATION_REPORT_FILED("moderation.report_filed", Category.SAFETY),
	MODERATION_RISK_FLAG("moderation.risk_flag", Category.SAFETY),
	SAFETY_ESCALATED("safety.escalated", Category.SAFETY),
	MODERATION_APPEAL_ANSWERED("moderation.appeal_answered", Category.OTHER),
	MODERATION_UNBANNED("moderation.unbanned", Category.OTHER),
	PEER_INVITATION_RECEIVED("peer_invitation.received", Category.OTHER),
	PEER_INVITATION_WITHDRAWN("peer_invitation.withdrawn", Category.OTHER),
	PEER_INVITATION_ACCEPTED("peer_invitation.accepted", Category.OTHER),
	PEER_INVITATION_DECLINED("peer_invitation.declined", Category.OTHER);

	/** What a person switches on or off for e-mail and for Web Push. */
	public enum Category {

		/** A meeting tomorrow, within the hour, or its room opening. */
		REMINDERS,
		/** A meeting moved, cancelled or added. */
		SCHEDULE,
		/** One's place in a group: enrolled, on the waiting list, let in from it. */
		ENROLMENT,
		/** A group confirmed or cancelled. */
		SERIES,
		/** For staff: a report, a risk flag, a request to talk, an escalated concern. */
		SAFETY,
		/** Everything else: feedback requests, answers, invitations. */
		OTHER

	}

	private static final Map<String, NoticeKind> BY_CODE = Arrays.stream(values())
		.collect(Collectors.toUnmodifiableMap(NoticeKind::code, Function.identity()));

	private final String code;

	private final Category category;

	NoticeKind(String code, Category category) {
		this.code = code;
		this.category = category;
	}

	/** The stored code, e.g. {@code session.moved}. */
	public String code() {
		return code;
	}

	public Category category() {
		return category;
	}

	/**
	 * Whether the notice is about one session, so its e-mail carries the meeting's time
	 * and calendar entry.
	 */
	public boolean aboutSession() {
		return code.startsWith("session.");
	}

	/**
	 * The kind with this stored code.
	 * @throws IllegalArgumentException for a code no notice has: a programming error,
	 * never client input
	 */
	public static NoticeKind of(String code) {
		NoticeKind kind = BY_CODE.get(code);
		if (kind == null) {
			throw new IllegalArgumentException("No notice kind " + code);
		}
		return kind;
	}

}
