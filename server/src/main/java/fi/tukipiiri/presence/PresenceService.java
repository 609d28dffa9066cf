package fi.tukipiiri.presence;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

import fi.tukipiiri.delivery.Audience;
import fi.tukipiiri.delivery.LiveEvent;
import fi.tukipiiri.delivery.RoomTopic;
import fi.tukipiiri.platform.RedisGuard;
import fi.tukipiiri.platform.ServiceUnavailable;
import fi.tukipiiri.rooms.RoomMember;
import fi.tukipiiri.rooms.RoomService;

/**
 * Who is in a room now, and typing notices; members only. Presence lives in Redis: while
 * it cannot be asked, the presence list is refused ({@code server.unavailable}), features
 * asking who is present hear "nobody", and typing notices are dropped (decision 23).
 */
@Service
public class PresenceService {

	private final PresenceRegistry registry;

	private final RoomService rooms;

	private final ApplicationEventPublisher events;

	private final RedisGuard guard;

	PresenceService(PresenceRegistry registry, RoomService rooms, ApplicationEventPublisher events, RedisGuard guard) {
		this.guard = guard;
		this.registry = registry;
		this.rooms = rooms;
		this.events = events;
	}

	/** The notice others see while someone writes: a display name, never more. */
	record TypingEvent(String type, UUID roomId, UUID accountId, String displayName) implements LiveEvent {

		@Override
		public Audience audience() {
			return Audience.room(roomId, RoomTopic.TYPING);
		}
	}

	/**
	 * The members present in the room, staff first.
	 * @throws ServiceUnavailable {@code server.unavailable} while Redis cannot be asked
	 */
	public List<RoomMember> present(UUID roomId, UUID requester) {
		rooms.requireMember(roomId, requester);
		return guard.call("presence", () -> registry.present(roomId))
			.stream()
			.map(accountId -> rooms.member(roomId, accountId))
			.flatMap(Optional::stream)
			.sorted(Comparator.comparing(RoomMember::role).reversed().thenComparing(RoomMember::displayName))
			.toList();
	}

	/**
	 * The accounts with a live connection in the room now, on any node, for features that
	 * must know who is there (a safety signal finds out whether a facilitator is
	 * present); callers check who may learn it. Empty while Redis cannot be asked, so
	 * that such a feature does what it does when nobody is there (a safety signal
	 * escalates).
	 */
	public Set<UUID> presentIn(UUID roomId) {
		try {
			return guard.call("presence", () -> registry.present(roomId));
		}
		catch (ServiceUnavailable unavailable) {
			return Set.of();
		}
	}

	/**
	 * Tells the room this member is typing, at most once per throttle period. A
	 * participant of an information session writes only questions to its staff, so nobody
	 * is told (the notice is dropped, not refused).
	 */
	public void typing(UUID roomId, UUID accountId) {
		rooms.requireMember(roomId, accountId);
		try {
			if (!guard.call("typing notices", () -> registry.claimTypingSlot(roomId, accountId))) {
				return;
			}
		}
		catch (ServiceUnavailable unavailable) {
			// comfort only, and the relay that would carry it is down as well
			return;
		}
		rooms.member(roomId, accountId)
			.filter(member -> rooms.find(roomId).map(room -> room.format().letsWrite(member.role())).orElse(false))
			.ifPresent(
					member -> events.publishEvent(new TypingEvent("typing", roomId, accountId, member.displayName())));
	}

}
