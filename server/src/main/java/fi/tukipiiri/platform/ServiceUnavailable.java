package fi.tukipiiri.platform;

import java.util.Map;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/**
 * {@code server.unavailable} (503): something the service needs to do this safely cannot
 * be asked now (Redis, where token revocations and sign-in attempt counters live, does
 * not answer). Nothing was done; the same request may be sent again after
 * {@code retryAfterSeconds}, also given as the {@code Retry-After} header. Over STOMP the
 * same code goes to {@code /user/queue/errors} with the frame's {@code clientId}, and a
 * CONNECT is answered with an ERROR frame of this code.
 */
public final class ServiceUnavailable extends ApiProblem {

	/** Seconds a client is asked to wait before trying again. */
	public static final long RETRY_AFTER_SECONDS = 5;

	public ServiceUnavailable() {
		super(HttpStatus.SERVICE_UNAVAILABLE, "server.unavailable",
				"The service cannot do this right now. Please try again in a moment.",
				Map.of("retryAfterSeconds", RETRY_AFTER_SECONDS));
		getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(RETRY_AFTER_SECONDS));
	}

}
