package fi.tukipiiri.series.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
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

/** The public calendar (vuosikello): no sign-in, and nothing in it about who takes part. */
@RestController
class CalendarController {

	private static final Duration LONGEST_RANGE = Duration.ofDays(400);
	private static final MediaType TEXT_CALENDAR = MediaType.parseMediaType("text/calendar;charset=UTF-8");

	private final CalendarService calendar;
	private final Clock clock;

	CalendarController(CalendarService calendar, Clock clock) {
		this.calendar = calendar;
		this.clock = clock;
	}

	static final class RangeTooLong extends ApiProblem {
		RangeTooLong() {
			super(HttpStatus.BAD_REQUEST, "calendar.range_invalid", "The range must run forward and span at most 400 days.");
		}
	}

	/** {@code from} and {@code to} are dates in Finland's time; by default the coming year. */
	@GetMapping("/api/calendar")
	List<CalendarEntry> between(@RequestParam(required = false) LocalDate from, @RequestParam(required = false) LocalDate to) {
		LocalDate start = from != null ? from : LocalDate.now(clock.withZone(Recurrence.HELSINKI));
		LocalDate end = to != null ? to : start.plusYears(1);
		Instant fromInstant = start.atStartOfDay(Recurrence.HELSINKI).toInstant();
		Instant toInstant = end.plusDays(1).atStartOfDay(Recurrence.HELSINKI).toInstant();
		if (!toInstant.isAfter(fromInstant) || Duration.between(fromInstant, toInstant).compareTo(LONGEST_RANGE) > 0) {
			throw new RangeTooLong();
		}
		return calendar.between(fromInstant, toInstant, 200);
	}

	/** One series as the public calendar shows it, for a page that visitors reach by a link. */
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
