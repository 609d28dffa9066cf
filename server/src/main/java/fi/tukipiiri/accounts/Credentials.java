package fi.tukipiiri.accounts;

import fi.tukipiiri.text.FieldLimit;
import fi.tukipiiri.text.TextKind;

/** The rules every username, password and display name follows, shared by the REST validation and the service. */
public final class Credentials {

	public static final String USERNAME_PATTERN = "[A-Za-z0-9._-]+";
	public static final int USERNAME_MIN = 3;
	public static final int USERNAME_MAX = 32;
	public static final int PASSWORD_MIN = 10;
	public static final int PASSWORD_MAX = 128;
	/** bcrypt reads no more than 72 bytes of a password; a longer one could not be stored faithfully. */
	public static final int PASSWORD_MAX_BYTES = 72;
	public static final int DISPLAY_NAME_MIN = 2;
	public static final int DISPLAY_NAME_MAX = 40;

	static final FieldLimit USERNAME = new FieldLimit("username", TextKind.VERBATIM, USERNAME_MIN, USERNAME_MAX);
	static final FieldLimit PASSWORD = new FieldLimit("password", TextKind.VERBATIM, PASSWORD_MIN, PASSWORD_MAX, PASSWORD_MAX_BYTES);
	static final FieldLimit DISPLAY_NAME = new FieldLimit("displayName", TextKind.NAME, DISPLAY_NAME_MIN, DISPLAY_NAME_MAX);
	static final FieldLimit NICKNAME = new FieldLimit("nickname", TextKind.NAME, DISPLAY_NAME_MIN, DISPLAY_NAME_MAX);
	/** The administrators' search of usernames and display names. */
	static final FieldLimit SEARCH = new FieldLimit("q", TextKind.SINGLE_LINE, 0, 64);

	private Credentials() {
	}
}
