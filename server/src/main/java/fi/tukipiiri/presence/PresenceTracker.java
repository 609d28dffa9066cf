package fi.tukipiiri.presence;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.messaging.SessionConnectEvent;
import org.springframework.web.socket.messaging.SessionDisconnectEvent;

import fi.tukipiiri.accounts.DisplayNameChanged;
import fi.tukipiiri.delivery.Audience;
import fi.tukipiiri.delivery.LiveEvent;
import fi.tukipiiri.delivery.RoomTopic;
import fi.tukipiiri.delivery.SubscriptionEnded;
import fi.tukipiiri.rooms.RoomMember;
import fi.tukipiiri.rooms.RoomRole;
import fi.tukipiiri.rooms.RoomService;
import fi.tukipiiri.rooms.RoomSubscribed;
import fi.tukipiiri.platform.OutageLog;

/**
 * Follows this node's STOMP sessions into and out of rooms, keeps their Redis entries
 * alive, and announces on {@code /topic/rooms/{id}/presence} when a person's first
 * session arrives or their last one leaves or expires, and ({@code renamed}) when a
 * person present there takes a new name. Presence is a courtesy: a Redis fault is logged
 * and never stops a subscription or a message.
 */
@Component
class PresenceTracker {

	/** A person present in a room, as the presence topic announces them. */
	record PresenceEvent(String type, UUID roomId, UUID accountId, String displayName,
			RoomRole role) implements LiveEvent {

		@Override
		public Audience audience() {
			return Audience.room(roomId, RoomTopic.PRESENCE);
		}
	}

	private record Subscription(UUID roomId, UUID accountId) {
	}

	private final PresenceRegistry registry;

	private final RoomService rooms;

	private final ApplicationEventPublisher events;

	private final String nodeId = UUID.randomUUID().toString();

	/** sessionId → subscriptionId → room, for the sessions connected to this node. */
	private final Map<String, Map<String, Subscription>> sessions = new ConcurrentHashMap<>();

	PresenceTracker(PresenceRegistry registry, RoomService rooms, ApplicationEventPublisher events) {
		this.registry = registry;
		this.rooms = rooms;
		this.events = events;
	}

	@EventListener
	void on(SessionConnectEvent event) {
		String sessionId = SimpMessageHeaderAccessor.getSessionId(event.getMessage().getHeaders());
		if (sessionId != null) {
			sessions.putIfAbsent(sessionId, new ConcurrentHashMap<>());
		}
	}

	@EventListener
	void on(RoomSubscribed subscribed) {
		Subscription subscription = new Subscription(subscribed.roomId(), subscribed.accountId());
		// a SUBSCRIBE that was still queued when its session ended finds no session here,
		// and is ignored; arriving under
		// the session's map entry keeps a disconnect from falling between the two (it
		// would leave a ghost behind)
		sessions.computeIfPresent(subscribed.sessionId(), (id, subscriptions) -> {
			subscriptions.put(subscribed.subscriptionId(), subscription);
			arrive(subscribed.sessionId(), subscription);
			return subscriptions;
		});
	}

	@EventListener
	void on(SubscriptionEnded ended) {
		sessions.computeIfPresent(ended.sessionId(), (id, subscriptions) -> {
			Subscription removed = subscriptions.remove(ended.subscriptionId());
			if (removed != null && !subscriptions.containsValue(removed)) {
				depart(removed.roomId(), entry(ended.sessionId(), removed).member());
			}
			return subscriptions;
		});
	}

	@EventListener
	void on(SessionDisconnectEvent event) {
		Map<String, Subscription> subscriptions = sessions.remove(event.getSessionId());
		if (subscriptions != null) {
			subscriptions.values()
				.stream()
				.distinct()
				.forEach(subscription -> depart(subscription.roomId(),
						entry(event.getSessionId(), subscription).member()));
		}
	}

