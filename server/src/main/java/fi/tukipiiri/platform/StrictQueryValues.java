package fi.tukipiiri.platform;

import java.beans.PropertyEditorSupport;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.UUID;
import java.util.function.Function;

import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * Query-string and path values are read in the same one form as JSON values
 * ({@link StrictValues}). Spring's own conversions are lenient: dates in the request's
 * locale format, epoch milliseconds and RFC 1123 text as instants, hexadecimal and padded
 * numbers, {@code yes}/{@code on}/{@code 1} as true, shortened UUIDs; and when its
 * conversion service refuses a value it falls back to those lenient property editors.
 * Editors registered here come first and have no fallback. A refused query parameter is
 * answered {@code validation.failed} naming it ({@link ProblemDetailsAdvice}).
 */
@ControllerAdvice
class StrictQueryValues {

	@InitBinder
	void strictValues(WebDataBinder binder) {
		strict(binder, LocalDate.class, StrictValues::date);
		strict(binder, LocalTime.class, StrictValues::time);
		strict(binder, Instant.class, StrictValues::instant);
		strict(binder, UUID.class, StrictValues::uuid);
		strict(binder, Long.class, StrictValues::wholeNumber);
		strict(binder, long.class, StrictValues::wholeNumber);
		strict(binder, Integer.class, StrictValues::integer);
		strict(binder, int.class, StrictValues::integer);
		strict(binder, Boolean.class, StrictValues::bool);
		strict(binder, boolean.class, StrictValues::bool);
	}

	private static void strict(WebDataBinder binder, Class<?> type, Function<String, ?> parse) {
		binder.registerCustomEditor(type, new StrictEditor(parse));
	}

	/**
	 * An absent or empty value stays absent, so a parameter's default or its own
	 * "required" rule applies.
	 */
	private static final class StrictEditor extends PropertyEditorSupport {

		private final Function<String, ?> parse;

		StrictEditor(Function<String, ?> parse) {
			this.parse = parse;
		}

		@Override
		public void setAsText(String text) {
			setValue(text == null || text.isEmpty() ? null : parse.apply(text));
		}

		@Override
		public String getAsText() {
			Object value = getValue();
			return value == null ? "" : value.toString();
		}

	}

}
