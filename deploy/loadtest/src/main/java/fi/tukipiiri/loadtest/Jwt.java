package fi.tukipiiri.loadtest;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs the HS256 access tokens the Socket.IO baseline verifies, with the secret both are
 * given.
 */
final class Jwt {

	private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

	private static final String HEADER = encode("{\"alg\":\"HS256\",\"typ\":\"JWT\"}");

	private Jwt() {
	}

	static String sign(String subject, String secret) {
		long now = Instant.now().getEpochSecond();
		String unsigned = HEADER + "."
				+ encode("{\"sub\":\"" + subject + "\",\"iat\":" + now + ",\"exp\":" + (now + 6 * 3600) + "}");
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return unsigned + "." + BASE64URL.encodeToString(mac.doFinal(unsigned.getBytes(StandardCharsets.US_ASCII)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String encode(String json) {
		return BASE64URL.encodeToString(json.getBytes(StandardCharsets.UTF_8));
	}

}
