package fi.tukipiiri.rooms;

import java.time.Instant;
import java.util.UUID;

/**
 * A coordinator or an administrator appointed someone to a room (staff or a participant)
 * or took them out of it; staffing decides who a safety signal reaches, so it is audited.
 *
 * @param role the role given; null when the person was taken out of the room
 * @param previousRole the role held before; null when the person was not a member
 */
public record RoomStaffChanged(UUID roomId, UUID accountId, RoomRole role, RoomRole previousRole, UUID changedBy,
		Instant changedAt) {
}
