package fi.tukipiiri.platform;

import java.util.List;
import java.util.Optional;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.DatabindException;

/**
 * Which field of a JSON body a reading failure belongs to, so that REST and STOMP can
 * both answer {@code validation.failed} naming it. {@code field} is a dotted path with
 * array indexes, e.g. {@code sessions[2].title.fi}.
 *
 * @param field the path of the refused field from the body's root
 * @param code {@code duplicate_key} for a key given twice in one object, the code a
 * {@link FieldCode} failure names (a control character in a string, say), or
 * {@code invalid_value} for a value of the wrong type or form
 */
public record JsonRefusal(String field, String code) {

	public static final String DUPLICATE_KEY = "duplicate_key";

	public static final String INVALID_VALUE = "invalid_value";

	/**
	 * The message jackson-core's duplicate detection gives; checked by a unit test
	 * against the version in use.
	 */
	private static final String DUPLICATE_MESSAGE = "Duplicate Object property";

	/**
	 * The refused field behind a reading failure, found among the causes of
	 * {@code failure}; empty when the body is not JSON at all or has the wrong shape as a
	 * whole (then no single field is to blame).
	 */
	public static Optional<JsonRefusal> of(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof JacksonException jackson) {
				return of(jackson);
			}
		}
		return Optional.empty();
	}

	/**
	 * What is wrong, in words for people, as {@code errors[].message} says it; never the
	 * value itself.
	 */
	public String message() {
		return switch (code) {
			case DUPLICATE_KEY -> "This key is given more than once.";
			case INVALID_VALUE -> "This value has the wrong type or is not allowed.";
			default -> "This value holds characters that are not allowed.";
		};
	}

	/**
	 * The refusal as a service's field refusal: {@code validation.failed} with this one
	 * field in {@code errors}.
	 */
	public InvalidFields asProblem() {
		return InvalidFields.of(field, code, message());
	}

	private static Optional<JsonRefusal> of(JacksonException failure) {
		String container = path(failure.getPath());
		if (failure instanceof StreamReadException && failure.getOriginalMessage() != null
				&& failure.getOriginalMessage().startsWith(DUPLICATE_MESSAGE)
				&& failure.processor() instanceof JsonParser parser
				&& parser.streamReadContext().currentName() != null) {
			String key = parser.streamReadContext().currentName();
			return Optional.of(new JsonRefusal(container.isEmpty() ? key : container + "." + key, DUPLICATE_KEY));
		}
		// a number too large for its field (an int given 2147483648) is a value out of
		// range, like a fraction
		if ((failure instanceof DatabindException || failure instanceof InputCoercionException)
				&& !container.isEmpty()) {
			return Optional
				.of(new JsonRefusal(container, failure instanceof FieldCode coded ? coded.fieldCode() : INVALID_VALUE));
		}
		return Optional.empty();
	}

	private static String path(List<JacksonException.Reference> references) {
		StringBuilder path = new StringBuilder();
		for (JacksonException.Reference reference : references) {
			if (reference.getPropertyName() != null) {
				path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
			}
			else if (reference.getIndex() >= 0) {
				path.append('[').append(reference.getIndex()).append(']');
			}
		}
		return path.toString();
	}
}
