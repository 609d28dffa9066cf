package fi.tukipiiri.notifications;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A notice to one person. The client turns {@code kind} and {@code params} into text in
 * the reader's language, so notices are translatable like everything else.
 */
public record Notification(UUID id, String kind, UUID subjectId, Map<String, String> params, Instant createdAt,
		Instant readAt) {

	public Notification {
		params = Map.copyOf(params);
	}
}
