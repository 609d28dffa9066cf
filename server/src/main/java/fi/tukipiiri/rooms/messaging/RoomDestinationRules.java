package fi.tukipiiri.rooms.messaging;

import org.springframework.security.messaging.access.intercept.MessageMatcherDelegatingAuthorizationManager;
import org.springframework.stereotype.Component;

import fi.tukipiiri.auth.StompDestinationRules;
import fi.tukipiiri.delivery.Destinations;

/**
 * Signed-in clients may subscribe to a room's topics and send to its application
 * destinations; whether they belong to that room is checked next, by
 * {@link RoomSubscriptionGuard} and the handlers.
 */
@Component
class RoomDestinationRules implements StompDestinationRules {

	@Override
	public void configure(MessageMatcherDelegatingAuthorizationManager.Builder messages) {
		messages.simpSubscribeDestMatchers(Destinations.ROOM_TOPIC, Destinations.ROOM_SUBTOPIC)
			.authenticated()
			.simpMessageDestMatchers(Destinations.APP + "/rooms/{roomId}/*")
			.authenticated();
	}

}
