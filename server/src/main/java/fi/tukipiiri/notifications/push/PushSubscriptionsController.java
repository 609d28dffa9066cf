package fi.tukipiiri.notifications.push;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import fi.tukipiiri.notifications.push.PushProblems.GuestCannotSubscribe;
import fi.tukipiiri.notifications.push.PushProblems.PushDisabled;

/**
 * The VAPID public key for browsers, and each person's own devices with push on. Guests
 * may read the key but not subscribe.
 */
@RestController
class PushSubscriptionsController {

	private final PushSubscriptionService subscriptions;

	private final ApplicationServerKeys keys;

	PushSubscriptionsController(PushSubscriptionService subscriptions, ApplicationServerKeys keys) {
		this.subscriptions = subscriptions;
		this.keys = keys;
	}

	record PublicKey(String publicKey) {
	}

	/** The keys as the browser's {@code PushSubscription.toJSON()} gives them. */
	record Keys(@NotBlank @Size(max = 100) String p256dh, @NotBlank @Size(max = 40) String auth) {
	}

	/** {@code PushSubscription.toJSON()}; its {@code expirationTime} is not kept. */
	record SubscribeRequest(@NotBlank @Size(max = PushEndpoints.MAX_LENGTH) String endpoint,
			@NotNull @Valid Keys keys) {
	}

	/**
	 * One device as its owner sees it.
	 *
	 * @param pushService the push service's host, e.g. {@code fcm.googleapis.com}
	 */
	record Device(UUID id, String endpoint, String pushService, String deviceLabel, Instant createdAt,
			Instant lastDeliveredAt) {

		static Device of(PushSubscription subscription) {
			return new Device(subscription.id(), subscription.endpoint(), PushEndpoints.hostOf(subscription.endpoint()),
					subscription.deviceLabel(), subscription.createdAt(), subscription.lastDeliveredAt());
		}

	}

	@GetMapping("/api/push/public-key")
	PublicKey publicKey() {
		return new PublicKey(keys.publicKey().orElseThrow(PushDisabled::new));
	}

	@GetMapping("/api/me/push-subscriptions")
	List<Device> devices(Authentication caller) {
		return subscriptions.of(id(caller)).stream().map(Device::of).toList();
	}

	@PostMapping("/api/me/push-subscriptions")
	ResponseEntity<Device> subscribe(@Valid @RequestBody SubscribeRequest request,
			@RequestHeader(name = HttpHeaders.USER_AGENT, required = false) String userAgent, Authentication caller) {
		if (keys.publicKey().isEmpty()) {
			throw new PushDisabled();
		}
		if (caller.getAuthorities().stream().anyMatch(authority -> "GUEST".equals(authority.getAuthority()))) {
			throw new GuestCannotSubscribe();
		}
		PushSubscriptionService.Subscribed subscribed = subscriptions.subscribe(id(caller),
				new PushSubscriptionService.Request(request.endpoint(), request.keys().p256dh(), request.keys().auth(),
						userAgent));
		return ResponseEntity.status(subscribed.created() ? HttpStatus.CREATED : HttpStatus.OK)
			.body(Device.of(subscribed.subscription()));
	}

	@DeleteMapping("/api/me/push-subscriptions/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void remove(@PathVariable UUID id, Authentication caller) {
		subscriptions.remove(id(caller), id);
	}

	@DeleteMapping("/api/me/push-subscriptions")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void removeEndpoint(@RequestParam @Size(max = PushEndpoints.MAX_LENGTH) String endpoint, Authentication caller) {
		subscriptions.removeEndpoint(id(caller), endpoint);
	}

	private static UUID id(Authentication caller) {
		return UUID.fromString(caller.getName());
	}

}
