package fi.tukipiiri.notifications.push;

import java.util.Map;

import org.springframework.http.HttpStatus;

import fi.tukipiiri.platform.ApiProblem;

/** The refusals of Web Push, each a named fact with its stable code. */
final class PushProblems {

	private PushProblems() {
	}

	/** The service runs without VAPID keys, so it offers no push. */
	static final class PushDisabled extends ApiProblem {

		PushDisabled() {
			super(HttpStatus.NOT_FOUND, "push.disabled", "Notifications on devices are not in use on this service.");
		}

	}

	/**
	 * A guest pass is short-lived and anonymous: a device endpoint kept for it would
	 * outlive the pass and tie the phone to it.
	 */
	static final class GuestCannotSubscribe extends ApiProblem {

		GuestCannotSubscribe() {
			super(HttpStatus.FORBIDDEN, "push.guest",
					"A guest pass cannot receive notifications on a device; please register.");
		}

	}

	/** Not an {@code https:} URL of an allowed push service (the server POSTs to it). */
	static final class EndpointNotAllowed extends ApiProblem {

		EndpointNotAllowed() {
			super(HttpStatus.BAD_REQUEST, "push.endpoint_not_allowed",
					"That push service is not one this server sends to.");
		}

	}

	/** The subscription's keys are not a P-256 point and a 16-byte secret (RFC 8291). */
	static final class InvalidKeys extends ApiProblem {

		InvalidKeys() {
			super(HttpStatus.BAD_REQUEST, "push.invalid_keys",
					"The subscription's keys are not a P-256 public key and a 16-byte secret in base64url.");
		}

	}

	/** The account holds as many devices as allowed. */
	static final class TooManyDevices extends ApiProblem {

		TooManyDevices(int maxDevices) {
			super(HttpStatus.CONFLICT, "push.too_many_devices",
					"Notifications are on for as many devices as allowed; remove one first.",
					Map.of("maxDevices", maxDevices));
		}

	}

	/** No such subscription of the caller's (someone else's is not found either). */
	static final class SubscriptionNotFound extends ApiProblem {

		SubscriptionNotFound() {
			super(HttpStatus.NOT_FOUND, "push.subscription_not_found", "No such device with notifications.");
		}

	}

}
