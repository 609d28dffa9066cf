package fi.tukipiiri.delivery;

import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.messaging.simp.config.ChannelRegistration;
import org.springframework.web.socket.config.annotation.WebSocketMessageBrokerConfigurer;

/**
 * Puts {@link InboundAdmission} first on the inbound channel and
 * {@link SubscriptionReceipts} second, so they hear of every frame they care for,
 * whichever interceptor after them drops the frame.
 */
@Configuration(proxyBeanMethods = false)
@Order(Ordered.HIGHEST_PRECEDENCE)
class InboundAdmissionConfiguration implements WebSocketMessageBrokerConfigurer {

	private final InboundAdmission admission;

	private final SubscriptionReceipts receipts;

	InboundAdmissionConfiguration(InboundAdmission admission, SubscriptionReceipts receipts) {
		this.admission = admission;
		this.receipts = receipts;
	}

	@Override
	public void configureClientInboundChannel(ChannelRegistration registration) {
		registration.interceptors(this.admission, this.receipts);
	}

}
