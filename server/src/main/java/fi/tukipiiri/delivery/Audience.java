package fi.tukipiiri.delivery;

import java.util.Objects;
import java.util.UUID;

/**
 * Who hears a {@link LiveEvent}: the subscribers of one of a room's topics, or every open
 * connection of one person.
 */
public sealed interface Audience {

	/** Everyone subscribed to {@code topic} of the room, on any node. */
	record Room(UUID roomId, RoomTopic topic) implements Audience {

		public Room {
			Objects.requireNonNull(roomId, "roomId");
			Objects.requireNonNull(topic, "topic");
		}
	}

	/**
	 * Every connection of the person subscribed to their own {@code queue}, on any node.
	 */
	record Person(UUID accountId, PersonalQueue queue) implements Audience {

		public Person {
			Objects.requireNonNull(accountId, "accountId");
			Objects.requireNonNull(queue, "queue");
		}
	}

	static Audience room(UUID roomId, RoomTopic topic) {
		return new Room(roomId, topic);
	}

	static Audience person(UUID accountId, PersonalQueue queue) {
		return new Person(accountId, queue);
	}

}
