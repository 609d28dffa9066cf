package fi.tukipiiri.moderation;

import java.time.Instant;
import java.util.UUID;

/**
 * One line of the audit log: who did what, in which room, to whom, why, and when.
 *
 * @param reason what the actor wrote as the reason (a moderation reason, an appeal's or
 * an answer's text, a handling note); empty when none or erased
 * @param details the action's details in the shape {@link AuditAction#details()} gives
 */
public record AuditEntry(long id, Instant at, UUID actorId, String actorName, AuditAction action, UUID roomId,
		UUID targetId, String targetName, UUID messageId, String reason, AuditDetails details) {

	AuditEntry withDetails(AuditDetails changed) {
		return new AuditEntry(id, at, actorId, actorName, action, roomId, targetId, targetName, messageId, reason,
				changed);
	}

}
