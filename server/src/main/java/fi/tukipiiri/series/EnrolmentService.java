package fi.tukipiiri.series;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import fi.tukipiiri.accounts.Account;
import fi.tukipiiri.accounts.AccountService;
import fi.tukipiiri.platform.ApiProblem;
import fi.tukipiiri.rooms.RoomKind;
import fi.tukipiiri.series.SeriesProblems.SeriesNotFound;

/**
 * Seats in closed series. Every change locks the series row first, so two requests for
 * the last seat are counted one after the other: exactly one gets it, the other is
 * waitlisted. A withdrawal hands the seat to the first person on the waitlist.
 */
@Service
public class EnrolmentService {

	private final Enrolments enrolments;

	private final PlannedSeries series;

	private final AccountService accounts;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	EnrolmentService(Enrolments enrolments, PlannedSeries series, AccountService accounts,
			ApplicationEventPublisher events, Clock clock) {
		this.enrolments = enrolments;
		this.series = series;
		this.accounts = accounts;
		this.events = events;
		this.clock = clock;
	}

	public static final class NotOpenForEnrolment extends ApiProblem {

		NotOpenForEnrolment(String code, String detail) {
			super(HttpStatus.CONFLICT, code, detail);
		}

	}

	public static final class NotEnrolled extends ApiProblem {

		public NotEnrolled() {
			super(HttpStatus.NOT_FOUND, "series.not_enrolled", "You have not applied to this series.");
		}

	}

	/**
	 * A series' fill, for those planning it: how many seats are taken against its
	 * capacity and minimum.
	 */
	public record Fill(UUID seriesId, int capacity, int minParticipants, LocalDate decisionDate, int enrolled,
			int waitlisted) {
	}

	/**
	 * An application to a series, and whether this request made it (rather than finding
	 * one already in place).
	 */
	record Application(Enrolment enrolment, boolean isNew) {
	}

	/**
	 * Applies for a seat, or a waitlist place when none is free; applying again returns
	 * the place one already has.
	 */
	@Transactional
	public Enrolment enrol(UUID seriesId, UUID accountId) {
		return apply(seriesId, accountId).enrolment();
	}

	@Transactional
	Application apply(UUID seriesId, UUID accountId) {
		Account account = accounts.getActive(accountId);
		if (account.guest()) {
			throw new NotOpenForEnrolment("series.guests_cannot_enrol",
					"A guest pass cannot enrol in a closed group; please register.");
		}
		enrolments.lockSeries(seriesId).orElseThrow(SeriesNotFound::new);
		Series planned = series.find(seriesId).orElseThrow(SeriesNotFound::new);
		if (planned.kind() != RoomKind.CLOSED) {
			throw new NotOpenForEnrolment("series.open_to_all",
					"This series is open to everyone; no enrolment is needed.");
		}
		if (planned.state() != Series.State.PLANNED && planned.state() != Series.State.CONFIRMED) {
			throw new NotOpenForEnrolment("series.not_open_for_enrolment", "This series no longer takes enrolments.");
		}
		Optional<Enrolment> existing = enrolments.find(seriesId, accountId);
		if (existing.isPresent() && existing.get().status() != Enrolment.Status.WITHDRAWN) {
			return new Application(existing.get(), false);
		}
		boolean seatFree = enrolments.fill(seriesId).enrolled() < planned.capacity();
		Enrolment.Status status = seatFree ? Enrolment.Status.ENROLLED : Enrolment.Status.WAITLISTED;
		enrolments.request(seriesId, accountId, status, clock.instant());
		events.publishEvent(new EnrolmentRequested(seriesId, accountId, status));
		return new Application(enrolments.find(seriesId, accountId).orElseThrow(), true);
	}

	@Transactional
	public Optional<Enrolment> withdraw(UUID seriesId, UUID accountId) {
		enrolments.lockSeries(seriesId).orElseThrow(SeriesNotFound::new);
		Optional<Enrolment> existing = enrolments.find(seriesId, accountId);
		if (existing.isEmpty() || existing.get().status() == Enrolment.Status.WITHDRAWN) {
			return existing;
		}
		enrolments.changeStatus(seriesId, accountId, Enrolment.Status.WITHDRAWN, clock.instant());
		if (existing.get().status() == Enrolment.Status.ENROLLED) {
			enrolments.firstWaitlisted(seriesId).ifPresent(next -> {
				enrolments.changeStatus(seriesId, next, Enrolment.Status.ENROLLED, clock.instant());
				events.publishEvent(new WaitlistPromoted(seriesId, next));
			});
		}
		return enrolments.find(seriesId, accountId);
	}

	@Transactional(readOnly = true)
	public Optional<Enrolment> of(UUID seriesId, UUID accountId) {
		return enrolments.find(seriesId, accountId);
	}

	@Transactional(readOnly = true)
	public List<Enrolment> ofAccount(UUID accountId) {
		return enrolments.ofAccount(accountId);
	}

	/** Everyone holding a seat or a waitlist place in the series. */
	@Transactional(readOnly = true)
	public List<Enrolment> applicants(UUID seriesId) {
		return enrolments.applicants(seriesId);
	}

	@Transactional(readOnly = true)
	public Fill fill(UUID seriesId) {
		Series planned = series.find(seriesId).orElseThrow(SeriesNotFound::new);
		Enrolments.Fill fill = enrolments.fill(seriesId);
		return new Fill(seriesId, planned.capacity(), planned.minParticipants(), planned.decisionDate(),
				fill.enrolled(), fill.waitlisted());
	}

}
