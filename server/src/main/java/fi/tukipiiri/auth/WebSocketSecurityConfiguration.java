package fi.tukipiiri.auth;

import java.time.Clock;
import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.messaging.Message;
import org.springframework.messaging.simp.SimpMessageType;
import org.springframework.messaging.simp.config.ChannelRegistration;
import org.springframework.messaging.support.ChannelInterceptor;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.config.annotation.web.socket.EnableWebSocketSecurity;
import org.springframework.security.messaging.access.intercept.MessageMatcherDelegatingAuthorizationManager;
import org.springframework.web.socket.config.annotation.WebSocketMessageBrokerConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketTransportRegistration;

import fi.tukipiiri.delivery.Destinations;

/**
 * STOMP security: the token authenticates CONNECT and is checked again on every frame
 * that reads or writes (before Spring Security's own interceptors, hence the order), then
 * every inbound frame is authorised by destination. Clients may only SEND to
 * {@code /app/**} destinations a feature names, never to the broker; anything not named
 * is denied.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSocketSecurity
@Order(Ordered.HIGHEST_PRECEDENCE + 99)
class WebSocketSecurityConfiguration implements WebSocketMessageBrokerConfigurer {

	private final BearerTokens tokens;

	private final LiveConnections connections;

	private final TokenRevocations revocations;

	private final Clock clock;

	WebSocketSecurityConfiguration(BearerTokens tokens, LiveConnections connections, TokenRevocations revocations,
			Clock clock) {
		this.tokens = tokens;
		this.connections = connections;
		this.revocations = revocations;
		this.clock = clock;
	}

	@Override
	public void configureWebSocketTransport(WebSocketTransportRegistration registration) {
		registration.addDecoratorFactory(handler -> new StompConnectGate(handler, tokens));
	}

	@Override
	public void configureClientInboundChannel(ChannelRegistration registration) {
		registration.interceptors(new StompAuthenticationInterceptor(tokens, connections, revocations, clock));
	}

	@Bean
	AuthorizationManager<Message<?>> messageAuthorizationManager(
			MessageMatcherDelegatingAuthorizationManager.Builder messages, List<StompDestinationRules> featureRules) {
		messages.simpTypeMatchers(SimpMessageType.CONNECT)
			.authenticated()
			.simpTypeMatchers(SimpMessageType.HEARTBEAT, SimpMessageType.UNSUBSCRIBE, SimpMessageType.DISCONNECT)
			.permitAll()
			.simpSubscribeDestMatchers(Destinations.userQueue(Destinations.ACKS),
					Destinations.userQueue(Destinations.ERRORS), Destinations.userQueue(Destinations.SESSION))
			.authenticated()
			.simpMessageDestMatchers(Destinations.APP + Destinations.RENEW)
			.authenticated();
		featureRules.forEach(rules -> rules.configure(messages));
		return messages.anyMessage().denyAll().build();
	}

	/**
	 * Replaces Spring Security's CSRF check on CONNECT: it protects cookie sessions, and
	 * these connections carry a bearer token instead, which another site cannot make a
	 * browser send. The handshake's Origin check stays.
	 */
	@Bean
	ChannelInterceptor csrfChannelInterceptor() {
		return new ChannelInterceptor() {
		};
	}

}
