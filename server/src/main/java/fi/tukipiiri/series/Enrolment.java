package fi.tukipiiri.series;

import java.time.Instant;
import java.util.UUID;

/**
 * One person's place in a closed series. {@code waitlistPosition} counts from 1 while
 * waitlisted, else is null.
 */
public record Enrolment(UUID seriesId, UUID accountId, Status status, Integer waitlistPosition, Instant requestedAt) {

	public enum Status {

		ENROLLED, WAITLISTED, WITHDRAWN

	}
}
