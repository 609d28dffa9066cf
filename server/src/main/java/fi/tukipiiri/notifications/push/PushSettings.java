package fi.tukipiiri.notifications.push;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Web Push settings.
 *
 * @param vapidPublicKey the application server's P-256 public key (RFC 8292), the 65-byte
 * uncompressed point in base64url ({@code TUKIPIIRI_PUSH_VAPID_PUBLIC_KEY}); browsers
 * receive it as {@code applicationServerKey}
 * @param vapidPrivateKey its private key, the 32-byte scalar in base64url
 * ({@code TUKIPIIRI_PUSH_VAPID_PRIVATE_KEY})
 * @param vapidSubject the contact the push services may use (RFC 8292 section 2.1): a
 * {@code mailto:} or {@code https:} URL
 * @param generateKeys with neither key configured: {@code true} generates a key pair at
 * start, valid for this node's life only (development); {@code false} (production) runs
 * with push off
 * @param allowedHosts the push services the server will POST to: host names, or
 * {@code *.domain} for any host under a domain; a subscription elsewhere is refused
 * @param plainHttpHosts hosts (among the allowed) that may be reached over plain
 * {@code http:}, for a push service run locally in tests; none by default
 * @param maxDevicesPerAccount most subscriptions (devices) one account may hold; one more
 * is refused until the person removes one
 * @param ttl how long a push service keeps an undelivered message for an offline device
 * (RFC 8030 section 5.2, the {@code TTL} header, whole seconds)
 * @param connectTimeout longest wait for a connection to a push service
 * @param requestTimeout longest wait for a push service's answer to one message
 */
@ConfigurationProperties("tukipiiri.push")
record PushSettings(String vapidPublicKey, String vapidPrivateKey, String vapidSubject,
		@DefaultValue("true") boolean generateKeys, @DefaultValue( {
				"fcm.googleapis.com", "updates.push.services.mozilla.com", "*.notify.windows.com",
				"*.push.apple.com" }) List<String> allowedHosts,
		@DefaultValue List<String> plainHttpHosts, @DefaultValue("10") int maxDevicesPerAccount,
		@DefaultValue("1d") Duration ttl, @DefaultValue("5s") Duration connectTimeout,
		@DefaultValue("10s") Duration requestTimeout){

	PushSettings {
		allowedHosts = List.copyOf(allowedHosts);
		plainHttpHosts = List.copyOf(plainHttpHosts);
		if (maxDevicesPerAccount < 1) {
			throw new IllegalArgumentException("tukipiiri.push.max-devices-per-account must be at least 1");
		}
		if (ttl.isNegative() || connectTimeout.isNegative() || connectTimeout.isZero() || requestTimeout.isNegative()
				|| requestTimeout.isZero()) {
			throw new IllegalArgumentException("tukipiiri.push ttl and timeouts must be positive");
		}
	}

}
