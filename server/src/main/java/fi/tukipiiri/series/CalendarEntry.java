package fi.tukipiiri.series;

import java.util.List;
import java.util.UUID;

import fi.tukipiiri.rooms.RoomFormat;
import fi.tukipiiri.rooms.RoomKind;

/**
 * A series as the public calendar (vuosikello) shows it: what, for whom, when and how
 * many seats are left; nothing about who takes part. {@code seatsLeft} is null for open
 * chats, which have no seats. {@code format} tells a parent whether the sessions are
 * discussions or information sessions they follow and put questions to.
 */
public record CalendarEntry(UUID seriesId, String title, String audienceNote, RoomKind kind, Series.State state,
		Integer ageMin, Integer ageMax, Integer seatsLeft, List<Series.Session> sessions, RoomFormat format) {
}
