package fi.tukipiiri.notifications;

import org.springframework.security.messaging.access.intercept.MessageMatcherDelegatingAuthorizationManager;
import org.springframework.stereotype.Component;

import fi.tukipiiri.auth.StompDestinationRules;
import fi.tukipiiri.delivery.Destinations;

/**
 * Anyone connected may follow their own notices; the user prefix makes the queue theirs
 * alone.
 */
@Component
class NotificationDestinationRules implements StompDestinationRules {

	@Override
	public void configure(MessageMatcherDelegatingAuthorizationManager.Builder messages) {
		messages.simpSubscribeDestMatchers(Destinations.userQueue(Destinations.NOTIFICATIONS)).authenticated();
	}

}
