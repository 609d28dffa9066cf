package fi.tukipiiri.series;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import fi.tukipiiri.rooms.RoomKind;

/**
 * One line of the coordinators' list of series: when it runs and how full it is against
 * its capacity and minimum. {@code firstStartsAt} and {@code lastEndsAt} are null for a
 * series without sessions.
 */
public record SeriesOverview(UUID id, String title, RoomKind kind, Series.State state, Instant firstStartsAt,
		Instant lastEndsAt, int sessions, int capacity, int minParticipants, LocalDate decisionDate, int enrolled,
		int waitlisted) {
}
