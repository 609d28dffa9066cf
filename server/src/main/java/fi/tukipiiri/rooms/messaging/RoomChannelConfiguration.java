package fi.tukipiiri.rooms.messaging;

import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.simp.config.ChannelRegistration;
import org.springframework.web.socket.config.annotation.WebSocketMessageBrokerConfigurer;

/**
 * Puts the room subscription guard on the inbound channel, after the authentication
 * checks.
 */
@Configuration(proxyBeanMethods = false)
class RoomChannelConfiguration implements WebSocketMessageBrokerConfigurer {

	private final RoomSubscriptionGuard subscriptionGuard;

	RoomChannelConfiguration(RoomSubscriptionGuard subscriptionGuard) {
		this.subscriptionGuard = subscriptionGuard;
	}

	@Override
	public void configureClientInboundChannel(ChannelRegistration registration) {
		registration.interceptors(subscriptionGuard);
	}

}
