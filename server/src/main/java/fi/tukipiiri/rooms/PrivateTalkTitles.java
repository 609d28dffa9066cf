package fi.tukipiiri.rooms;

/**
 * A private talk's title names its two people, the facilitator first:
 * {@code "Ohjaaja Outi & Anna"}. Display names never hold {@code &}
 * ({@code Credentials.DISPLAY_NAME_PATTERN}), so the two names can be told apart again,
 * which erasure needs: the erased person's name is replaced by {@value #ERASED}, in the
 * room and in every copy of its title.
 */
public final class PrivateTalkTitles {

	private static final String BETWEEN = " & ";

	/**
	 * What stands for an erased person's name; readers show the room's remaining person
	 * as usual.
	 */
	public static final String ERASED = "–";

	private PrivateTalkTitles() {
	}

	/** The title of a new private talk between these two display names. */
	public static String of(String facilitatorName, String participantName) {
		return facilitatorName + BETWEEN + participantName;
	}

	/**
	 * The title with {@code displayName} replaced where it is one of the two names; any
	 * other title as it is.
	 */
	public static String without(String title, String displayName) {
		String[] names = title.split(BETWEEN, -1);
		if (names.length != 2) {
			return title;
		}
		return of(names[0].equals(displayName) ? ERASED : names[0], names[1].equals(displayName) ? ERASED : names[1]);
	}

	/**
	 * The title with {@code previousName} replaced by {@code newName} where it is one of
	 * the two names; any other title as it is.
	 */
	public static String renamed(String title, String previousName, String newName) {
		String[] names = title.split(BETWEEN, -1);
		if (names.length != 2) {
			return title;
		}
		return of(names[0].equals(previousName) ? newName : names[0],
				names[1].equals(previousName) ? newName : names[1]);
	}

}
