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
	FLOOR("/floor");

	private final String suffix;

	RoomTopic(String suffix) {
		this.suffix = suffix;
	}

	String suffix() {
		return suffix;
	}

}
