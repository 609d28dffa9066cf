package fi.tukipiiri.accounts;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** The rules every username, password and nickname follows, shared by the REST validation and the service. */
public final class Credentials {

	public static final String USERNAME_PATTERN = "[A-Za-z0-9._-]+";
	public static final int USERNAME_MIN = 3;
	public static final int USERNAME_MAX = 32;
	public static final int PASSWORD_MIN = 10;
	public static final int PASSWORD_MAX = 128;
	public static final int DISPLAY_NAME_MIN = 2;
	public static final int DISPLAY_NAME_MAX = 40;
	/** Letters, marks, digits, spaces and common punctuation; no control or invisible formatting characters. */
	public static final String DISPLAY_NAME_PATTERN = "[\\p{L}\\p{M}\\p{N} .,'_()!?-]+";

	private static final Pattern USERNAME_RULE = Pattern.compile(USERNAME_PATTERN);

	private Credentials() {
	}

	/**
	 * The one form of a username that sign-in locks, lookups and uniqueness all compare: the username if it follows
	 * the rule ({@value #USERNAME_PATTERN}, {@value #USERNAME_MIN}–{@value #USERNAME_MAX} characters, ASCII only),
	 * with A–Z folded to a–z. Folding ASCII alone is the same in every locale and in the database's C collation, so
	 * no Unicode case mapping ({@code İ}, the Kelvin sign, the long s, fullwidth letters) can reach an account or
	 * step around its lock. Empty for anything outside the rule, which therefore names no account.
	 */
	public static Optional<String> canonicalUsername(String username) {
		if (username == null || username.length() < USERNAME_MIN || username.length() > USERNAME_MAX
				|| !USERNAME_RULE.matcher(username).matches()) {
			return Optional.empty();
		}
		return Optional.of(username.toLowerCase(Locale.ROOT));
	}

	/** Trims and folds inner runs of white space, so "  Äiti   Anna " and "Äiti Anna" are the same nickname. */
	public static String normaliseDisplayName(String displayName) {
		return displayName.strip().replaceAll("\\s+", " ");
	}
}
