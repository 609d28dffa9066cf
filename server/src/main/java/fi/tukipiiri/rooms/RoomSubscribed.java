package fi.tukipiiri.rooms;

import java.util.UUID;

/** A member's STOMP session began following a room's message topic on this node. */
public record RoomSubscribed(UUID roomId, UUID accountId, String sessionId, String subscriptionId) {
}
