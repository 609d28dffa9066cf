package fi.tukipiiri.rooms.messaging;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;

import fi.tukipiiri.rooms.ClusterRelay;

@Configuration(proxyBeanMethods = false)
class RelayConfiguration {

	@Bean
	RedisMessageListenerContainer relayListenerContainer(RedisConnectionFactory connections, ClusterRelay relay) {
		RedisMessageListenerContainer container = new RedisMessageListenerContainer();
		container.setConnectionFactory(connections);
		container.addMessageListener(relay, new ChannelTopic(ClusterRelay.channel()));
		return container;
	}
}
