package fi.tukipiiri.series;

import java.util.UUID;

/**
 * On its decision date a series was confirmed, or cancelled for having fewer participants
 * than its minimum.
 */
public record SeriesDecided(UUID seriesId, Series.State outcome) {
}
