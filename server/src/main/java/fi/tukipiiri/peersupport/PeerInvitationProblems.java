package fi.tukipiiri.peersupport;

import org.springframework.http.HttpStatus;

import fi.tukipiiri.platform.ApiProblem;

/** The refusals of peer-supporter invitations, each a named fact with its stable code. */
public final class PeerInvitationProblems {

	private PeerInvitationProblems() {
	}

	/** Invitations are made only once the series' last session has ended. */
	public static final class SeriesNotCompleted extends ApiProblem {

		SeriesNotCompleted() {
			super(HttpStatus.CONFLICT, "peer_invitations.series_not_completed",
					"Participants are invited once their series is completed.");
		}

	}

	/** The person was not enrolled in the series as a participant (or was its staff). */
	public static final class NotParticipant extends ApiProblem {

		NotParticipant() {
			super(HttpStatus.CONFLICT, "peer_invitations.not_participant",
					"Only the series' enrolled participants can be invited.");
		}

	}

	public static final class GuestNotInvitable extends ApiProblem {

		GuestNotInvitable() {
			super(HttpStatus.CONFLICT, "peer_invitations.guest",
					"A guest pass cannot be invited; the person needs a registered account.");
		}

	}

	/** The person is a peer supporter already, or staff in another role. */
	public static final class AlreadyHasRole extends ApiProblem {

		AlreadyHasRole() {
			super(HttpStatus.CONFLICT, "peer_invitations.already_has_role",
					"This person is already a peer supporter or staff.");
		}

	}

	/** A person has at most one open invitation. */
	public static final class AlreadyInvited extends ApiProblem {

		AlreadyInvited() {
			super(HttpStatus.CONFLICT, "peer_invitations.already_invited",
					"This person already has an open invitation.");
		}

	}

	public static final class InvitationNotFound extends ApiProblem {

		InvitationNotFound() {
			super(HttpStatus.NOT_FOUND, "peer_invitations.not_found", "No such invitation.");
		}

	}

	/** Someone else's invitation: only the person invited accepts or declines it. */
	public static final class NotYours extends ApiProblem {

		NotYours() {
			super(HttpStatus.FORBIDDEN, "peer_invitations.not_yours", "This invitation is for someone else.");
		}

	}

	public static final class Expired extends ApiProblem {

		Expired() {
			super(HttpStatus.CONFLICT, "peer_invitations.expired", "This invitation has expired.");
		}

	}

	/**
	 * Already accepted, declined or withdrawn, and so no longer to be answered otherwise.
	 */
	public static final class Closed extends ApiProblem {

		Closed() {
			super(HttpStatus.CONFLICT, "peer_invitations.closed",
					"This invitation has already been answered or withdrawn.");
		}

	}

}
