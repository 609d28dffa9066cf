package fi.tukipiiri.series;

import java.util.List;
import java.util.UUID;

import fi.tukipiiri.rooms.RoomFormat;
import fi.tukipiiri.rooms.RoomKind;

/**
 * An ordered list of session themes a series can be planned from, e.g. the nine meetings
 * of "Minä, tunteet ja taidot". {@code version} grows with every edit, so an editor
 * working from an older copy is told instead of overwriting. {@code format} is the room
 * format a series planned from it takes unless its coordinator chooses another.
 */
public record ProgrammeTemplate(UUID id, String code, RoomKind kind, int defaultLengthMinutes, LocalizedText title,
		LocalizedText description, List<Theme> sessions, int version, RoomFormat format) {

	public ProgrammeTemplate {
		sessions = List.copyOf(sessions);
	}

	/** One session's theme, at its place in the programme (from 1). */
	public record Theme(int position, LocalizedText title, LocalizedText description) {
	}
}
