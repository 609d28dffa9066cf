package fi.tukipiiri.rooms.messaging;

import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.messaging.support.ChannelInterceptor;
import org.springframework.messaging.support.MessageHeaderAccessor;
import org.springframework.stereotype.Component;

import fi.tukipiiri.delivery.Destinations;
import fi.tukipiiri.delivery.RoomTopic;
import fi.tukipiiri.delivery.StompErrors;
import fi.tukipiiri.delivery.StompErrors.StompError;
import fi.tukipiiri.delivery.SubscriptionEnded;
import fi.tukipiiri.platform.ApiProblem;
import fi.tukipiiri.platform.RefusalLog;
import fi.tukipiiri.rooms.RoomService;
import fi.tukipiiri.rooms.RoomSubscribed;

/**
 * Lets a SUBSCRIBE to a room's topics through only for the room's members (joining open
 * chats on the way), and to a staff-only topic (an information session's question queue)
 * only for the room's staff. A refused subscription is dropped and the client told on its
 * error queue; the connection stays open, so one wrong link does not cut a person off
 * from their other rooms.
 */
@Component
class RoomSubscriptionGuard implements ChannelInterceptor {

	private static final Logger log = LoggerFactory.getLogger(RoomSubscriptionGuard.class);

	private static final Pattern ROOM_TOPIC = Pattern
		.compile(Pattern.quote(Destinations.ROOM_TOPICS) + "([0-9a-fA-F-]{36})(/[a-z]+)?");

	private final RoomService rooms;

	private final StompErrors errors;

	private final ApplicationEventPublisher events;

	RoomSubscriptionGuard(RoomService rooms, StompErrors errors, ApplicationEventPublisher events) {
		this.rooms = rooms;
		this.errors = errors;
		this.events = events;
	}

	@Override
	public Message<?> preSend(Message<?> message, MessageChannel channel) {
		StompHeaderAccessor accessor = MessageHeaderAccessor.getAccessor(message, StompHeaderAccessor.class);
		if (accessor != null && accessor.getCommand() == StompCommand.UNSUBSCRIBE) {
			// published here, in the session's frame order, not from Spring's unsubscribe
			// event, which can overtake
			// a SUBSCRIBE still waiting in the session's queue
			events.publishEvent(new SubscriptionEnded(accessor.getSessionId(), accessor.getSubscriptionId()));
			return message;
		}
		if (accessor == null || accessor.getCommand() != StompCommand.SUBSCRIBE || accessor.getUser() == null) {
			return message;
		}
		String destination = accessor.getDestination();
		if (destination == null || !destination.startsWith(Destinations.ROOM_TOPICS)) {
			return message;
		}
		Optional<UUID> roomId = roomOf(destination);
		Optional<RoomTopic> topic = topicOf(destination);
		UUID accountId = UUID.fromString(accessor.getUser().getName());
		if (roomId.isEmpty() || topic.isEmpty()) {
			// the same answer as a SEND to such a destination
			return refuse(accessor, destination,
					new StompError("request.malformed", "The destination does not name a room by its id.", null, null));
		}
		try {
			rooms.admit(roomId.get(), accountId);
			if (topic.get().staffOnly()) {
				rooms.requireStaff(roomId.get(), accountId, "subscribe");
			}
		}
		catch (ApiProblem refused) {
			return refuse(accessor, destination,
					new StompError(refused.code(), refused.getBody().getDetail(), null, roomId.get()));
		}
		catch (RuntimeException ex) {
			log.error("Could not check a subscription to {}", destination, ex);
			errors.send(accessor.getUser(), accessor.getSessionId(), new StompError("server.error",
					"Something went wrong on our side. Please try again.", null, roomId.get()));
			return null;
		}
		if (destination.indexOf('/', Destinations.ROOM_TOPICS.length()) < 0) {
			events.publishEvent(
					new RoomSubscribed(roomId.get(), accountId, accessor.getSessionId(), accessor.getSubscriptionId()));
		}
		return message;
	}

	/**
	 * Drops the subscription and tells the client why ({@code request.malformed},
	 * {@code rooms.not_member}, {@code rooms.barred}); one log line.
	 */
	private Message<?> refuse(StompHeaderAccessor accessor, String destination, StompError error) {
		RefusalLog.of("stomp-frame").refused("SUBSCRIBE " + RefusalLog.shape(destination), error.code());
		errors.send(accessor.getUser(), accessor.getSessionId(), error);
		return null;
	}

	/** The room topic a destination names; empty for a suffix that is no topic. */
	static Optional<RoomTopic> topicOf(String destination) {
		Matcher matcher = ROOM_TOPIC.matcher(destination);
		if (!matcher.matches()) {
			return Optional.empty();
		}
		return RoomTopic.ofSuffix(matcher.group(2) == null ? "" : matcher.group(2));
	}

	static Optional<UUID> roomOf(String destination) {
		Matcher matcher = ROOM_TOPIC.matcher(destination);
		if (!matcher.matches()) {
			return Optional.empty();
		}
		try {
			UUID roomId = UUID.fromString(matcher.group(1));
			// only the canonical spelling: the broker matches destinations exactly, so
			// another spelling would never deliver
			return roomId.toString().equals(matcher.group(1)) ? Optional.of(roomId) : Optional.empty();
		}
		catch (IllegalArgumentException notAUuid) {
			return Optional.empty();
		}
	}

}
