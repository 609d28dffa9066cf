package fi.tukipiiri.moderation;

import java.time.Instant;
import java.util.UUID;

/**
 * A mute or a ban in force on oneself, as one reads it (never who imposed it), with
 * whether one has appealed it.
 *
 * @param roomId the room where it was imposed
 * @param seriesId set for a ban from the whole series
 * @param reason the reason given, {@code ""} for none
 * @param endsAt null: until lifted
 * @param appealId one's appeal of it; null when not appealed
 */
public record OwnSanction(UUID id, Sanction.Kind kind, UUID roomId, String roomTitle, UUID seriesId, String reason,
		Instant imposedAt, Instant endsAt, boolean appealed, UUID appealId) {
}
