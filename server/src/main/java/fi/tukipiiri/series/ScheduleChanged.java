package fi.tukipiiri.series;

import java.time.Instant;
import java.util.UUID;

/**
 * A session of a series was moved, cancelled or added (committed with the change).
 *
 * @param changeId this change, so a notice about it is stored once
 * @param previousStartsAt where a moved session was before; null for the other changes
 */
public record ScheduleChanged(UUID changeId, UUID seriesId, UUID sessionId, Change change, Instant previousStartsAt) {

	public enum Change {

		MOVED, CANCELLED, ADDED

	}
}
