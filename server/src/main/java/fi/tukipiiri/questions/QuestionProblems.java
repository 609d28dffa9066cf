package fi.tukipiiri.questions;

import org.springframework.http.HttpStatus;

import fi.tukipiiri.platform.ApiProblem;

/** The refusals of an information session's questions. */
final class QuestionProblems {

	private QuestionProblems() {
	}

	/** Asking in a room that is a discussion, where everyone writes. */
	static final class NotInfoSession extends ApiProblem {

		NotInfoSession() {
			super(HttpStatus.CONFLICT, "questions.not_info_session",
					"Questions are asked in information sessions; in a discussion, write a message.");
		}

	}

	/** A staff member asking their own room's staff: they write in the stream instead. */
	static final class ParticipantsOnly extends ApiProblem {

		ParticipantsOnly() {
			super(HttpStatus.FORBIDDEN, "questions.participants_only",
					"Only participants ask questions; the hosts write in the stream.");
		}

	}

	/**
	 * No such question in the room; to an asker, also another person's question, so its
	 * existence is not revealed.
	 */
	static final class QuestionNotFound extends ApiProblem {

		QuestionNotFound() {
			super(HttpStatus.NOT_FOUND, "questions.not_found", "No such question in this room.");
		}

	}

	/**
	 * Publishing, answering or setting aside a question that was answered or set aside
	 * already, or publishing it twice; withdrawing one the staff have taken up.
	 */
	static final class AlreadyHandled extends ApiProblem {

		AlreadyHandled() {
			super(HttpStatus.CONFLICT, "questions.already_handled", "This question has already been handled.");
		}

	}

	/** A person with as many questions waiting in the queue as one may have. */
	static final class TooManyWaiting extends ApiProblem {

		TooManyWaiting(int most) {
			super(HttpStatus.CONFLICT, "questions.too_many_waiting",
					"You have " + most + " questions waiting already. Wait until the hosts take one up.");
		}

	}

}
