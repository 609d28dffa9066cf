package fi.tukipiiri.text;

import java.nio.charset.StandardCharsets;

/**
 * A human-entered field and its limits, as {@code GET /api/limits} publishes them so that
 * clients count against the server's own numbers.
 *
 * @param field the name clients know the field by ({@code message}, {@code displayName},
 * …)
 * @param kind how its text is folded
 * @param min least length in code points after folding (0: optional)
 * @param max greatest length in code points after folding
 * @param maxBytes greatest length in bytes of UTF-8, for a field whose store reads no
 * more (a password under bcrypt); 0 for none
 */
public record FieldLimit(String field, TextKind kind, int min, int max, int maxBytes) {

	/** A field with no limit in bytes. */
	public FieldLimit(String field, TextKind kind, int min, int max) {
		this(field, kind, min, max, 0);
	}

	/**
	 * The policy applied to a value of this field; over {@code maxBytes} is refused as
	 * {@link Refusal#TOO_MANY_BYTES}.
	 */
	public TextCheck check(String raw) {
		TextCheck check = TextPolicy.check(kind, raw, min, max);
		if (maxBytes > 0 && check instanceof TextCheck.Accepted accepted
				&& accepted.text().getBytes(StandardCharsets.UTF_8).length > maxBytes) {
			return new TextCheck.Refused(Refusal.TOO_MANY_BYTES, min, maxBytes);
		}
		return check;
	}
}
