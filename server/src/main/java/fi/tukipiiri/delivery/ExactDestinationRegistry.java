package fi.tukipiiri.delivery;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.messaging.Message;
import org.springframework.messaging.simp.broker.AbstractSubscriptionRegistry;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * The broker's subscriptions, indexed by exact destination. Spring's default registry
 * supports wildcard patterns and, on a cache miss, scans every subscription on the node;
 * every session's private ack and error queues are such misses, which made that scan most
 * of the server's CPU at a few thousand connections. Tukipiiri only allows exact
 * destinations, so a lookup is a map access; a pattern matches nothing.
 */
class ExactDestinationRegistry extends AbstractSubscriptionRegistry {

	/** One session's subscription, by the id the client gave it. */
	record Subscription(String sessionId, String subscriptionId) {
	}

	/** destination → its subscriptions. */
	private final Map<String, Set<Subscription>> byDestination = new ConcurrentHashMap<>();

	/** session → subscription id → destination, to undo a session's subscriptions. */
	private final Map<String, Map<String, String>> bySession = new ConcurrentHashMap<>();

	@Override
	protected void addSubscriptionInternal(String sessionId, String subscriptionId, String destination,
			Message<?> message) {
		Subscription subscription = new Subscription(sessionId, subscriptionId);
		String previous = bySession.computeIfAbsent(sessionId, id -> new ConcurrentHashMap<>())
			.put(subscriptionId, destination);
		if (previous != null) {
			remove(previous, subscription);
		}
		// add inside compute, so a concurrent removal of the destination's last
		// subscriber cannot drop this one
		byDestination.compute(destination, (d, subscriptions) -> {
			Set<Subscription> updated = subscriptions != null ? subscriptions : ConcurrentHashMap.newKeySet();
			updated.add(subscription);
			return updated;
		});
	}

	@Override
	protected void removeSubscriptionInternal(String sessionId, String subscriptionId, Message<?> message) {
		Map<String, String> subscriptions = bySession.get(sessionId);
		String destination = subscriptions == null ? null : subscriptions.remove(subscriptionId);
		if (destination != null) {
			remove(destination, new Subscription(sessionId, subscriptionId));
		}
	}

	@Override
	public void unregisterAllSubscriptions(String sessionId) {
		Map<String, String> subscriptions = bySession.remove(sessionId);
		if (subscriptions != null) {
			subscriptions.forEach(
					(subscriptionId, destination) -> remove(destination, new Subscription(sessionId, subscriptionId)));
		}
	}

	@Override
	protected MultiValueMap<String, String> findSubscriptionsInternal(String destination, Message<?> message) {
		MultiValueMap<String, String> result = new LinkedMultiValueMap<>();
		Set<Subscription> subscriptions = byDestination.get(destination);
		if (subscriptions != null) {
			subscriptions.forEach(subscription -> result.add(subscription.sessionId(), subscription.subscriptionId()));
		}
		return result;
	}

	/** The subscriptions to exactly {@code destination} on this node, at this moment. */
	List<Subscription> subscribersOf(String destination) {
		Set<Subscription> subscriptions = this.byDestination.get(destination);
		return subscriptions == null ? List.of() : List.copyOf(subscriptions);
	}

	/** The subscriptions on this node at this moment. */
	int count() {
		int count = 0;
		for (Map<String, String> subscriptions : this.bySession.values()) {
			count += subscriptions.size();
		}
		return count;
	}

	private void remove(String destination, Subscription subscription) {
		byDestination.computeIfPresent(destination, (d, subscriptions) -> {
			subscriptions.remove(subscription);
			return subscriptions.isEmpty() ? null : subscriptions;
		});
	}

}
