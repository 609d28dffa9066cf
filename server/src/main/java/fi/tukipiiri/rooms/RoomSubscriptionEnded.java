package fi.tukipiiri.rooms;

/** A STOMP session on this node ended one of its subscriptions (UNSUBSCRIBE), in the order it sent its frames. */
public record RoomSubscriptionEnded(String sessionId, String subscriptionId) {
}
