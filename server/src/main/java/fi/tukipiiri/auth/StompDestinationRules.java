package fi.tukipiiri.auth;

import org.springframework.security.messaging.access.intercept.MessageMatcherDelegatingAuthorizationManager;

/**
 * A feature's share of the STOMP authorisation rules: which destinations its clients may
 * SEND to and SUBSCRIBE to. The rules of all features are followed by a final deny-all,
 * so a destination no feature names is refused.
 */
public interface StompDestinationRules {

	void configure(MessageMatcherDelegatingAuthorizationManager.Builder messages);

}
