package fi.tukipiiri.rooms;

import java.time.Instant;
import java.util.UUID;

public record Room(UUID id, String title, String theme, RoomKind kind, RoomState state, Instant createdAt, long lastSeq) {
}
