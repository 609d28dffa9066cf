package fi.tukipiiri.sessionnotes;

import org.springframework.http.HttpStatus;

import fi.tukipiiri.platform.ApiProblem;

/** The refusals of session notes. */
final class SessionNoteProblems {

	private SessionNoteProblems() {
	}

	/**
	 * A member of the room who is not one of its facilitators nor a facilitator of its
	 * series: participants, peer supporters, and coordinators and administrators too.
	 */
	static final class NotFacilitator extends ApiProblem {

		NotFacilitator() {
			super(HttpStatus.FORBIDDEN, "notes.forbidden",
					"Session notes are only for the facilitators of this room or of its series.");
		}

	}

	static final class NoteNotFound extends ApiProblem {

		NoteNotFound() {
			super(HttpStatus.NOT_FOUND, "notes.not_found", "No such note among this room's notes.");
		}

	}

	static final class NotAuthor extends ApiProblem {

		NotAuthor() {
			super(HttpStatus.FORBIDDEN, "notes.not_author", "Only the person who wrote a note may change it.");
		}

	}

}
