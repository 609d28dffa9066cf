package fi.tukipiiri.accounts;

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

	private Credentials() {
	}

	/** Trims and folds inner runs of white space, so "  Äiti   Anna " and "Äiti Anna" are the same nickname. */
	public static String normaliseDisplayName(String displayName) {
		return displayName.strip().replaceAll("\\s+", " ");
	}
}
