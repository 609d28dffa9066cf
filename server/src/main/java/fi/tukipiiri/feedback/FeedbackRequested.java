package fi.tukipiiri.feedback;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A session ended and everyone who attended it, {@code attendees}, is asked for feedback.
 *
 * @param about what the request names: {@code sessionId}, {@code seriesId},
 * {@code seriesTitle}, {@code themeFi}, {@code themeSv} (may be empty), {@code themeEn}
 */
public record FeedbackRequested(UUID sessionId, List<UUID> attendees, Map<String, String> about) {

	public FeedbackRequested {
		attendees = List.copyOf(attendees);
		about = Map.copyOf(about);
	}
}
