package fi.tukipiiri.delivery;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

@Configuration(proxyBeanMethods = false)
class RelayConfiguration {

	@Bean
	ThreadPoolTaskExecutor relayDispatcher() {
		ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
		executor.setCorePoolSize(1);
		executor.setMaxPoolSize(1);
		executor.setThreadNamePrefix("relay-");
		return executor;
	}

	@Bean
	RedisMessageListenerContainer relayListenerContainer(RedisConnectionFactory connections, ClusterRelay relay,
			ThreadPoolTaskExecutor relayDispatcher) {
		RedisMessageListenerContainer container = new RedisMessageListenerContainer();
		container.setConnectionFactory(connections);
		// one dispatch thread keeps the relay's order: a room's messages reach the local
		// broker as Redis delivered them
		container.setTaskExecutor(relayDispatcher);
		container.addMessageListener(relay, new ChannelTopic(ClusterRelay.CHANNEL));
		return container;
	}

}
