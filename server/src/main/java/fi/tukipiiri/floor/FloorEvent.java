package fi.tukipiiri.floor;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonProperty;

import fi.tukipiiri.delivery.Audience;
import fi.tukipiiri.delivery.LiveEvent;
import fi.tukipiiri.delivery.RoomTopic;

/**
 * What a room hears about its floor on {@code /topic/rooms/{id}/floor}, published inside
 * the transaction that changed the queue and delivered once it commits. Each is written
 * as its fields plus {@code type}.
 */
public sealed interface FloorEvent extends LiveEvent {

	/** The event's name on the wire, e.g. {@code hand-raised}. */
	@JsonProperty("type")
	String type();

	UUID roomId();

	@Override
	default Audience audience() {
		return Audience.room(roomId(), RoomTopic.FLOOR);
	}

	/** A member raised their hand: they are now last in the queue. */
	record HandRaised(UUID roomId, UUID accountId, String displayName, Instant raisedAt) implements FloorEvent {
		public String type() {
			return "hand-raised";
		}
	}

	/**
	 * A member's hand went down without a turn: they lowered it, or they are no longer a
	 * member of the room.
	 */
	record HandLowered(UUID roomId, UUID accountId) implements FloorEvent {
		public String type() {
			return "hand-lowered";
		}
	}

	/**
	 * A facilitator gave the member the turn to speak; their hand is down.
	 *
	 * @param by the facilitator (or administrator) who gave it
	 */
	record TurnGiven(UUID roomId, UUID accountId, String displayName, UUID by) implements FloorEvent {
		public String type() {
			return "turn-given";
		}
	}

	/** A member said "I pass" in this round; their hand, if it was up, is down. */
	record Passed(UUID roomId, UUID accountId, String displayName) implements FloorEvent {
		public String type() {
			return "passed";
		}
	}

	/** A facilitator cleared the queue: a new round begins with no hands up. */
	record HandsCleared(UUID roomId) implements FloorEvent {
		public String type() {
			return "hands-cleared";
		}
	}

}
