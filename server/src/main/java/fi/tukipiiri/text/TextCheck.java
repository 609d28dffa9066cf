package fi.tukipiiri.text;

import java.util.function.Function;

import fi.tukipiiri.platform.InvalidFields;

/**
 * What {@link TextPolicy} made of a text: the canonical text to store, or why it was
 * refused.
 */
public sealed interface TextCheck {

	/**
	 * @param text the canonical form: this, not what was typed, is stored and shown
	 */
	record Accepted(String text) implements TextCheck {
	}

	/**
	 * @param min the field's least length in code points
	 * @param max its greatest length in code points; for {@link Refusal#TOO_MANY_BYTES},
	 * in bytes of UTF-8
	 */
	record Refused(Refusal refusal, int min, int max) implements TextCheck {

		/** The stable field error code ({@code size}, {@code control_character}, …). */
		public String code() {
			return refusal.code();
		}

		/**
		 * A sentence for people reading the answer; clients translate the code instead.
		 */
		public String message() {
			return switch (refusal) {
				case CONTROL_CHARACTER -> "Control characters are not allowed.";
				case UNPAIRED_SURROGATE -> "The text is not valid Unicode.";
				case EMPTY -> "must not be blank";
				case TOO_SHORT, TOO_LONG -> "size must be between " + min + " and " + max + " characters";
				case TOO_MANY_BYTES ->
					"at most " + max + " bytes in UTF-8 (an accented letter takes two, an emoji four)";
				case TOO_MANY_MARKS -> "At most " + TextPolicy.MAX_MARKS_PER_CHARACTER
						+ " accents or other marks may sit on one character.";
				case NOT_A_NAME -> "Only letters, digits, spaces and . , ' _ ( ) ! ? - are allowed.";
				case MIXED_SCRIPTS ->
					"Letters of alphabets that look alike (such as Latin and Cyrillic) cannot be mixed.";
			};
		}
	}

	/**
	 * The canonical text, or a {@code 400 validation.failed} naming {@code field} with
	 * the refusal's code.
	 * @throws InvalidFields if the text was refused
	 */
	default String orThrow(String field) {
		return orElseThrow(refused -> InvalidFields.of(field, refused.code(), refused.message()));
	}

	/**
	 * The canonical text, or the exception the caller makes of the refusal (for fields
	 * with codes of their own).
	 */
	default <X extends RuntimeException> String orElseThrow(Function<Refused, X> refusal) {
		if (this instanceof Accepted accepted) {
			return accepted.text();
		}
		throw refusal.apply((Refused) this);
	}

}
