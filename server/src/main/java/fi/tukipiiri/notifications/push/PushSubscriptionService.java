package fi.tukipiiri.notifications.push;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Objects;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import fi.tukipiiri.auth.DeviceLabels;
import fi.tukipiiri.notifications.push.PushProblems.EndpointNotAllowed;
import fi.tukipiiri.notifications.push.PushProblems.InvalidKeys;
import fi.tukipiiri.notifications.push.PushProblems.SubscriptionNotFound;
import fi.tukipiiri.notifications.push.PushProblems.TooManyDevices;

/**
 * A person's devices with push on: subscribing a browser (again), listing and removing.
 * An endpoint is one browser: subscribing it again updates it, also when it was another
 * account's (a shared phone now signed in by someone else, who alone gets its messages).
 */
@Service
class PushSubscriptionService {

	private final PushSubscriptions subscriptions;

	private final PushEndpoints endpoints;

	private final PushSettings settings;

	private final Clock clock;

	PushSubscriptionService(PushSubscriptions subscriptions, PushEndpoints endpoints, PushSettings settings,
			Clock clock) {
		this.subscriptions = subscriptions;
		this.endpoints = endpoints;
		this.settings = settings;
		this.clock = clock;
	}

	/**
	 * What one asks to store; the keys as the browser's
	 * {@code PushSubscription.toJSON()}.
	 */
	record Request(String endpoint, String p256dh, String auth, String userAgent) {
	}

	/** The stored subscription and whether it was new to the account. */
	record Subscribed(PushSubscription subscription, boolean created) {
	}

	/**
	 * @throws EndpointNotAllowed if the endpoint is not at an allowed push service
	 * @throws InvalidKeys if the keys have the wrong size or are not a P-256 point
	 * @throws TooManyDevices if the account holds the most devices allowed
	 */
	@Transactional
	Subscribed subscribe(UUID accountId, Request request) {
		if (!endpoints.allowed(request.endpoint())) {
			throw new EndpointNotAllowed();
		}
		if (!SubscriptionKeys.valid(request.p256dh(), request.auth())) {
			throw new InvalidKeys();
		}
		String p256dh = SubscriptionKeys.canonical(request.p256dh());
		String auth = SubscriptionKeys.canonical(request.auth());
		String label = Objects.requireNonNullElse(DeviceLabels.of(request.userAgent()), "");
		Instant now = clock.instant();
		int held = subscriptions.countLockingAccount(accountId);
		Optional<PushSubscription> existing = subscriptions.byEndpointForUpdate(request.endpoint());
		if (existing.isPresent()) {
			boolean ours = existing.get().accountId().equals(accountId);
			if (!ours && held >= settings.maxDevicesPerAccount()) {
				throw new TooManyDevices(settings.maxDevicesPerAccount());
			}
			return new Subscribed(subscriptions.update(existing.get(), accountId, p256dh, auth, label, now), !ours);
		}
		if (held >= settings.maxDevicesPerAccount()) {
			throw new TooManyDevices(settings.maxDevicesPerAccount());
		}
		PushSubscription stored = subscriptions.upsert(
				new PushSubscription(UUID.randomUUID(), accountId, request.endpoint(), p256dh, auth, label, now, null));
		return new Subscribed(stored, true);
	}

	List<PushSubscription> of(UUID accountId) {
		return subscriptions.of(accountId);
	}

	/**
	 * @throws SubscriptionNotFound if the account has no such subscription
	 */
	void remove(UUID accountId, UUID id) {
		if (!subscriptions.delete(accountId, id)) {
			throw new SubscriptionNotFound();
		}
	}

	/**
	 * @throws SubscriptionNotFound if the account has no subscription at that endpoint
	 */
	void removeEndpoint(UUID accountId, String endpoint) {
		if (!subscriptions.deleteByEndpoint(accountId, endpoint)) {
			throw new SubscriptionNotFound();
		}
	}

}
