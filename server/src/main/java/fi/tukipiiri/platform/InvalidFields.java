package fi.tukipiiri.platform;

import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;

/**
 * A refusal of named fields found by a service rather than by request validation:
 * {@code 400 validation.failed} with the same {@code errors[]} as Bean Validation gives
 * ({@code field}, {@code code}, {@code message}), so a client reads both the same way.
 */
public final class InvalidFields extends ApiProblem {

	/**
	 * One refused field: its path in the request ({@code sessions[0].title.en}), a stable
	 * code and a message.
	 */
	public record Field(String field, String code, String message) {
	}

	/**
	 * @param fields the refused fields, at least one, in the order they were found
	 */
	public InvalidFields(List<Field> fields) {
		super(HttpStatus.BAD_REQUEST, "validation.failed", "Some fields are not valid.",
				Map.of("errors", List.copyOf(fields)));
	}

	/** One refused field. */
	public static InvalidFields of(String field, String code, String message) {
		return new InvalidFields(List.of(new Field(field, code, message)));
	}

	/**
	 * The value of a required field; when it is missing or {@code null},
	 * {@code validation.failed} naming the field with the code {@code not_null}, exactly
	 * as Bean Validation's {@code @NotNull} answers over REST. Services check the
	 * commands that arrive over REST and STOMP alike with it, so both answer the same.
	 * @param field the field's name in the request, e.g. {@code accountId}
	 */
	public static <T> T required(T value, String field) {
		if (value == null) {
			throw of(field, "not_null", "must not be null");
		}
		return value;
	}

	/** The refused fields, in the order they were found. */
	@SuppressWarnings("unchecked")
	public List<Field> fields() {
		return (List<Field>) getBody().getProperties().get("errors");
	}

}
