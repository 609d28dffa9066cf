package fi.tukipiiri.accounts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Locale;
import java.util.Optional;

/**
 * Recovery codes as look-up secrets in the sense of OWASP ASVS 4.0.3 §2.6 ("Look-up
 * Secret Verifier"): each is 16 characters of Crockford's base32 alphabet from a
 * {@link SecureRandom}, 80 bits of entropy, shown as {@code XXXX-XXXX-XXXX-XXXX}. 80 bits
 * is below the 112 bits of §2.6.2, so, as that requirement asks in that case, each code
 * is stored only as a SHA-256 (an approved one-way hash) of a random salt of its own (128
 * bits, more than the 32 bits asked) followed by the code's normalised form; a stolen
 * table does not let the codes be checked against each other or precomputed. Codes are
 * random, not derived from anything (§2.6.3), and each can be used once (§2.6.1, by
 * {@link RecoveryCodes#markUsed}).
 * <p>
 * Reading a code forgives what people do when typing one: lower case, spaces or dashes
 * anywhere, and the letters Crockford's alphabet leaves out for their look-alike digits
 * (O for 0, I and L for 1).
 */
final class LookupSecrets {

	/** Crockford's base32: digits and letters without I, L, O and U. */
	private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();

	static final int LENGTH = 16;

	static final int SALT_BYTES = 16;

	private static final SecureRandom RANDOM = new SecureRandom();

	private LookupSecrets() {
	}

	/** A new code, as shown to the person: {@code 7KQ2-M9XD-R4TW-HB3N}. */
	static String newCode() {
		StringBuilder code = new StringBuilder(LENGTH + 3);
		for (int i = 0; i < LENGTH; i++) {
			if (i > 0 && i % 4 == 0) {
				code.append('-');
			}
			code.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
		}
		return code.toString();
	}

	static byte[] newSalt() {
		byte[] salt = new byte[SALT_BYTES];
		RANDOM.nextBytes(salt);
		return salt;
	}

	/**
	 * The code's one form, 16 characters of the alphabet; empty for anything that cannot
	 * be a code.
	 */
	static Optional<String> normalise(String typed) {
		if (typed == null || typed.length() > 64) {
			return Optional.empty();
		}
		StringBuilder code = new StringBuilder(LENGTH);
		for (char c : typed.toUpperCase(Locale.ROOT).toCharArray()) {
			if (c == '-' || c == ' ') {
				continue;
			}
			char read = switch (c) {
				case 'O' -> '0';
				case 'I', 'L' -> '1';
				default -> c;
			};
			if (!inAlphabet(read)) {
				return Optional.empty();
			}
			code.append(read);
		}
		return code.length() == LENGTH ? Optional.of(code.toString()) : Optional.empty();
	}

	/** SHA-256 of the salt followed by the normalised code in ASCII. */
	static byte[] hash(byte[] salt, String normalised) {
		try {
			MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
			sha256.update(salt);
			return sha256.digest(normalised.getBytes(StandardCharsets.US_ASCII));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java runtime has SHA-256", ex);
		}
	}

	/** Compares in time that does not depend on where the two first differ. */
	static boolean same(byte[] a, byte[] b) {
		return MessageDigest.isEqual(a, b);
	}

	private static boolean inAlphabet(char c) {
		for (char allowed : ALPHABET) {
			if (allowed == c) {
				return true;
			}
		}
		return false;
	}

}
