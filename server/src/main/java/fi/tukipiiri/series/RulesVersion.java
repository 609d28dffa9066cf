package fi.tukipiiri.series;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * A digest of a set of house rules, so an acceptance holds for exactly the rules
 * accepted: SHA-256, in lower-case hex, of the {@code language=text} pairs in the order
 * of their language codes, joined by U+001E (a control character, which the text policy
 * never lets into a text). Changeset 042 computes the same in SQL for acceptances given
 * before.
 */
final class RulesVersion {

	private static final String SEPARATOR = "\u001e";

	private RulesVersion() {
	}

	/** The version of these rules (language code → text); null when there are none. */
	static String of(Map<String, String> rules) {
		if (rules.isEmpty()) {
			return null;
		}
		String canonical = new TreeMap<>(rules).entrySet()
			.stream()
			.map(rule -> rule.getKey() + "=" + rule.getValue())
			.collect(Collectors.joining(SEPARATOR));
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java runtime has SHA-256", ex);
		}
	}

}
