package fi.tukipiiri.rooms;

import java.time.Instant;
import java.util.UUID;

/**
 * A coordinator or an administrator appointed someone to a room or took them out of it;
 * staffing decides who a safety signal reaches, so it is audited.
 *
 * @param role the role given; null when the person was taken out of the room
 */
public record RoomStaffChanged(UUID roomId, UUID accountId, RoomRole role, UUID changedBy, Instant changedAt) {
}
