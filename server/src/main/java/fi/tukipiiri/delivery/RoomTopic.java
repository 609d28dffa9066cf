package fi.tukipiiri.delivery;

/**
 * The topics of a room a member may subscribe to, each a destination of
 * {@link Destinations}.
 */
public enum RoomTopic {

	/** Stored messages, in {@code seq} order: {@code /topic/rooms/{id}}. */
	MESSAGES(""),
	/** Who arrived and left: {@code /topic/rooms/{id}/presence}. */
	PRESENCE("/presence"),
	/** Who is writing: {@code /topic/rooms/{id}/typing}. */
	TYPING("/typing"),
	/** What the room's moderators did: {@code /topic/rooms/{id}/moderation}. */
	MODERATION("/moderation"),
	/**
	 * Raised hands and turns to speak: {@code /topic/rooms/{id}/floor}.
	 */
	FLOOR("/floor"),
	/**
	 * The question queue of an information session, with who asked:
	 * {@code /topic/rooms/{id}/questions}. For the room's staff only.
	 */
	QUESTIONS("/questions", true);

	private final String suffix;

	private final boolean staffOnly;

	RoomTopic(String suffix) {
		this(suffix, false);
	}

	RoomTopic(String suffix, boolean staffOnly) {
		this.suffix = suffix;
		this.staffOnly = staffOnly;
	}

	String suffix() {
		return suffix;
	}

	/**
	 * Whether only the room's staff (its facilitators and peer supporters, and
	 * administrators) may subscribe; every other topic is for all its members.
	 */
	public boolean staffOnly() {
		return staffOnly;
	}

	/**
	 * The topic a room destination names, from what follows the room's id ({@code ""} or
	 * e.g. {@code /floor}); empty for a suffix that names no topic.
	 */
	public static java.util.Optional<RoomTopic> ofSuffix(String suffix) {
		return java.util.Arrays.stream(values()).filter(topic -> topic.suffix.equals(suffix)).findFirst();
	}

}
