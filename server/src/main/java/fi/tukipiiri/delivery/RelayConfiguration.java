package fi.tukipiiri.delivery;

import java.time.Duration;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * Listens to the relay channel on one thread of its own, which keeps the relay's order: a
 * room's events reach this node's readers as Redis delivered them. The thread is not a
 * bean, so that nothing else (Spring Boot hands a sole executor bean to the STOMP
 * channels and to asynchronous listeners) ever queues work behind the relay.
 */
@Configuration(proxyBeanMethods = false)
class RelayConfiguration implements DisposableBean {

	private static final Duration SUBSCRIBED_WITHIN = Duration.ofSeconds(20);

	private final ThreadPoolTaskExecutor dispatcher = new ThreadPoolTaskExecutor();

	RelayConfiguration() {
		this.dispatcher.setCorePoolSize(1);
		this.dispatcher.setMaxPoolSize(1);
		this.dispatcher.setThreadNamePrefix("relay-");
		this.dispatcher.initialize();
	}

	@Bean
	RedisMessageListenerContainer relayListenerContainer(RedisConnectionFactory connections, ClusterRelay relay) {
		RedisMessageListenerContainer container = new RedisMessageListenerContainer();
		container.setConnectionFactory(connections);
		container.setTaskExecutor(this.dispatcher);
		// the node starts only once it hears the relay (or after this long, if Redis does
		// not answer): Spring's 2 s default passed on a busy machine, and a node that
		// took
		// connections before its subscription was made missed the messages meanwhile
		container.setMaxSubscriptionRegistrationWaitingTime(SUBSCRIBED_WITHIN.toMillis());
		container.addMessageListener(relay, new ChannelTopic(ClusterRelay.CHANNEL));
		return container;
	}

	@Override
	public void destroy() {
		this.dispatcher.shutdown();
	}

}
