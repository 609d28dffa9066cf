package fi.tukipiiri.delivery;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The one catalogue of STOMP destinations, mirroring the web client's
 * {@code destinations} table ({@code web-client/src/chat/protocol.ts}). Constants are for
 * annotations and security rules; features name an {@link Audience} rather than a
 * destination.
 */
public final class Destinations {

	/** Client SENDs go to the application: {@code /app/…}. */
	public static final String APP = "/app";

	/** A person's own queue is subscribed to under this prefix: {@code /user/queue/…}. */
	public static final String USER = "/user";

	/** The prefix of every room topic: {@code /topic/rooms/{id}[/…]}. */
	public static final String ROOM_TOPICS = "/topic/rooms/";

	/** The sender's acknowledgements of stored messages. */
	public static final String ACKS = "/queue/acks";

	/** Refusals of what the session sent. */
	public static final String ERRORS = "/queue/errors";

	/** Stored notices. */
	public static final String NOTIFICATIONS = "/queue/notifications";

	/** What was done to the person, and safety signals for staff. */
	public static final String MODERATION = "/queue/moderation";

	/** Confirmations of moderation actions sent over STOMP. */
	public static final String MODERATION_RESULTS = "/queue/moderation-results";

	/** A renewed access token's new expiry. */
	public static final String SESSION = "/queue/session";

	/** What became of one's own questions to an information session's staff. */
	public static final String QUESTIONS = "/queue/questions";

	/**
	 * Application destinations, as {@code @MessageMapping} names them (after
	 * {@link #APP}).
	 */
	public static final String SEND_MESSAGE = "/rooms/{roomId}/messages";

	public static final String SEND_TYPING = "/rooms/{roomId}/typing";

	public static final String SEND_MODERATION = "/rooms/{roomId}/moderation";

	public static final String RENEW = "/auth/renew";

	/**
	 * Subscription patterns of a room's topics, for authorisation; membership is checked
	 * after.
	 */
	public static final String ROOM_TOPIC = ROOM_TOPICS + "{roomId}";

	public static final String ROOM_SUBTOPIC = ROOM_TOPICS + "{roomId}/*";

	private Destinations() {
	}

	/**
	 * The destination an audience hears on, as the sender names it (a person's queue with
	 * {@code /user/{id}}).
	 */
	public static String of(Audience audience) {
		if (audience instanceof Audience.Room room) {
			return roomTopic(room.roomId(), room.topic());
		}
		Audience.Person person = (Audience.Person) audience;
		return USER + "/" + person.accountId() + person.queue().destination();
	}

	/** {@code /topic/rooms/{roomId}} followed by the topic's suffix. */
	public static String roomTopic(UUID roomId, RoomTopic topic) {
		return ROOM_TOPICS + roomId + topic.suffix();
	}

	/**
	 * The subscription destination of a person's own queue: {@code /user} followed by
	 * {@code queue}.
	 */
	public static String userQueue(String queue) {
		return USER + queue;
	}

	/**
	 * Every destination a client subscribes or sends to, with {@code {roomId}} where a
	 * room's id goes; the web client's table names the same ones.
	 */
	public static List<String> forClients() {
		List<String> rooms = Arrays.stream(RoomTopic.values()).map(topic -> ROOM_TOPIC + topic.suffix()).toList();
		List<String> queues = List.of(ACKS, ERRORS, NOTIFICATIONS, MODERATION, MODERATION_RESULTS, SESSION, QUESTIONS)
			.stream()
			.map(Destinations::userQueue)
			.toList();
		List<String> sends = List.of(SEND_MESSAGE, SEND_TYPING, SEND_MODERATION, RENEW)
			.stream()
			.map(APP::concat)
			.toList();
		return Stream.of(rooms, queues, sends).flatMap(List::stream).toList();
	}

}
