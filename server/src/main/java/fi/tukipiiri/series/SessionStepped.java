package fi.tukipiiri.series;

import java.util.UUID;

/**
 * A session moved on in its lifecycle (lobby open, live, ended); {@code roomId} is its
 * chat room.
 */
public record SessionStepped(UUID sessionId, UUID seriesId, Series.SessionState state, UUID roomId) {
}
