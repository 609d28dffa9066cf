package fi.tukipiiri.series;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Random codes people type or paste (invitations, feed addresses), and the hashes they
 * are stored as.
 */
final class Secrets {

	/** No 0/O, 1/I/L: codes are read aloud and typed from phones. */
	private static final char[] ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789".toCharArray();

	private static final SecureRandom RANDOM = new SecureRandom();

	private Secrets() {
	}

	static String code(int length) {
		StringBuilder code = new StringBuilder(length);
		for (int i = 0; i < length; i++) {
			code.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
		}
		return code.toString();
	}

	/**
	 * Case and separators do not matter: "abcd-efgh" and "ABCDEFGH" are the same code.
	 */
	static String normalise(String code) {
		return code.toUpperCase().replaceAll("[^A-Z0-9]", "");
	}

	static String hash(String code) {
		try {
			return HexFormat.of()
				.formatHex(
						MessageDigest.getInstance("SHA-256").digest(normalise(code).getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java runtime has SHA-256", ex);
		}
	}

}
