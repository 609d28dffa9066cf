package fi.tukipiiri.series;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

import fi.tukipiiri.rooms.RoomFormat;

/**
 * What a coordinator decides when planning a series from a template. Optional fields may
 * be null. {@code capacity}, {@code minParticipants} and {@code decisionDate} are needed
 * for a closed group only: an open chat takes no enrolments, so they do not apply to it.
 * {@code format} left out is the template's.
 */
public record SeriesPlan(UUID templateId, String title, String audienceNote, LocalDate firstDate, int intervalWeeks,
		LocalTime startTime, Integer lengthMinutes, String zone, Integer capacity, Integer minParticipants,
		LocalDate decisionDate, Integer ageMin, Integer ageMax, List<UUID> facilitatorIds, List<UUID> peerSupporterIds,
		RoomFormat format) {
}
