package fi.tukipiiri.auth;

import java.util.Map;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

import fi.tukipiiri.platform.ApiProblem;

/** The refusals of sign-in, each a named fact with its stable code. */
final class AuthProblems {

	private AuthProblems() {
	}

	/**
	 * The same answer for an unknown username and a wrong password, so accounts cannot be
	 * discovered.
	 */
	static final class InvalidCredentials extends ApiProblem {

		InvalidCredentials() {
			super(HttpStatus.UNAUTHORIZED, "auth.invalid_credentials", "The username or password is not right.");
		}

	}

	static final class InvalidRefreshToken extends ApiProblem {

		InvalidRefreshToken() {
			super(HttpStatus.UNAUTHORIZED, "auth.invalid_refresh_token",
					"This session has ended. Please sign in again.");
		}

	}

	static final class TooManyAttempts extends ApiProblem {

		TooManyAttempts(long retryAfterSeconds) {
			super(HttpStatus.TOO_MANY_REQUESTS, "auth.too_many_attempts",
					"Too many attempts. Please wait a moment and try again.",
					Map.of("retryAfterSeconds", retryAfterSeconds));
			getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds));
		}

	}

}
