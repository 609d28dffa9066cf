package fi.tukipiiri.moderation;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import org.springframework.http.HttpStatus;

import fi.tukipiiri.platform.ApiProblem;

/** The refusals of moderation; the same codes reach REST callers and STOMP senders. */
public final class ModerationProblems {

	private ModerationProblems() {
	}

	static final class NotAllowed extends ApiProblem {

		NotAllowed() {
			super(HttpStatus.FORBIDDEN, "moderation.forbidden", "Your role in this room does not allow this.");
		}

	}

	static final class ProtectedMember extends ApiProblem {

		ProtectedMember() {
			super(HttpStatus.FORBIDDEN, "moderation.protected_member",
					"Only an administrator can moderate a facilitator or an administrator of this room.");
		}

	}

	static final class NotYourself extends ApiProblem {

		NotYourself() {
			super(HttpStatus.BAD_REQUEST, "moderation.self", "You cannot do this to yourself.");
		}

	}

	static final class NotInRoom extends ApiProblem {

		NotInRoom() {
			super(HttpStatus.NOT_FOUND, "moderation.not_in_room", "That person is not a member of this room.");
		}

	}

	static final class NoSeries extends ApiProblem {

		NoSeries() {
			super(HttpStatus.BAD_REQUEST, "moderation.no_series", "This room is not part of a series.");
		}

	}

	static final class ReportNotFound extends ApiProblem {

		ReportNotFound() {
			super(HttpStatus.NOT_FOUND, "moderation.report_not_found", "No such open report.");
		}

	}

	static final class InvalidReport extends ApiProblem {

		InvalidReport() {
			super(HttpStatus.BAD_REQUEST, "moderation.invalid_report",
					"A report names exactly one message or one member.");
		}

	}

	static final class EscalationNotFound extends ApiProblem {

		EscalationNotFound() {
			super(HttpStatus.NOT_FOUND, "moderation.escalation_not_found", "No such open escalation.");
		}

	}

	/**
	 * Someone else already handles the escalation; {@code takenBy} is their display name,
	 * null when their account is gone.
	 */
	static final class EscalationTaken extends ApiProblem {

		EscalationTaken(String takenBy) {
			super(HttpStatus.CONFLICT, "moderation.escalation_taken", "Someone else is already handling this.",
					takenBy(takenBy));
		}

		private static Map<String, Object> takenBy(String name) {
			Map<String, Object> properties = new HashMap<>();
			properties.put("takenByName", name);
			return properties;
		}

	}

	static final class NoSubject extends ApiProblem {

		NoSubject() {
			super(HttpStatus.CONFLICT, "moderation.no_subject", "The person this is about is no longer here.");
		}

	}

	/**
	 * No mute or ban in force on the caller with that id: someone else's sanction, one
	 * lifted or ended, and one that never existed answer alike.
	 */
	static final class SanctionNotFound extends ApiProblem {

		SanctionNotFound() {
			super(HttpStatus.NOT_FOUND, "moderation.sanction_not_found", "No such mute or ban in force on you.");
		}

	}

	static final class AppealExists extends ApiProblem {

		AppealExists() {
			super(HttpStatus.CONFLICT, "moderation.appeal_exists", "You have already appealed this.");
		}

	}

	static final class AppealNotFound extends ApiProblem {

		AppealNotFound() {
			super(HttpStatus.NOT_FOUND, "moderation.appeal_not_found", "No such appeal.");
		}

	}

	static final class AppealAlreadyAnswered extends ApiProblem {

		AppealAlreadyAnswered() {
			super(HttpStatus.CONFLICT, "moderation.appeal_answered", "This appeal has already been answered.");
		}

	}

	static final class NoCrisisMessage extends ApiProblem {

		NoCrisisMessage() {
			super(HttpStatus.CONFLICT, "moderation.no_crisis_message", "No crisis message is configured.");
		}

	}

	/** A value outside what a moderation request allows; the code names the field. */
	static final class InvalidValue extends ApiProblem {

		InvalidValue(String code, String detail) {
			super(HttpStatus.BAD_REQUEST, code, detail);
		}

	}

	/**
	 * {@code until}: when a timed mute ends; null for a mute until a facilitator lifts
	 * it.
	 */
	static final class Muted extends ApiProblem {

		Muted(Instant until) {
			super(HttpStatus.FORBIDDEN, "moderation.muted", "A facilitator has muted you in this room.", until(until));
		}

		private static Map<String, Object> until(Instant until) {
			Map<String, Object> properties = new HashMap<>();
			properties.put("until", until == null ? null : until.toString());
			return properties;
		}

	}

	static final class SlowMode extends ApiProblem {

		SlowMode(Duration wait) {
			super(HttpStatus.TOO_MANY_REQUESTS, "moderation.slow_mode",
					"This room is in slow mode: wait a moment before your next message.", retryAfter(wait));
		}

	}

	/** Public: the request filter answers with it too. */
	public static final class RateLimited extends ApiProblem {

		RateLimited(Duration wait) {
			super(HttpStatus.TOO_MANY_REQUESTS, "rate_limited", "Too many requests: please slow down.",
					retryAfter(wait));
		}

		public long retryAfterSeconds() {
			return ((Number) getBody().getProperties().get("retryAfterSeconds")).longValue();
		}

	}

	private static Map<String, Object> retryAfter(Duration wait) {
		Map<String, Object> properties = new HashMap<>();
		properties.put("retryAfterSeconds", Math.max(1, (wait.toMillis() + 999) / 1000));
		return properties;
	}

}
