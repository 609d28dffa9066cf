package fi.tukipiiri.accounts;

import org.springframework.http.HttpStatus;

import fi.tukipiiri.platform.ApiProblem;

/** The refusals of the accounts feature, each a named fact with its stable code. */
public final class AccountProblems {

	private AccountProblems() {
	}

	public static final class UsernameTaken extends ApiProblem {

		UsernameTaken() {
			super(HttpStatus.CONFLICT, "auth.username_taken", "That username is already in use.");
		}

	}

	public static final class AccountNotFound extends ApiProblem {

		AccountNotFound() {
			super(HttpStatus.NOT_FOUND, "accounts.not_found", "No such account.");
		}

	}

	public static final class PasswordMismatch extends ApiProblem {

		PasswordMismatch() {
			super(HttpStatus.FORBIDDEN, "accounts.password_mismatch", "Confirm with your current password.");
		}

	}

	public static final class LastAdmin extends ApiProblem {

		LastAdmin() {
			super(HttpStatus.CONFLICT, "accounts.last_admin", "The service must keep at least one administrator.");
		}

	}

	public static final class GuestRolesFixed extends ApiProblem {

		GuestRolesFixed() {
			super(HttpStatus.CONFLICT, "accounts.guest_roles_fixed",
					"A guest pass is always a parent; register an account to hold other roles.");
		}

	}

	/**
	 * Guests hold no password, recovery codes or lasting name; these settings are for
	 * registered accounts.
	 */
	public static final class RegisteredOnly extends ApiProblem {

		RegisteredOnly() {
			super(HttpStatus.FORBIDDEN, "accounts.registered_only",
					"Only a registered account has this setting; a guest pass has no password.");
		}

	}

}
