package fi.tukipiiri.sessionnotes;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.stereotype.Component;

import fi.tukipiiri.platform.RetentionRule;
import fi.tukipiiri.series.SessionRooms;

/**
 * Deletes session notes once their work is done. A series' notes are kept, all of them,
 * until its last session has been over for the retention time: they exist to hand the
 * group on from one meeting to the next, so none may go while the group still meets, and
 * they go together, so no later reader finds a hand-over with its beginning missing. A
 * room outside any series has no known end (an open chat may run for years), so its notes
 * count from when they were last written.
 */
@Component
class SessionNoteRetention implements RetentionRule {

	/**
	 * @param sessionNotes how long notes are kept after their series' last session ends
	 * (outside a series: after the note was last written)
	 */
	@ConfigurationProperties("tukipiiri.retention")
	record Settings(@DefaultValue("365d") Duration sessionNotes) {
	}

	private final Notes notes;

	private final SessionRooms sessionRooms;

	private final Settings settings;

	SessionNoteRetention(Notes notes, SessionRooms sessionRooms, Settings settings) {
		this.notes = notes;
		this.sessionRooms = sessionRooms;
		this.settings = settings;
	}

	@Override
	public String name() {
		return "session-notes";
	}

	@Override
	public int purge(Instant now) {
		Instant before = now.minus(settings.sessionNotes());
		List<UUID> over = sessionRooms.lastSessionEnds(notes.seriesWithNotes())
			.entrySet()
			.stream()
			.filter(series -> series.getValue().isBefore(before))
			.map(Map.Entry::getKey)
			.toList();
		return notes.deleteOfSeries(over) + notes.deleteOutsideSeriesWrittenBefore(before);
	}

}
