package fi.tukipiiri.moderation;

import java.time.Instant;
import java.util.UUID;

/**
 * A mute or a ban in force; {@code endsAt} null means until lifted, {@code seriesId} set
 * means series-wide.
 */
public record Sanction(UUID id, Kind kind, UUID roomId, UUID seriesId, UUID accountId, String displayName,
		String reason, UUID imposedBy, Instant imposedAt, Instant endsAt) {

	public enum Kind {

		MUTE, BAN

	}
}
