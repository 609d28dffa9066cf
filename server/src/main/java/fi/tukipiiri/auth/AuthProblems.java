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

	/**
	 * The same answer for an unknown username, a guest, a wrong recovery code and a spent
	 * one, so accounts cannot be discovered through recovery.
	 */
	static final class InvalidRecovery extends ApiProblem {

		InvalidRecovery() {
			super(HttpStatus.UNAUTHORIZED, "auth.invalid_recovery",
					"The username or recovery code is not right, or the code was already used.");
		}

	}

	/** No sign-in of the caller's that can still be used has this id. */
	static final class SignInNotFound extends ApiProblem {

		SignInNotFound() {
			super(HttpStatus.NOT_FOUND, "auth.sign_in_not_found", "No such sign-in of yours is active.");
		}

	}

}
