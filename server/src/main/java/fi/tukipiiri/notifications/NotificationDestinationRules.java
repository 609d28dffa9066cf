package fi.tukipiiri.notifications;

import org.springframework.security.messaging.access.intercept.MessageMatcherDelegatingAuthorizationManager;
import org.springframework.stereotype.Component;

import fi.tukipiiri.auth.StompDestinationRules;

/** Anyone connected may follow their own notices; the user prefix makes the queue theirs alone. */
@Component
class NotificationDestinationRules implements StompDestinationRules {

	@Override
	public void configure(MessageMatcherDelegatingAuthorizationManager.Builder messages) {
		messages.simpSubscribeDestMatchers("/user/queue/notifications").authenticated();
	}
}
