package fi.tukipiiri.series;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import fi.tukipiiri.rooms.RoomFormat;
import fi.tukipiiri.rooms.RoomKind;

/**
 * A planned run of a programme: when it meets, who leads it, how many it takes and by
 * when it must have enough participants to go ahead, and whether its sessions are
 * discussions or information sessions ({@code format}, the format of each session's
 * room).
 */
public record Series(UUID id, UUID templateId, String title, String audienceNote, RoomKind kind, Recurrence recurrence,
		int capacity, int minParticipants, LocalDate decisionDate, Integer ageMin, Integer ageMax, State state,
		List<Staff> staff, List<Session> sessions, Instant createdAt, RoomFormat format) {

	public Series {
		staff = List.copyOf(staff);
		sessions = List.copyOf(sessions);
	}

	public enum State {

		PLANNED, CONFIRMED, CANCELLED, COMPLETED

	}

	public enum StaffRole {

		FACILITATOR, PEER_SUPPORTER

	}

	/** A facilitator or peer supporter of the series, by display name. */
	public record Staff(UUID accountId, String displayName, StaffRole role) {
	}

	/** One meeting of the series. */
	public record Session(UUID id, int position, LocalizedText theme, Instant startsAt, Instant endsAt,
			SessionState state, UUID roomId) {
	}

	public enum SessionState {

		SCHEDULED, LOBBY, LIVE, ENDED, CANCELLED

	}
}
