package fi.tukipiiri.series;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import fi.tukipiiri.platform.ApiProblem;
import fi.tukipiiri.series.SeriesProblems.SeriesNotFound;

/**
 * A coordinator hands out a code; whoever redeems it applies to that closed series, under
 * the same capacity and waitlist rules as everyone else. A code is shown once and stored
 * only as a hash.
 */
@Service
public class InvitationService {

	private static final int CODE_LENGTH = 12;

	private final Invitations invitations;

	private final PlannedSeries series;

	private final EnrolmentService enrolments;

	private final Clock clock;

	InvitationService(Invitations invitations, PlannedSeries series, EnrolmentService enrolments, Clock clock) {
		this.invitations = invitations;
		this.series = series;
		this.enrolments = enrolments;
		this.clock = clock;
	}

	public record Issued(String code, Instant expiresAt, int maxUses) {
	}

	public static final class InvalidInvitation extends ApiProblem {

		InvalidInvitation() {
			super(HttpStatus.NOT_FOUND, "series.invitation_invalid",
					"This invitation code is not valid, has expired or has been used up.");
		}

	}

	@Transactional
	public Issued issue(UUID seriesId, int maxUses, Duration validFor, UUID coordinator) {
		series.find(seriesId).orElseThrow(SeriesNotFound::new);
		String code = Secrets.code(CODE_LENGTH);
		Instant expires = clock.instant().plus(validFor);
		invitations.insert(seriesId, Secrets.hash(code), coordinator, clock.instant(), expires, maxUses);
		return new Issued(code.substring(0, 4) + "-" + code.substring(4, 8) + "-" + code.substring(8), expires,
				maxUses);
	}

	/**
	 * Applies to the code's series and spends one use of the code, but only when this
	 * made a new application: a person already enrolled or waitlisted gets their place
	 * back and the code keeps its uses, and a refused application (a guest, a series no
	 * longer open) rolls back with nothing spent. Redemptions of one code are taken one
	 * at a time, so two people cannot both get its last use.
	 * @throws InvalidInvitation for an unknown, expired or used-up code
	 */
	@Transactional
	public Enrolment redeem(String code, UUID accountId) {
		Invitations.Usable invitation = invitations.lockUsable(Secrets.hash(code), clock.instant())
			.orElseThrow(InvalidInvitation::new);
		EnrolmentService.Application application = enrolments.apply(invitation.seriesId(), accountId);
		if (application.isNew()) {
			invitations.spendOne(invitation.id());
		}
		return application.enrolment();
	}

}
