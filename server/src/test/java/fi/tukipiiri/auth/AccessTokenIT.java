package fi.tukipiiri.auth;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

import fi.tukipiiri.support.ApiClient;
import fi.tukipiiri.support.ApiClient.Session;
import fi.tukipiiri.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tokens are built by hand here (not with the library the server uses), so each test
 * controls exactly one thing that is wrong with them.
 */
@IntegrationTest
class AccessTokenIT {

	@Autowired
	ApiClient api;

	@Value("${tukipiiri.auth.jwt-secret}")
	String secret;

	@Test
	void aWellFormedTokenSignedWithTheServiceKeyIsAccepted() {
		Session session = api.registerParent("Control");
		String token = token("HS256", claims(session.id(), Instant.now().plusSeconds(60), "tukipiiri"), key());
		assertThat(api.get("/api/me", token).status()).isEqualTo(200);
	}

	@Test
	void expiredTokenIsRefused() {
		Session session = api.registerParent("Expired");
		String token = token("HS256", claims(session.id(), Instant.now().minusSeconds(5), "tukipiiri"), key());
		assertRefused(token);
	}

	@Test
	void tokenSignedWithAnotherKeyIsRefused() {
		Session session = api.registerParent("Forged");
		byte[] otherKey = "another-key-that-is-long-enough-for-hs256!".getBytes(StandardCharsets.UTF_8);
		assertRefused(token("HS256", claims(session.id(), Instant.now().plusSeconds(60), "tukipiiri"), otherKey));
	}

	@Test
	void tamperedPayloadIsRefused() {
		Session session = api.registerParent("Tampered");
		String[] parts = session.accessToken().split("\\.");
		String adminClaims = claims(session.id(), Instant.now().plusSeconds(60), "tukipiiri").replace("\"PARENT\"",
				"\"ADMIN\"");
		assertRefused(parts[0] + "." + base64(adminClaims) + "." + parts[2]);
	}

	@Test
	void unsignedAlgNoneTokenIsRefused() {
		Session session = api.registerParent("Unsigned");
		String claims = claims(session.id(), Instant.now().plusSeconds(60), "tukipiiri");
		assertRefused(base64("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + base64(claims) + ".");
	}

	@Test
	void anotherAlgorithmWithTheSameKeyIsRefused() {
		Session session = api.registerParent("Other algorithm");
		assertRefused(token("HS512", claims(session.id(), Instant.now().plusSeconds(60), "tukipiiri"), key()));
	}

	@Test
	void tokenFromAnotherIssuerIsRefused() {
		Session session = api.registerParent("Other issuer");
		assertRefused(token("HS256", claims(session.id(), Instant.now().plusSeconds(60), "someone-else"), key()));
	}

	@Test
	void garbageIsRefused() {
		assertRefused("definitely.not.ajwt");
		assertRefused("");
	}

	@Test
	void missingTokenIsUnauthenticated() {
		var me = api.get("/api/me", null);
		assertThat(me.status()).isEqualTo(401);
		assertThat(me.code()).isEqualTo("auth.unauthenticated");
	}

	private void assertRefused(String token) {
		var me = api.get("/api/me", token);
		assertThat(me.status()).isEqualTo(401);
		assertThat(me.code()).isIn("auth.invalid_token", "auth.unauthenticated");
		assertThat(me.header("Content-Type")).startsWith("application/problem+json");
	}

	private byte[] key() {
		return Base64.getDecoder().decode(secret);
	}

	private static String claims(UUID subject, Instant expires, String issuer) {
		long now = Instant.now().getEpochSecond();
		return """
				{"iss":"%s","sub":"%s","jti":"%s","iat":%d,"exp":%d,"roles":["PARENT"],"guest":false,"ver":0}"""
			.formatted(issuer, subject, UUID.randomUUID(), Math.min(now, expires.getEpochSecond() - 1),
					expires.getEpochSecond());
	}

	private static String token(String algorithm, String claims, byte[] key) {
		String signingInput = base64("{\"alg\":\"" + algorithm + "\",\"typ\":\"JWT\"}") + "." + base64(claims);
		String macName = "Hmac" + algorithm.replace("HS", "SHA");
		try {
			Mac mac = Mac.getInstance(macName);
			mac.init(new SecretKeySpec(key, macName));
			byte[] signature = mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII));
			return signingInput + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(signature);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String base64(String json) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
	}

}
