package fi.tukipiiri.moderation;

import java.time.Instant;
import java.util.UUID;

/** One line of the audit log: who did what, in which room, to whom, why, and when. */
public record AuditEntry(long id, Instant at, UUID actorId, String actorName, String action, UUID roomId, UUID targetId,
		String targetName, UUID messageId, String reason, String details) {
}
