package fi.tukipiiri.notifications;

import java.util.List;
import java.util.UUID;

/**
 * One way notices leave the app (e-mail, Web Push). The outbox calls it after the notices
 * are committed, from one node at a time, with everything due for one person at once, and
 * retries what it answers {@link Outcome#RETRY} with backoff.
 */
public interface OutboundChannel {

	/** Each channel's name in the outbox. */
	enum Channel {

		EMAIL, PUSH

	}

	/** What became of one attempt. */
	enum Outcome {

		/** Handed over (to the SMTP server or the push service). */
		SENT,
		/**
		 * Could not be handed over now (server down, busy, timed out): try again later.
		 */
		RETRY,
		/** Will never go out this way (no address, no device): forget it. */
		DROPPED

	}

	Channel channel();

	/**
	 * Whether the person can be reached this way at all (a verified address, a subscribed
	 * device).
	 */
	boolean reaches(UUID accountId, ReachSettings settings);

	/**
	 * Sends {@code notices} (oldest first, at least one) to the person as one message.
	 * @param messageId a stable id of this message, the same on every attempt, so a
	 * receiver can tell a retry from a new message
	 */
	Outcome send(UUID accountId, ReachSettings settings, List<Notification> notices, UUID messageId);

}
