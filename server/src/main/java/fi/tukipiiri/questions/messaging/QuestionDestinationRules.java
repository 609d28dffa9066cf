package fi.tukipiiri.questions.messaging;

import org.springframework.security.messaging.access.intercept.MessageMatcherDelegatingAuthorizationManager;
import org.springframework.stereotype.Component;

import fi.tukipiiri.auth.StompDestinationRules;
import fi.tukipiiri.delivery.Destinations;

/**
 * Anyone connected may follow what becomes of their own questions; the user prefix makes
 * the queue theirs alone. (The staff's question topic is a room topic: the rooms' rules
 * and their subscription check, which lets only the room's staff in, cover it.)
 */
@Component
class QuestionDestinationRules implements StompDestinationRules {

	@Override
	public void configure(MessageMatcherDelegatingAuthorizationManager.Builder messages) {
		messages.simpSubscribeDestMatchers(Destinations.userQueue(Destinations.QUESTIONS)).authenticated();
	}

}
