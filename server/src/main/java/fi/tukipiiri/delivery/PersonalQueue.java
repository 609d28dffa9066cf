package fi.tukipiiri.delivery;

/**
 * A person's own queues that features send to; each client subscribes to {@code /user}
 * followed by the queue.
 */
public enum PersonalQueue {

	/** Stored notices: {@code /user/queue/notifications}. */
	NOTIFICATIONS(Destinations.NOTIFICATIONS),
	/**
	 * What was done to them, and safety signals for staff:
	 * {@code /user/queue/moderation}.
	 */
	MODERATION(Destinations.MODERATION),
	/**
	 * What became of one's own questions to an information session's staff:
	 * {@code /user/queue/questions}.
	 */
	QUESTIONS(Destinations.QUESTIONS);

	private final String destination;

	PersonalQueue(String destination) {
		this.destination = destination;
	}

	/** The queue as the sender names it, without the {@code /user} prefix. */
	public String destination() {
		return destination;
	}

}
