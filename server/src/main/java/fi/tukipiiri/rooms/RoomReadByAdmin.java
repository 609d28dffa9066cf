package fi.tukipiiri.rooms;

import java.time.Instant;
import java.util.UUID;

/**
 * An administrator who is not a member opened a closed group or a private talk; such
 * reading is audited, with the time it happened ({@code readAt}).
 */
public record RoomReadByAdmin(UUID roomId, UUID adminId, String how, Instant readAt) {
}