	@Scheduled(fixedDelayString = "${tukipiiri.presence.heartbeat:10s}")
	void heartbeat() {
		List<PresenceRegistry.Entry> entries = new ArrayList<>();
		sessions.forEach((sessionId, subscriptions) -> subscriptions.values()
			.stream()
			.distinct()
			.forEach(subscription -> entries.add(entry(sessionId, subscription))));
		try {
			// entries swept while this node could not renew them (a long pause) come back
			// as arrivals
			for (PresenceRegistry.Entry missing : registry.renew(entries)) {
				rearrive(missing);
			}
		}
		catch (RuntimeException ex) {
			OutageLog.of("Presence").unavailable("heartbeat not renewed", ex);
		}
	}

	/**
	 * Brings back an entry that was swept while its session lived on, but only if the
	 * session still holds a subscription to the room: the entry may also be missing
	 * because the session just ended, and must then stay gone. The check and the arrival
	 * happen under the session's map entry, so a disconnect cannot fall between them (it
	 * removes the session, and then departs, after this).
	 */
	private void rearrive(PresenceRegistry.Entry missing) {
		String sessionId = missing.sessionKey().substring(nodeId.length() + 1);
		sessions.computeIfPresent(sessionId, (id, subscriptions) -> {
			if (subscriptions.values().stream().anyMatch(held -> held.roomId().equals(missing.roomId()))
					&& registry.arrive(missing)) {
				announce("joined", missing.roomId(), missing.accountId());
			}
			return subscriptions;
		});
	}

	/**
	 * Removes entries nobody renewed, from any node, and announces the people who are
	 * thereby gone.
	 */
	@Scheduled(fixedDelayString = "${tukipiiri.presence.sweep:5s}")
	void sweep() {
		try {
			for (UUID roomId : registry.roomsWithPresence()) {
				registry.expired(roomId).forEach(member -> depart(roomId, member));
				registry.forgetIfEmpty(roomId);
			}
		}
		catch (RuntimeException ex) {
			OutageLog.of("Presence").unavailable("expired sessions not swept this time", ex);
		}
	}

	private void arrive(String sessionId, Subscription subscription) {
		try {
			if (registry.arrive(entry(sessionId, subscription))) {
				announce("joined", subscription.roomId(), subscription.accountId());
			}
		}
		catch (RuntimeException ex) {
			OutageLog.of("Presence").unavailable("an arrival was not recorded", ex);
		}
	}

	private void depart(UUID roomId, String member) {
		try {
			if (registry.depart(roomId, member)) {
				announce("left", roomId, PresenceRegistry.Entry.accountOf(member));
			}
		}
		catch (RuntimeException ex) {
			OutageLog.of("Presence").unavailable("a departure was not recorded", ex);
		}
	}

	private void announce(String type, UUID roomId, UUID accountId) {
		events.publishEvent(
				"joined".equals(type) ? new PersonArrived(roomId, accountId) : new PersonLeft(roomId, accountId));
		RoomMember member = rooms.member(roomId, accountId).orElse(null);
		if (member == null) {
			return;
		}
		events.publishEvent(new PresenceEvent(type, roomId, accountId, member.displayName(), member.role()));
	}

	/**
	 * Tells every room where the person is present, on any node, their new name, so the
	 * lists shown there follow without a reload; the rooms' other readers learn it with
	 * their next presence list.
	 */
	@ApplicationModuleListener
	void on(DisplayNameChanged changed) {
		try {
			for (UUID roomId : registry.roomsWithPresence()) {
				if (registry.present(roomId).contains(changed.accountId())) {
					rooms.member(roomId, changed.accountId())
						.ifPresent(member -> events.publishEvent(new PresenceEvent("renamed", roomId,
								changed.accountId(), member.displayName(), member.role())));
				}
			}
		}
		catch (RuntimeException ex) {
			OutageLog.of("Presence").unavailable("a new name was not announced", ex);
		}
	}

	private PresenceRegistry.Entry entry(String sessionId, Subscription subscription) {
		return new PresenceRegistry.Entry(subscription.roomId(), subscription.accountId(), nodeId + ":" + sessionId);
	}

}
