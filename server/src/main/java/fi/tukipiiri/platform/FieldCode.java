package fi.tukipiiri.platform;

/**
 * Implemented by a request-reading failure that knows the field error code to answer with
 * (for example {@code control_character}); others are answered as {@code invalid_value}.
 */
public interface FieldCode {

	/** The {@code errors[].code} of the refused field. */
	String fieldCode();

}
