package fi.tukipiiri.auth;

import org.springframework.stereotype.Component;

/**
 * How often one network address may ask for a link to set a new password: at most
 * {@value #PER_ADDRESS_PER_HOUR} an hour, counted in Redis only (as sign-in failures
 * are), so nobody can flood the mail queue or other people's inboxes from one place. The
 * answer to a refused request says nothing about any address either.
 */
@Component
public class PasswordLinkRequests {

	private final AttemptLimiter limiter;

	PasswordLinkRequests(AttemptLimiter limiter) {
		this.limiter = limiter;
	}

	/**
	 * Counts one request from {@code address}; at most {@code perHour} an hour.
	 * @throws AuthProblems.TooManyAttempts {@code auth.too_many_attempts} past the limit
	 * @throws fi.tukipiiri.platform.ServiceUnavailable {@code server.unavailable} while
	 * Redis cannot be asked
	 */
	public void count(String address, int perHour) {
		limiter.countPasswordLinkRequest(address, perHour);
	}

}
