package fi.tukipiiri.accounts;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import fi.tukipiiri.text.FieldLimit;
import fi.tukipiiri.text.TextKind;

/**
 * The rules every username, password and display name follows, shared by the REST
 * validation and the service.
 */
public final class Credentials {

	public static final String USERNAME_PATTERN = "[A-Za-z0-9._-]+";

	public static final int USERNAME_MIN = 3;

	public static final int USERNAME_MAX = 32;

	public static final int PASSWORD_MIN = 10;

	public static final int PASSWORD_MAX = 128;

	/**
	 * bcrypt reads no more than 72 bytes of a password; a longer one could not be stored
	 * faithfully.
	 */
	public static final int PASSWORD_MAX_BYTES = 72;

	public static final int DISPLAY_NAME_MIN = 2;

	public static final int DISPLAY_NAME_MAX = 40;

	static final FieldLimit USERNAME = new FieldLimit("username", TextKind.VERBATIM, USERNAME_MIN, USERNAME_MAX);
	static final FieldLimit PASSWORD = new FieldLimit("password", TextKind.VERBATIM, PASSWORD_MIN, PASSWORD_MAX,
			PASSWORD_MAX_BYTES);
	static final FieldLimit DISPLAY_NAME = new FieldLimit("displayName", TextKind.NAME, DISPLAY_NAME_MIN,
			DISPLAY_NAME_MAX);
	static final FieldLimit NICKNAME = new FieldLimit("nickname", TextKind.NAME, DISPLAY_NAME_MIN, DISPLAY_NAME_MAX);

	/** The administrators' search of usernames and display names. */
	static final FieldLimit SEARCH = new FieldLimit("q", TextKind.SINGLE_LINE, 0, 64);

	private static final Pattern USERNAME_RULE = Pattern.compile(USERNAME_PATTERN);

	private Credentials() {
	}

	/**
	 * The one form of a username that sign-in locks, lookups and uniqueness all compare:
	 * the username if it follows the rule ({@value #USERNAME_PATTERN},
	 * {@value #USERNAME_MIN}–{@value #USERNAME_MAX} characters, ASCII only), with A–Z
	 * folded to a–z. Folding ASCII alone is the same in every locale and in the
	 * database's C collation, so no Unicode case mapping ({@code İ}, the Kelvin sign, the
	 * long s, fullwidth letters) can reach an account or step around its lock. Empty for
	 * anything outside the rule, which therefore names no account.
	 */
	public static Optional<String> canonicalUsername(String username) {
		if (username == null || username.length() < USERNAME_MIN || username.length() > USERNAME_MAX
				|| !USERNAME_RULE.matcher(username).matches()) {
			return Optional.empty();
		}
		return Optional.of(username.toLowerCase(Locale.ROOT));
	}

}
