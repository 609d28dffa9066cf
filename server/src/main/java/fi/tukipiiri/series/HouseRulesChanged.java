package fi.tukipiiri.series;

import java.time.Instant;
import java.util.UUID;

/**
 * A series' or a room's own house rules were saved, or removed so that its template's
 * apply again; members are asked to accept the rules anew.
 *
 * @param seriesId the series whose rules changed; null for a room's
 * @param roomId the room whose rules changed; null for a series'
 * @param removed whether they were removed rather than saved
 */
public record HouseRulesChanged(UUID seriesId, UUID roomId, UUID changedBy, Instant changedAt, boolean removed) {
}
