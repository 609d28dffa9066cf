package fi.tukipiiri.series;

import java.util.UUID;

/** Someone applied to a closed series and got a seat or a place on the waitlist. */
public record EnrolmentRequested(UUID seriesId, UUID accountId, Enrolment.Status status) {
}
