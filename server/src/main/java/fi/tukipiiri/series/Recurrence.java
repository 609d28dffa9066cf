package fi.tukipiiri.series;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * When a series meets: from {@code firstDate}, every {@code intervalWeeks} weeks on the
 * same weekday, at a local wall-clock time in {@code zone}. A weekly 18:00 stays 18:00
 * across daylight-saving changes, so the UTC instant moves instead. A local time that
 * does not exist on a spring-forward night moves forward by the gap (03:30 becomes 04:30
 * in Helsinki); on an autumn night that repeats an hour, the earlier of the two is used.
 */
public record Recurrence(LocalDate firstDate, int intervalWeeks, LocalTime startTime, Duration length, ZoneId zone) {

	public static final ZoneId HELSINKI = ZoneId.of("Europe/Helsinki");

	public Recurrence {
		if (intervalWeeks < 1 || intervalWeeks > 2) {
			throw new IllegalArgumentException("A series meets weekly or every other week");
		}
		if (length.isNegative() || length.isZero()) {
			throw new IllegalArgumentException("A session needs a positive length");
		}
	}

	/** One planned meeting, numbered from 1, as UTC instants. */
	public record Occurrence(int position, Instant startsAt, Instant endsAt) {
	}

	public List<Occurrence> occurrences(int count) {
		List<Occurrence> occurrences = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			occurrences.add(occurrence(i + 1, firstDate.plusWeeks((long) i * intervalWeeks)));
		}
		return occurrences;
	}

	/**
	 * The meeting on a given date, at this series' local time; for moving or adding a
	 * single session.
	 */
	public Occurrence occurrence(int position, LocalDate date) {
		Instant start = ZonedDateTime.of(date, startTime, zone).toInstant();
		return new Occurrence(position, start, start.plus(length));
	}
}
