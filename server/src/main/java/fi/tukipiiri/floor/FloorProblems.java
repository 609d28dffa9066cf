package fi.tukipiiri.floor;

import org.springframework.http.HttpStatus;

import fi.tukipiiri.platform.ApiProblem;

/** The refusals of the floor. */
public final class FloorProblems {

	private FloorProblems() {
	}

	/** Giving the turn to a person whose hand is not up in the room. */
	public static final class HandNotRaised extends ApiProblem {

		HandNotRaised() {
			super(HttpStatus.NOT_FOUND, "floor.hand_not_raised", "That person has no hand raised in this room.");
		}

	}

	/**
	 * Giving turns or clearing the queue without leading the room: the same code as the
	 * room's other facilitator powers.
	 */
	public static final class NotFacilitator extends ApiProblem {

		NotFacilitator() {
			super(HttpStatus.FORBIDDEN, "moderation.forbidden", "Your role in this room does not allow this.");
		}

	}

}
