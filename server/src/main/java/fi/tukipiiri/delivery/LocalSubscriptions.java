package fi.tukipiiri.delivery;

import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.messaging.simp.SimpMessageType;
import org.springframework.messaging.simp.SimpMessagingTemplate;
import org.springframework.messaging.simp.user.SimpSubscription;
import org.springframework.messaging.simp.user.SimpUser;
import org.springframework.messaging.simp.user.SimpUserRegistry;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.stereotype.Component;

/**
 * This node's STOMP subscriptions, ended from the server side when someone loses access
 * to a room.
 */
@Component
class LocalSubscriptions {

	private final SimpUserRegistry users;

	private final SimpMessagingTemplate broker;

	private final ApplicationEventPublisher events;

	LocalSubscriptions(SimpUserRegistry users, SimpMessagingTemplate broker, ApplicationEventPublisher events) {
		this.users = users;
		this.broker = broker;
		this.events = events;
	}

	/**
	 * Unsubscribes every local session of the person from the room's topics, as if the
	 * client had done so.
	 */
	void end(UUID roomId, UUID accountId) {
		SimpUser user = users.getUser(accountId.toString());
		if (user == null) {
			return;
		}
		String topic = Destinations.roomTopic(roomId, RoomTopic.MESSAGES);
		user.getSessions()
			.forEach(session -> session.getSubscriptions()
				.stream()
				.filter(subscription -> isOf(subscription, topic))
				.toList()
				.forEach(subscription -> unsubscribe(session.getId(), subscription.getId())));
	}

	private static boolean isOf(SimpSubscription subscription, String topic) {
		String destination = subscription.getDestination();
		return destination.equals(topic) || destination.startsWith(topic + "/");
	}

	private void unsubscribe(String sessionId, String subscriptionId) {
		SimpMessageHeaderAccessor headers = SimpMessageHeaderAccessor.create(SimpMessageType.UNSUBSCRIBE);
		headers.setSessionId(sessionId);
		headers.setSubscriptionId(subscriptionId);
		broker.getMessageChannel().send(MessageBuilder.createMessage(new byte[0], headers.getMessageHeaders()));
		events.publishEvent(new SubscriptionEnded(sessionId, subscriptionId));
	}

}
