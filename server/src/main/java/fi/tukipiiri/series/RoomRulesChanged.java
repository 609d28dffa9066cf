package fi.tukipiiri.series;

import java.util.UUID;

import fi.tukipiiri.delivery.Audience;
import fi.tukipiiri.delivery.LiveEvent;
import fi.tukipiiri.delivery.RoomTopic;

/**
 * The house rules a room follows were changed (its own, or its series'): its members hear
 * {@code {type: "rules-changed", roomId}} on the room's moderation topic and read the
 * room's guide again, so a member asked to accept the rules again is asked at once, not
 * only when a message is refused.
 *
 * @param roomId the room whose rules changed
 */
public record RoomRulesChanged(UUID roomId) implements LiveEvent {

	@Override
	public Audience audience() {
		return Audience.room(roomId, RoomTopic.MODERATION);
	}

	@Override
	public Broadcast payload() {
		return new Broadcast("rules-changed", roomId);
	}

	/** What the room's members receive. */
	public record Broadcast(String type, UUID roomId) {
	}

}
