package fi.tukipiiri.notifications.push;

import java.time.Duration;
import java.util.UUID;

/**
 * What became of one message to one subscription.
 *
 * @param subscriptionId the subscription (device)
 * @param result what happened
 * @param status the push service's HTTP status; 0 when it did not answer
 * @param retryAfter how long the push service asked to wait (its {@code Retry-After}, RFC
 * 9110 section 10.2.3) with {@link Result#RETRY_LATER}; null when it did not say
 */
public record PushOutcome(UUID subscriptionId, Result result, int status, Duration retryAfter) {

	/** The kinds of outcome. */
	public enum Result {

		/** The push service took the message (201, or another 2xx). */
		DELIVERED,

		/**
		 * The subscription has expired or was cancelled (404, 410, RFC 8030 section 6.2);
		 * it has been removed.
		 */
		GONE,

		/**
		 * The push service is overloaded (429), failing (5xx) or did not answer in time;
		 * the same message may be sent again later, with backoff.
		 */
		RETRY_LATER,

		/**
		 * The push service refused this message (another 4xx: e.g. 403 for keys that no
		 * longer match the subscription, 413 too large). Sending it again will not help;
		 * the subscription is kept, since the browser subscribes anew when it notices.
		 */
		REFUSED

	}

}
