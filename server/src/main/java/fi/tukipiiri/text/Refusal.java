package fi.tukipiiri.text;

/** Why a text was refused, with the stable field error code a client receives for it. */
public enum Refusal {

	/**
	 * A control character (Unicode category Cc) other than tab, line feed and carriage
	 * return.
	 */
	CONTROL_CHARACTER("control_character"),
	/** Half of a UTF-16 surrogate pair without its other half: not a character at all. */
	UNPAIRED_SURROGATE("invalid_character"),
	/**
	 * Nothing is left once white space and invisible characters are taken away, and the
	 * field needs something.
	 */
	EMPTY("not_blank"),
	/** Fewer code points than the field's minimum. */
	TOO_SHORT("size"),
	/** More code points than the field's maximum. */
	TOO_LONG("size"),
	/**
	 * More bytes of UTF-8 than the field's store can take (a password under bcrypt reads
	 * 72).
	 */
	TOO_MANY_BYTES("too_many_bytes"),
	/**
	 * More combining marks on one character than
	 * {@link TextPolicy#MAX_MARKS_PER_CHARACTER} ("Zalgo" text).
	 */
	TOO_MANY_MARKS("combining_marks"),
	/**
	 * A name holding something other than letters, marks, digits, spaces and
	 * {@code . , ' _ ( ) ! ? -}.
	 */
	NOT_A_NAME("pattern"),
	/**
	 * A name mixing scripts that look alike (Latin with Cyrillic or Greek, for example),
	 * or digits of several systems.
	 */
	MIXED_SCRIPTS("mixed_script");

	private final String code;

	Refusal(String code) {
		this.code = code;
	}

	/** The {@code errors[].code} of a {@code validation.failed} answer. */
	public String code() {
		return code;
	}

}
