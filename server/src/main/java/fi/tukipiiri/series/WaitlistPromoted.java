package fi.tukipiiri.series;

import java.util.UUID;

/** Someone withdrew and the first person on the waitlist got the seat. */
public record WaitlistPromoted(UUID seriesId, UUID accountId) {
}
