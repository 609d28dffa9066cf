package fi.tukipiiri.platform;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The one written form the service accepts for each scalar a client sends as text: dates,
 * times and instants in JSON bodies, and every value in a query string or path. Each
 * method either returns the value or throws {@link IllegalArgumentException} saying which
 * form was expected; nothing is rounded, trimmed, guessed or moved to another day.
 */
public final class StrictValues {

	/** ISO 8601 calendar date, extended format (RFC 3339 {@code full-date}). */
	public static final String DATE_FORM = "YYYY-MM-DD";

	/** ISO 8601 local time of day on the 24-hour clock, with or without seconds. */
	public static final String TIME_FORM = "HH:MM or HH:MM:SS";

	/**
	 * RFC 3339 {@code date-time}: a date, a time and a UTC offset ({@code Z} or
	 * {@code ±HH:MM}).
	 */
	public static final String INSTANT_FORM = "YYYY-MM-DDTHH:MM:SS[.fraction](Z|±HH:MM)";

	/** ISO 8601 duration, {@code PnDTnHnMn.nS}. */
	public static final String DURATION_FORM = "an ISO 8601 duration such as PT15M";

	private static final Pattern DATE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");

	private static final DateTimeFormatter DATE_FORMAT = DateTimeFormatter.ofPattern("uuuu-MM-dd")
		.withResolverStyle(ResolverStyle.STRICT);

	private static final Pattern TIME = Pattern.compile("([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9])?");

	private static final Pattern INSTANT = Pattern
		.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]{1,9})?(Z|[+-][0-9]{2}:[0-9]{2})");

	private static final Pattern UUID_FORM = Pattern
		.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

	private static final Pattern WHOLE_NUMBER = Pattern.compile("-?[0-9]{1,18}");

	private StrictValues() {
	}

	/**
	 * A calendar date written {@code YYYY-MM-DD} that exists: 2026-02-29 and 2026-02-30
	 * are refused, 2028-02-29 is not.
	 */
	public static LocalDate date(String text) {
		if (text == null || !DATE.matcher(text).matches()) {
			throw expected(DATE_FORM);
		}
		try {
			return LocalDate.parse(text, DATE_FORMAT);
		}
		catch (DateTimeException noSuchDay) {
			throw expected("an existing date as " + DATE_FORM);
		}
	}

	/**
	 * A time of day, {@code 00:00} to {@code 23:59:59}; no fractions, zones or offsets.
	 */
	public static LocalTime time(String text) {
		if (text == null || !TIME.matcher(text).matches()) {
			throw expected(TIME_FORM);
		}
		return LocalTime.parse(text);
	}

	/**
	 * A moment with its UTC offset, such as {@code 2026-12-29T22:00:00Z}; a date alone is
	 * not a moment.
	 */
	public static Instant instant(String text) {
		if (text == null || !INSTANT.matcher(text).matches()) {
			throw expected(INSTANT_FORM);
		}
		try {
			return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
		}
		catch (DateTimeException noSuchMoment) {
			throw expected("an existing moment as " + INSTANT_FORM);
		}
	}

	/**
	 * An ISO 8601 duration such as {@code PT15M} or {@code P7D} ({@link Duration#parse});
	 * never a bare number.
	 */
	public static Duration duration(String text) {
		if (text == null) {
			throw expected(DURATION_FORM);
		}
		try {
			return Duration.parse(text);
		}
		catch (DateTimeException notADuration) {
			throw expected(DURATION_FORM);
		}
	}

	/**
	 * A UUID in its 36-character form (RFC 9562 §4); the shortened forms
	 * {@link UUID#fromString} also takes are refused.
	 */
	public static UUID uuid(String text) {
		if (text == null || !UUID_FORM.matcher(text).matches()) {
			throw expected("a UUID of 36 characters");
		}
		return UUID.fromString(text);
	}

	/**
	 * Decimal digits with an optional minus sign: no plus sign, spaces, fraction,
	 * exponent or hexadecimal.
	 */
	public static long wholeNumber(String text) {
		if (text == null || !WHOLE_NUMBER.matcher(text).matches()) {
			throw expected("a whole number in decimal digits");
		}
		return Long.parseLong(text);
	}

	/** {@link #wholeNumber} within the range of an {@code int}. */
	public static int integer(String text) {
		long value = wholeNumber(text);
		if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
			throw expected("a whole number between " + Integer.MIN_VALUE + " and " + Integer.MAX_VALUE);
		}
		return (int) value;
	}

	/** Exactly {@code true} or {@code false}. */
	public static boolean bool(String text) {
		if ("true".equals(text)) {
			return true;
		}
		if ("false".equals(text)) {
			return false;
		}
		throw expected("true or false");
	}

	private static IllegalArgumentException expected(String form) {
		return new IllegalArgumentException("Expected " + form);
	}

}
