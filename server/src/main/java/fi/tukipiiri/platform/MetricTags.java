package fi.tukipiiri.platform;

import java.util.regex.Pattern;

/**
 * Tag values a metric may carry: stable codes only, so that the scrape output holds
 * counts and never what someone sent (no text, names, ids or addresses) and the number of
 * time series stays bounded.
 */
public final class MetricTags {

	/** What a code that is not one of the service's stable codes is counted as. */
	public static final String OTHER = "other";

	/**
	 * A dotted error code such as {@code rooms.not_member}, or an exception's simple
	 * class name.
	 */
	private static final Pattern CODE = Pattern
		.compile("[a-z][a-z0-9_-]{0,31}(\\.[a-z][a-z0-9_-]{0,31}){0,3}" + "|[A-Z][A-Za-z0-9]{0,63}");

	private MetricTags() {
	}

	/**
	 * The code a refusal's reason starts with (up to its first space), or {@value #OTHER}
	 * when it does not start with one, e.g. {@code "validation.invalid_value field"} →
	 * {@code validation.invalid_value}, {@code "origin not allowed"} → {@code origin}.
	 */
	public static String code(String why) {
		if (why == null) {
			return OTHER;
		}
		int space = why.indexOf(' ');
		String first = space < 0 ? why : why.substring(0, space);
		return CODE.matcher(first).matches() ? first : OTHER;
	}

}
