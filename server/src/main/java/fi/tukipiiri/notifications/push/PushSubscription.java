package fi.tukipiiri.notifications.push;

import java.time.Instant;
import java.util.UUID;

/**
 * A browser's Web Push subscription for one account.
 *
 * @param endpoint the push service's URL for this browser (RFC 8030 section 4), a
 * capability: whoever has it and the keys can message the browser
 * @param p256dh the browser's P-256 public key, 65 bytes uncompressed, base64url (RFC
 * 8291 section 3.1)
 * @param auth the browser's 16-byte authentication secret, base64url (RFC 8291 section
 * 3.2)
 * @param deviceLabel coarse browser and platform, e.g. {@code "Chrome, Android"}; empty
 * when not recognised
 * @param lastDeliveredAt when a push service last accepted a message for it; null before
 */
record PushSubscription(UUID id, UUID accountId, String endpoint, String p256dh, String auth, String deviceLabel,
		Instant createdAt, Instant lastDeliveredAt) {
}
