package fi.tukipiiri.delivery;

import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.messaging.simp.config.ChannelRegistration;
import org.springframework.web.socket.config.annotation.WebSocketMessageBrokerConfigurer;

/**
 * Puts {@link InboundAdmission} first on the inbound channel, so it hears of every frame
 * it counted, whichever interceptor after it drops the frame.
 */
@Configuration(proxyBeanMethods = false)
@Order(Ordered.HIGHEST_PRECEDENCE)
class InboundAdmissionConfiguration implements WebSocketMessageBrokerConfigurer {

	private final InboundAdmission admission;

	InboundAdmissionConfiguration(InboundAdmission admission) {
		this.admission = admission;
	}

	@Override
	public void configureClientInboundChannel(ChannelRegistration registration) {
		registration.interceptors(this.admission);
	}

}
