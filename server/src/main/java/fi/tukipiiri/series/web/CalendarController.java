package fi.tukipiiri.series.web;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.Size;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import fi.tukipiiri.platform.ApiProblem;
import fi.tukipiiri.series.CalendarEntry;
import fi.tukipiiri.series.CalendarService;
import fi.tukipiiri.series.Recurrence;

/**
 * The public calendar (vuosikello): no sign-in, and nothing in it about who takes part.
 */
@RestController
class CalendarController {

	/** The most days a range covers, {@code from} and {@code to} included. */
	private static final long LONGEST_RANGE_DAYS = 400;

	/** The most series one answer lists. */
	private static final int MOST_SERIES = 200;

	private static final MediaType TEXT_CALENDAR = MediaType.parseMediaType("text/calendar;charset=UTF-8");

	private final CalendarService calendar;

	private final Clock clock;

	CalendarController(CalendarService calendar, Clock clock) {
		this.calendar = calendar;
		this.clock = clock;
	}

	static final class RangeTooLong extends ApiProblem {

		RangeTooLong() {
			super(HttpStatus.BAD_REQUEST, "calendar.range_invalid",
					"The range must run forward and cover at most " + LONGEST_RANGE_DAYS + " days.");
		}

	}

	/**
	 * The series (not cancelled) with at least one session starting from 00:00 of
	 * {@code from} up to, not including, 00:00 of the day after {@code to}, both in
	 * Helsinki time; each with all its sessions, soonest first by their first session in
	 * the range, at most {@value #MOST_SERIES}. {@code from} defaults to today in
	 * Helsinki, {@code to} to the same date a year after {@code from}.
	 * @throws RangeTooLong {@code calendar.range_invalid} (400) when {@code to} is before
	 * {@code from} or the range covers more than {@value #LONGEST_RANGE_DAYS} days, both
	 * ends counted
	 */
	@GetMapping("/api/calendar")
	List<CalendarEntry> between(@RequestParam(required = false) LocalDate from,
			@RequestParam(required = false) LocalDate to) {
		LocalDate start = from != null ? from : LocalDate.now(clock.withZone(Recurrence.HELSINKI));
		LocalDate end = to != null ? to : start.plusYears(1);
		// counted in days, so a change to or from summer time inside the range does not
		// move the limit by an hour
		if (end.isBefore(start) || ChronoUnit.DAYS.between(start, end) + 1 > LONGEST_RANGE_DAYS) {
			throw new RangeTooLong();
		}
		Instant fromInstant = start.atStartOfDay(Recurrence.HELSINKI).toInstant();
		Instant toInstant = end.plusDays(1).atStartOfDay(Recurrence.HELSINKI).toInstant();
		return calendar.between(fromInstant, toInstant, MOST_SERIES);
	}

	/**
	 * One series as the public calendar shows it, for a page that visitors reach by a
	 * link.
	 */
	@GetMapping("/api/calendar/series/{id}")
	CalendarEntry one(@PathVariable UUID id) {
		return calendar.entry(id);
	}

	@GetMapping("/api/calendar/series/{id}.ics")
	ResponseEntity<byte[]> ics(@PathVariable UUID id) {
		return icsResponse("tukipiiri-" + id + ".ics", calendar.ics(id));
	}

	/** The secret address itself is the credential: calendar apps cannot sign in. */
	@GetMapping("/api/calendar/personal/{token}.ics")
	ResponseEntity<byte[]> personal(@PathVariable @Size(max = 64) String token) {
		return icsResponse("tukipiiri.ics", calendar.personalIcs(token));
	}

	private static ResponseEntity<byte[]> icsResponse(String filename, byte[] body) {
		return ResponseEntity.ok()
			.contentType(TEXT_CALENDAR)
			.header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"" + filename + "\"")
			.header(HttpHeaders.CACHE_CONTROL, "private, max-age=300")
			.body(body);
	}

}
