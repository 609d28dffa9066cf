package fi.tukipiiri.notifications.push;

import java.math.BigInteger;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The browser's keys of a subscription (RFC 8291 section 2): {@code p256dh} a P-256
 * public key as the 65-byte uncompressed point of SEC 1 section 2.3.3 (0x04, x, y), on
 * the curve; {@code auth} a 16-byte secret. Both base64url (RFC 4648 section 5), with or
 * without padding.
 */
final class SubscriptionKeys {

	static final int PUBLIC_KEY_BYTES = 65;

	static final int AUTH_SECRET_BYTES = 16;

	private static final Pattern BASE64URL = Pattern.compile("[A-Za-z0-9_-]+={0,2}");

	// P-256 (SEC 2 section 2.4.2, FIPS 186-4 D.1.2.3): y^2 = x^3 - 3x + b over GF(p)
	private static final BigInteger P = new BigInteger(
			"ffffffff00000001000000000000000000000000ffffffffffffffffffffffff", 16);

	private static final BigInteger B = new BigInteger(
			"5ac635d8aa3a93e7b3ebbd55769886bc651d06b0cc53b0f63bce3c3e27d2604b", 16);

	private SubscriptionKeys() {
	}

	/** True when both keys have their sizes and the public key is a point of P-256. */
	static boolean valid(String p256dh, String auth) {
		Optional<byte[]> point = decode(p256dh);
		Optional<byte[]> secret = decode(auth);
		return point.isPresent() && secret.isPresent() && secret.get().length == AUTH_SECRET_BYTES
				&& onCurve(point.get());
	}

	/** The key without padding, as stored and sent. */
	static String canonical(String base64url) {
		return base64url.replace("=", "");
	}

	private static Optional<byte[]> decode(String value) {
		if (value == null || value.length() > 100 || !BASE64URL.matcher(value).matches()) {
			return Optional.empty();
		}
		try {
			return Optional.of(Base64.getUrlDecoder().decode(canonical(value)));
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

	private static boolean onCurve(byte[] point) {
		if (point.length != PUBLIC_KEY_BYTES || point[0] != 0x04) {
			return false;
		}
		BigInteger x = new BigInteger(1, java.util.Arrays.copyOfRange(point, 1, 33));
		BigInteger y = new BigInteger(1, java.util.Arrays.copyOfRange(point, 33, 65));
		if (x.compareTo(P) >= 0 || y.compareTo(P) >= 0) {
			return false;
		}
		BigInteger left = y.multiply(y).mod(P);
		BigInteger right = x.pow(3).subtract(x.multiply(BigInteger.valueOf(3))).add(B).mod(P);
		return left.equals(right);
	}

}
