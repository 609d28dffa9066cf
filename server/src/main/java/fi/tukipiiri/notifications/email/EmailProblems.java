package fi.tukipiiri.notifications.email;

import org.springframework.http.HttpStatus;

import fi.tukipiiri.platform.ApiProblem;

/** Refusals about e-mail addresses, links and captured mail. */
final class EmailProblems {

	private EmailProblems() {
	}

	static final class GuestsHaveNoEmail extends ApiProblem {

		GuestsHaveNoEmail() {
			super(HttpStatus.FORBIDDEN, "reach.guest_no_email", "A guest pass cannot have an e-mail address.");
		}

	}

	static final class MailUnavailable extends ApiProblem {

		MailUnavailable() {
			super(HttpStatus.SERVICE_UNAVAILABLE, "reach.mail_unavailable",
					"E-mail cannot be sent now. Try again later.");
		}

	}

	static final class TooManyLinks extends ApiProblem {

		TooManyLinks() {
			super(HttpStatus.TOO_MANY_REQUESTS, "reach.too_many_links",
					"Too many links sent in the last hour. Try again later.");
		}

	}

	static final class LinkInvalid extends ApiProblem {

		LinkInvalid() {
			super(HttpStatus.BAD_REQUEST, "reach.link_invalid", "This link has expired or has been used already.");
		}

	}

	static final class EmailTaken extends ApiProblem {

		EmailTaken() {
			super(HttpStatus.CONFLICT, "reach.email_taken", "This address belongs to another account already.");
		}

	}

	static final class UnsubscribeUnknown extends ApiProblem {

		UnsubscribeUnknown() {
			super(HttpStatus.NOT_FOUND, "reach.unsubscribe_unknown", "This unsubscribe link is not valid.");
		}

	}

	static final class NoCapturedMail extends ApiProblem {

		NoCapturedMail() {
			super(HttpStatus.NOT_FOUND, "reach.no_captured_mail",
					"Mail goes to a real SMTP server here; nothing is captured.");
		}

	}

}
