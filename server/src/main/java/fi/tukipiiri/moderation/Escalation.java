package fi.tukipiiri.moderation;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import fi.tukipiiri.rooms.RoomKind;

/**
 * A safety signal that found no facilitator present in its room, as the coordinators and
 * administrators on duty see it.
 *
 * @param signal what was raised: a risk flag on a message, a report (of a message or a
 * member, "I am worried about this person" among them), or a request for a private talk
 * @param subjectId the person the signal is about (the writer of the flagged message, the
 * reported person, the one asking); null once their account is erased
 * @param excerpt the flagged or reported message as written; null when there is none, or
 * it has been removed
 * @param excerptSensitive the excerpt's writer marked it as sensitive (a content note):
 * shown on request; false when there is no excerpt
 * @param categories the risk categories of a flag; empty otherwise
 * @param reason the reason of a report; null otherwise
 * @param note the reporter's note; null otherwise
 * @param takenBy who said they are handling it; null while nobody has
 * @param takenByConnected whether that person has the app open now (a live connection);
 * null while nobody has taken it. One who has not may have it taken over.
 */
public record Escalation(UUID id, UUID roomId, String roomTitle, RoomKind roomKind, Signal signal, Instant createdAt,
		UUID subjectId, String subjectName, String excerpt, boolean excerptSensitive, List<String> categories,
		Report.Reason reason, String note, UUID takenBy, String takenByName, Boolean takenByConnected,
		Instant takenAt) {

	Escalation withTakenByConnected(Boolean connected) {
		return new Escalation(id, roomId, roomTitle, roomKind, signal, createdAt, subjectId, subjectName, excerpt,
				excerptSensitive, categories, reason, note, takenBy, takenByName, connected, takenAt);
	}

	/** What kind of signal was escalated. */
	public enum Signal {

		RISK_FLAG, REPORT, TALK_REQUEST

	}
}
