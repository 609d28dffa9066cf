package fi.tukipiiri.moderation.messaging;

import org.springframework.security.messaging.access.intercept.MessageMatcherDelegatingAuthorizationManager;
import org.springframework.stereotype.Component;

import fi.tukipiiri.auth.StompDestinationRules;
import fi.tukipiiri.delivery.Destinations;

/**
 * Anyone connected may follow their own moderation notices and results; the user prefix
 * makes the queues theirs.
 */
@Component
class ModerationDestinationRules implements StompDestinationRules {

	@Override
	public void configure(MessageMatcherDelegatingAuthorizationManager.Builder messages) {
		messages
			.simpSubscribeDestMatchers(Destinations.userQueue(Destinations.MODERATION),
					Destinations.userQueue(Destinations.MODERATION_RESULTS))
			.authenticated();
	}

}
