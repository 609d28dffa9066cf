package fi.tukipiiri.rooms;

import java.util.UUID;

/**
 * An administrator who is not a member opened a closed group or a private talk; such
 * reading is audited.
 */
public record RoomReadByAdmin(UUID roomId, UUID adminId, String how) {
}
