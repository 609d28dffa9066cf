package fi.tukipiiri.notifications.push;

import java.net.URI;
import java.util.Base64;
import java.util.Optional;

import com.interaso.webpush.VapidKeys;
import com.interaso.webpush.WebPush;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * The application server's VAPID identity (RFC 8292): a P-256 key pair and a contact
 * subject. Configured keys are used as given; a half-configured pair, keys that do not
 * belong together or a subject that is not a {@code mailto:} or {@code https:} URL stop
 * the start. With no keys configured, a pair is generated for this node's life when
 * {@code tukipiiri.push.generate-keys} is on (development: only the public key is logged,
 * never the private one), otherwise push is off.
 */
@Component
class ApplicationServerKeys {

	private static final Logger log = LoggerFactory.getLogger(ApplicationServerKeys.class);

	/**
	 * Subject of a generated development pair: a reserved name (RFC 2606), no real
	 * contact.
	 */
	static final String DEVELOPMENT_SUBJECT = "mailto:push@tukipiiri.invalid";

	private final WebPush webPush;

	ApplicationServerKeys(PushSettings settings) {
		this.webPush = create(settings);
	}

	/** The request builder signing with these keys; empty when push is off. */
	Optional<WebPush> webPush() {
		return Optional.ofNullable(webPush);
	}

	/**
	 * The public key as browsers take it ({@code applicationServerKey}): the 65-byte
	 * uncompressed point, base64url without padding; empty when push is off.
	 */
	Optional<String> publicKey() {
		return webPush().map(push -> base64url(push.getVapidKeys().getApplicationServerKey()));
	}

	private static WebPush create(PushSettings settings) {
		boolean hasPublic = StringUtils.hasText(settings.vapidPublicKey());
		boolean hasPrivate = StringUtils.hasText(settings.vapidPrivateKey());
		if (hasPublic != hasPrivate) {
			throw new IllegalStateException(
					"tukipiiri.push: set both vapid-public-key and vapid-private-key, or neither");
		}
		if (!hasPublic) {
			if (!settings.generateKeys()) {
				log.warn("Web Push is off: no VAPID keys configured (TUKIPIIRI_PUSH_VAPID_PUBLIC_KEY, "
						+ "TUKIPIIRI_PUSH_VAPID_PRIVATE_KEY)");
				return null;
			}
			VapidKeys generated = VapidKeys.generate();
			String subject = StringUtils.hasText(settings.vapidSubject()) ? settings.vapidSubject()
					: DEVELOPMENT_SUBJECT;
			log.info("Web Push: generated a VAPID key pair for this node's life only (public key {}); devices "
					+ "subscribed now stop receiving after a restart. Configure TUKIPIIRI_PUSH_VAPID_* to keep them",
					base64url(generated.getApplicationServerKey()));
			return new WebPush(validSubject(subject), generated);
		}
		if (!StringUtils.hasText(settings.vapidSubject())) {
			throw new IllegalStateException(
					"tukipiiri.push.vapid-subject is required with VAPID keys: a mailto: or https: URL (RFC 8292)");
		}
		VapidKeys keys;
		try {
			keys = VapidKeys.fromUncompressedBytes(settings.vapidPublicKey().trim(), settings.vapidPrivateKey().trim());
		}
		catch (RuntimeException ex) {
			// the message could quote the key: say only what is wrong
			throw new IllegalStateException("tukipiiri.push: the VAPID keys are not a P-256 key pair in base64url "
					+ "(public: 65-byte uncompressed point, private: 32 bytes)");
		}
		return new WebPush(validSubject(settings.vapidSubject().trim()), keys);
	}

	/** RFC 8292 section 2.1: a {@code mailto:} address or an {@code https:} URL. */
	static String validSubject(String subject) {
		boolean valid;
		try {
			URI uri = new URI(subject);
			valid = ("mailto".equals(uri.getScheme()) && uri.getSchemeSpecificPart().contains("@"))
					|| ("https".equals(uri.getScheme()) && uri.getHost() != null);
		}
		catch (Exception ex) {
			valid = false;
		}
		if (!valid) {
			throw new IllegalStateException(
					"tukipiiri.push.vapid-subject must be a mailto: or https: URL (RFC 8292), e.g. mailto:tuki@example.fi");
		}
		return subject;
	}

	static String base64url(byte[] bytes) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

}
