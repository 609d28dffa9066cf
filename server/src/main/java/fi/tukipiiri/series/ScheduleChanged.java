package fi.tukipiiri.series;

import java.util.UUID;

/**
 * A coordinator moved, cancelled or added a single session; everyone in the series must
 * hear of it, once per change.
 */
public record ScheduleChanged(UUID changeId, UUID seriesId, UUID sessionId, Change change) {

	public enum Change {

		MOVED, CANCELLED, ADDED

	}
}
