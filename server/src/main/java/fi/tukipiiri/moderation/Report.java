package fi.tukipiiri.moderation;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import fi.tukipiiri.rooms.ChatMessage;

/**
 * A report of a message or a member, with the conversation around the message for the
 * reviewer. The reporter is shown to reviewers by nickname only.
 */
public record Report(UUID id, UUID roomId, String roomTitle, UUID reporterId, String reporterName, UUID messageId,
		UUID targetId, String targetName, Reason reason, String note, Instant createdAt, Status status,
		List<ChatMessage> context) {

	public enum Reason {

		HARASSMENT, THREAT, HATE, SPAM, PRIVACY, WORRY, OTHER

	}

	public enum Status {

		OPEN, RESOLVED, DISMISSED

	}

	Report withContext(List<ChatMessage> messages) {
		return new Report(id, roomId, roomTitle, reporterId, reporterName, messageId, targetId, targetName, reason,
				note, createdAt, status, messages);
	}
}
