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
import fi.tukipiiri.rooms.RoomMember;
import fi.tukipiiri.rooms.RoomService;

/** Who is in a room now, and typing notices; members only. */
@Service
public class PresenceService {

	private final PresenceRegistry registry;

	private final RoomService rooms;

	private final ApplicationEventPublisher events;

	PresenceService(PresenceRegistry registry, RoomService rooms, ApplicationEventPublisher events) {
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

	public List<RoomMember> present(UUID roomId, UUID requester) {
		rooms.requireMember(roomId, requester);
		return registry.present(roomId)
			.stream()
			.map(accountId -> rooms.member(roomId, accountId))
			.flatMap(Optional::stream)
			.sorted(Comparator.comparing(RoomMember::role).reversed().thenComparing(RoomMember::displayName))
			.toList();
	}

	/**
	 * The accounts with a live connection in the room now, on any node, for features that
	 * must know who is there (a safety signal finds out whether a facilitator is
	 * present); callers check who may learn it.
	 */
	public Set<UUID> presentIn(UUID roomId) {
		return registry.present(roomId);
	}

	/**
	 * Tells the room this member is typing, at most once per throttle period. A
	 * participant of an information session writes only questions to its staff, so nobody
	 * is told (the notice is dropped, not refused).
	 */
	public void typing(UUID roomId, UUID accountId) {
		rooms.requireMember(roomId, accountId);
		if (!registry.claimTypingSlot(roomId, accountId)) {
			return;
		}
		rooms.member(roomId, accountId)
			.filter(member -> rooms.find(roomId).map(room -> room.format().letsWrite(member.role())).orElse(false))
			.ifPresent(
					member -> events.publishEvent(new TypingEvent("typing", roomId, accountId, member.displayName())));
	}

}
