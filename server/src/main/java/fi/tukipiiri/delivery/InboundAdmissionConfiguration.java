package fi.tukipiiri.delivery;

import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.messaging.simp.config.ChannelRegistration;
import org.springframework.web.socket.config.annotation.WebSocketMessageBrokerConfigurer;

/**
 * Puts {@link InboundAdmission} first on the inbound channel and
 * {@link SubscriptionReceipts} second, so they hear of every frame they care for,
 * whichever interceptor after them drops the frame; then {@link SubscriptionFrames}, so
 * no later part reads a subscription without its id.
 */
@Configuration(proxyBeanMethods = false)
@Order(Ordered.HIGHEST_PRECEDENCE)
class InboundAdmissionConfiguration implements WebSocketMessageBrokerConfigurer {

	private final InboundAdmission admission;

	private final SubscriptionReceipts receipts;

	private final SubscriptionFrames frames;

	InboundAdmissionConfiguration(InboundAdmission admission, SubscriptionReceipts receipts,
			SubscriptionFrames frames) {
		this.admission = admission;
		this.receipts = receipts;
		this.frames = frames;
	}

	@Override
	public void configureClientInboundChannel(ChannelRegistration registration) {
		registration.interceptors(this.admission, this.receipts, this.frames);
	}

}
