package fi.tukipiiri.sessionnotes;

import java.time.Instant;
import java.util.UUID;

import org.springframework.stereotype.Component;

import fi.tukipiiri.accounts.PersonalData;

/**
 * The session notes a facilitator wrote. They are all the writer's own text, so erasure
 * deletes them (their co-facilitators' notes stay).
 */
@Component
class SessionNotesPersonalData implements PersonalData {

	private final Notes notes;

	SessionNotesPersonalData(Notes notes) {
		this.notes = notes;
	}

	/**
	 * @param seriesId the series the note belongs to; {@code null} outside any series
	 * @param sessionId the session whose room it was written in; {@code null} outside any
	 * series
	 */
	record OwnNote(UUID id, UUID roomId, UUID seriesId, UUID sessionId, String body, Instant createdAt,
			Instant editedAt) {
	}

	@Override
	public String part() {
		return "sessionNotes";
	}

	@Override
	public Object exportOf(UUID accountId) {
		return notes.by(accountId)
			.stream()
			.map(note -> new OwnNote(note.id(), note.roomId(), note.seriesId(), note.sessionId(), note.body(),
					note.createdAt(), note.editedAt()))
			.toList();
	}

	@Override
	public void erase(UUID accountId) {
		notes.deleteBy(accountId);
	}

}
