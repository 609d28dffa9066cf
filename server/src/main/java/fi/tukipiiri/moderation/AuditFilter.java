package fi.tukipiiri.moderation;

import java.time.Instant;
import java.util.UUID;

/**
 * Which audit lines to read; null fields do not filter. Newest first, {@code beforeId}
 * pages back.
 */
public record AuditFilter(UUID roomId, UUID actorId, UUID targetId, AuditAction action, Instant from, Instant to,
		Long beforeId, int limit) {
}
