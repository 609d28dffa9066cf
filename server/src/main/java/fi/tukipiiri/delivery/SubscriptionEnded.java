package fi.tukipiiri.delivery;

/**
 * A STOMP subscription on this node ended: the client sent {@code UNSUBSCRIBE} (published
 * in the session's frame order) or the server ended it ({@link AccessWithdrawn}).
 */
public record SubscriptionEnded(String sessionId, String subscriptionId) {
}
