package fi.tukipiiri.moderation;

import java.util.UUID;

/**
 * A report was resolved or dismissed; its reporter (never null here) is told, without how
 * it was handled.
 */
public record ReportClosed(UUID reportId, UUID reporterId, UUID roomId, String roomTitle) {
}
