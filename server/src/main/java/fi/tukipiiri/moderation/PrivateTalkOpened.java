package fi.tukipiiri.moderation;

import java.util.UUID;

/**
 * A facilitator opened a private talk (a room of two) with a participant, or reopened the
 * one they already had.
 */
public record PrivateTalkOpened(UUID privateRoomId, UUID participantId, UUID facilitatorId, String facilitatorName) {
}
