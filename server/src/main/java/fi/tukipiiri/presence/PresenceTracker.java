package fi.tukipiiri.presence;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.messaging.SessionDisconnectEvent;
import org.springframework.web.socket.messaging.SessionUnsubscribeEvent;

import fi.tukipiiri.rooms.ClusterRelay;
import fi.tukipiiri.rooms.RoomMember;
import fi.tukipiiri.rooms.RoomRole;
import fi.tukipiiri.rooms.RoomService;
import fi.tukipiiri.rooms.RoomSubscribed;

/**
 * Follows this node's STOMP sessions into and out of rooms, keeps their Redis entries alive, and announces on
 * {@code /topic/rooms/{id}/presence} when a person's first session arrives or their last one leaves or expires.
 */
@Component
class PresenceTracker {

	private static final Logger log = LoggerFactory.getLogger(PresenceTracker.class);

	/** A person present in a room, as the presence topic announces them. */
	record PresenceEvent(String type, UUID roomId, UUID accountId, String displayName, RoomRole role) {
	}

	private record Subscription(UUID roomId, UUID accountId) {
	}

	private final PresenceRegistry registry;
	private final RoomService rooms;
	private final ClusterRelay relay;
	private final String nodeId = UUID.randomUUID().toString();
	/** sessionId → subscriptionId → room: what this node must keep alive. */
	private final Map<String, Map<String, Subscription>> sessions = new ConcurrentHashMap<>();

	PresenceTracker(PresenceRegistry registry, RoomService rooms, ClusterRelay relay) {
		this.registry = registry;
		this.rooms = rooms;
		this.relay = relay;
	}

	@EventListener
	void on(RoomSubscribed subscribed) {
		Subscription subscription = new Subscription(subscribed.roomId(), subscribed.accountId());
		sessions.computeIfAbsent(subscribed.sessionId(), id -> new ConcurrentHashMap<>())
				.put(subscribed.subscriptionId(), subscription);
		boolean arriving = !registry.isPresent(subscribed.roomId(), subscribed.accountId());
		registry.renew(List.of(entry(subscribed.sessionId(), subscription)));
		if (arriving) {
			announce("joined", subscribed.roomId(), subscribed.accountId());
		}
	}

	@EventListener
	void on(SessionUnsubscribeEvent event) {
		String sessionId = (String) event.getMessage().getHeaders().get("simpSessionId");
		String subscriptionId = (String) event.getMessage().getHeaders().get("simpSubscriptionId");
		Map<String, Subscription> subscriptions = sessions.get(sessionId);
		if (subscriptions == null || subscriptionId == null) {
			return;
		}
		Subscription removed = subscriptions.remove(subscriptionId);
		if (removed != null && !subscriptions.containsValue(removed)) {
			leave(sessionId, removed);
		}
	}

	@EventListener
	void on(SessionDisconnectEvent event) {
		Map<String, Subscription> subscriptions = sessions.remove(event.getSessionId());
		if (subscriptions != null) {
			subscriptions.values().stream().distinct().forEach(subscription -> leave(event.getSessionId(), subscription));
		}
	}

	@Scheduled(fixedDelayString = "${tukipiiri.presence.heartbeat:10s}")
	void heartbeat() {
		List<PresenceRegistry.Entry> entries = new ArrayList<>();
		sessions.forEach((sessionId, subscriptions) -> subscriptions.values().stream().distinct()
				.forEach(subscription -> entries.add(entry(sessionId, subscription))));
		registry.renew(entries);
	}

	/** Removes entries nobody renewed, from any node, and announces the people who are thereby gone. */
	@Scheduled(fixedDelayString = "${tukipiiri.presence.sweep:5s}")
	void sweep() {
		for (UUID roomId : registry.roomsWithPresence()) {
			for (String member : registry.expired(roomId)) {
				UUID accountId = PresenceRegistry.Entry.accountOf(member);
				if (registry.remove(roomId, member) && !registry.isPresent(roomId, accountId)) {
					announce("left", roomId, accountId);
				}
			}
			registry.forgetIfEmpty(roomId);
		}
	}

	private void leave(String sessionId, Subscription subscription) {
		if (registry.remove(subscription.roomId(), entry(sessionId, subscription).member())
				&& !registry.isPresent(subscription.roomId(), subscription.accountId())) {
			announce("left", subscription.roomId(), subscription.accountId());
		}
	}

	private void announce(String type, UUID roomId, UUID accountId) {
		RoomMember member = rooms.member(roomId, accountId).orElse(null);
		if (member == null) {
			log.debug("Presence change for a non-member of room {} ignored", roomId);
			return;
		}
		relay.publish("/topic/rooms/" + roomId + "/presence",
				new PresenceEvent(type, roomId, accountId, member.displayName(), member.role()));
	}

	private PresenceRegistry.Entry entry(String sessionId, Subscription subscription) {
		return new PresenceRegistry.Entry(subscription.roomId(), subscription.accountId(), nodeId + ":" + sessionId);
	}
}
