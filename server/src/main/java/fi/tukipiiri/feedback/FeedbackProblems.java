package fi.tukipiiri.feedback;

import org.springframework.http.HttpStatus;

import fi.tukipiiri.platform.ApiProblem;

final class FeedbackProblems {

	private FeedbackProblems() {
	}

	static final class NotAttended extends ApiProblem {

		NotAttended() {
			super(HttpStatus.FORBIDDEN, "feedback.not_attended",
					"Feedback and self-assessments are for those who attended.");
		}

	}

	static final class SessionStaff extends ApiProblem {

		SessionStaff() {
			super(HttpStatus.FORBIDDEN, "feedback.session_staff",
					"Feedback and self-assessments are the parents' own: the session's facilitators, peer supporters "
							+ "and those who looked in as coordinators or administrators do not answer them.");
		}

	}

	static final class NotOpen extends ApiProblem {

		NotOpen() {
			super(HttpStatus.CONFLICT, "feedback.not_open",
					"This form is not open: the session has not ended or the time to answer is over.");
		}

	}

	static final class InvalidAnswer extends ApiProblem {

		InvalidAnswer(String detail) {
			super(HttpStatus.BAD_REQUEST, "feedback.invalid_answer", detail);
		}

	}

	static final class NotYourSeries extends ApiProblem {

		NotYourSeries() {
			super(HttpStatus.FORBIDDEN, "feedback.forbidden",
					"Reports are for coordinators and the series' facilitators.");
		}

	}

}
