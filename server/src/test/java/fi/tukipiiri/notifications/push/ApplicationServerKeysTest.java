package fi.tukipiiri.notifications.push;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The VAPID keys as an operator configures them: a configured pair is used as given; none
 * at all is a generated pair in development and push off in production; anything half
 * done or wrong stops the start, without quoting the key.
 */
class ApplicationServerKeysTest {

	@Test
	void aConfiguredPairIsPublishedAsGiven() throws Exception {
		String[] pair = pair();
		ApplicationServerKeys keys = new ApplicationServerKeys(
				settings(pair[0], pair[1], "mailto:tuki@example.fi", false));
		assertThat(keys.publicKey()).contains(pair[0]);
		assertThat(keys.webPush())
			.hasValueSatisfying(push -> assertThat(push.getSubject()).isEqualTo("mailto:tuki@example.fi"));
	}

	@Test
	void withoutKeysDevelopmentGeneratesAPairAndProductionRunsWithPushOff() {
		ApplicationServerKeys development = new ApplicationServerKeys(settings(null, null, null, true));
		assertThat(development.publicKey()).hasValueSatisfying(
				key -> assertThat(Base64.getUrlDecoder().decode(key)).hasSize(65).startsWith((byte) 0x04));
		assertThat(development.webPush()).hasValueSatisfying(
				push -> assertThat(push.getSubject()).isEqualTo(ApplicationServerKeys.DEVELOPMENT_SUBJECT));
		assertThat(new ApplicationServerKeys(settings("", " ", null, true)).publicKey()).as("blank is not given")
			.isPresent();

		ApplicationServerKeys production = new ApplicationServerKeys(settings(null, null, null, false));
		assertThat(production.publicKey()).isEmpty();
		assertThat(production.webPush()).isEmpty();
	}

	@Test
	void aHalfConfiguredOrWrongPairStopsTheStartWithoutQuotingIt() throws Exception {
		String[] pair = pair();
		String[] other = pair();
		assertThatIllegalStateException()
			.isThrownBy(() -> new ApplicationServerKeys(settings(pair[0], null, "mailto:tuki@example.fi", false)))
			.withMessageContaining("both");
		assertThatIllegalStateException()
			.isThrownBy(() -> new ApplicationServerKeys(settings(pair[0], other[1], "mailto:tuki@example.fi", false)))
			.withMessageNotContaining(other[1]);
		assertThatIllegalStateException()
			.isThrownBy(() -> new ApplicationServerKeys(settings(pair[0], "c2hvcnQ", "mailto:tuki@example.fi", false)))
			.withMessageNotContaining("c2hvcnQ");
		assertThatIllegalStateException()
			.isThrownBy(() -> new ApplicationServerKeys(settings(pair[0], pair[1], null, false)))
			.withMessageContaining("vapid-subject");
		for (String subject : List.of("tuki@example.fi", "mailto:tuki", "http://example.fi", "https://")) {
			assertThatIllegalStateException()
				.isThrownBy(() -> new ApplicationServerKeys(settings(pair[0], pair[1], subject, false)))
				.withMessageContaining("mailto: or https:");
		}
		assertThat(new ApplicationServerKeys(settings(pair[0], pair[1], "https://tukipiiri.example.fi/yhteys", false))
			.publicKey()).contains(pair[0]);
	}

	private static PushSettings settings(String publicKey, String privateKey, String subject, boolean generate) {
		return new PushSettings(publicKey, privateKey, subject, generate, List.of("fcm.googleapis.com"), List.of(), 10,
				Duration.ofDays(1), Duration.ofSeconds(5), Duration.ofSeconds(10));
	}

	/**
	 * A P-256 pair as {@code web-push generate-vapid-keys} prints it: public, private.
	 */
	private static String[] pair() throws Exception {
		KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
		generator.initialize(new ECGenParameterSpec("secp256r1"));
		KeyPair keys = generator.generateKeyPair();
		ECPublicKey publicKey = (ECPublicKey) keys.getPublic();
		byte[] point = new byte[65];
		point[0] = 0x04;
		copy(publicKey.getW().getAffineX(), point, 1);
		copy(publicKey.getW().getAffineY(), point, 33);
		byte[] scalar = new byte[32];
		copy(((ECPrivateKey) keys.getPrivate()).getS(), scalar, 0);
		Base64.Encoder base64url = Base64.getUrlEncoder().withoutPadding();
		return new String[] { base64url.encodeToString(point), base64url.encodeToString(scalar) };
	}

	private static void copy(BigInteger value, byte[] into, int offset) {
		byte[] bytes = value.toByteArray();
		int start = bytes.length > 32 ? bytes.length - 32 : 0;
		System.arraycopy(bytes, start, into, offset + 32 - (bytes.length - start), bytes.length - start);
	}

}
