package fi.tukipiiri.series;

import java.util.UUID;

/**
 * A session starts within the reminder time; its participants and staff should be
 * reminded, once.
 */
public record SessionReminderDue(UUID seriesId, UUID sessionId) {
}
