package fi.tukipiiri.workbook;

import java.util.Map;

import org.springframework.http.HttpStatus;

import fi.tukipiiri.platform.ApiProblem;

/** The refusals of the workbook. */
final class WorkbookProblems {

	private WorkbookProblems() {
	}

	/** The caller has no answer of their own for that session. */
	static final class AnswerNotFound extends ApiProblem {

		AnswerNotFound() {
			super(HttpStatus.NOT_FOUND, "workbook.not_found", "There is no answer of yours for that session.");
		}

	}

	/** The series does not exist or has no session at that place. */
	static final class SessionNotFound extends ApiProblem {

		SessionNotFound() {
			super(HttpStatus.NOT_FOUND, "workbook.session_not_found", "No such session in that series.");
		}

	}

	/** The session's room has not opened, so its exercise is not given yet. */
	static final class SessionNotOpen extends ApiProblem {

		SessionNotOpen() {
			super(HttpStatus.CONFLICT, "workbook.session_not_open",
					"The session's room has not opened yet; its exercise is given when it does.");
		}

	}

	/**
	 * The node has as many chat messages waiting to be stored as it takes; nothing was
	 * shared. The same code a chat message meets over STOMP.
	 */
	static final class Busy extends ApiProblem {

		Busy() {
			super(HttpStatus.SERVICE_UNAVAILABLE, "server.busy",
					"The service is busy. Share the answer again in a moment.", Map.of("retryAfterSeconds", 1));
		}

	}

}
