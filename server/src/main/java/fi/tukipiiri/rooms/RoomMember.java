package fi.tukipiiri.rooms;

import java.util.UUID;

/**
 * A member as other participants see them: display name and room role, never a username.
 */
public record RoomMember(UUID accountId, String displayName, RoomRole role) {
}
