package fi.tukipiiri.moderation;

import java.time.Clock;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.simp.config.ChannelRegistration;
import org.springframework.web.socket.config.annotation.WebSocketMessageBrokerConfigurer;

import fi.tukipiiri.platform.ProblemResponses;
import fi.tukipiiri.platform.RedisGuard;

@Configuration(proxyBeanMethods = false)
class ModerationConfiguration implements WebSocketMessageBrokerConfigurer {

	private final ConnectionLimit connectionLimit;

	ModerationConfiguration(ConnectionLimit connectionLimit) {
		this.connectionLimit = connectionLimit;
	}

	@Bean
	static ConnectionLimit connectionLimit(StringRedisTemplate redis, ModerationSettings settings,
			@Lazy @Qualifier("clientOutboundChannel") MessageChannel clientOutbound, Clock clock,
			ObjectProvider<RateLimitMetrics> metrics, ObjectProvider<RedisGuard> guard) {
		return new ConnectionLimit(redis, settings, clientOutbound, clock, metrics, guard);
	}

	@Override
	public void configureClientInboundChannel(ChannelRegistration registration) {
		registration.interceptors(connectionLimit);
	}

	@Bean
	FilterRegistrationBean<RequestLimitFilter> requestLimitFilter(FloodLimits limits, ProblemResponses problems,
			RateLimitMetrics metrics) {
		FilterRegistrationBean<RequestLimitFilter> registration = new FilterRegistrationBean<>(
				new RequestLimitFilter(limits, problems, metrics));
		registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER + 1);
		registration.addUrlPatterns("/api/*");
		return registration;
	}

}
