package fi.tukipiiri.platform;

import io.lettuce.core.ClientOptions;

import org.springframework.boot.data.redis.autoconfigure.LettuceClientOptionsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * While the connection to Redis is down (and being made again), commands fail at once
 * instead of queueing until {@code spring.data.redis.timeout}: a stopped Redis then costs
 * a request nothing, and {@link RedisGuard} decides what the caller does instead. A Redis
 * that hangs still costs the timeout, once per {@link RedisGuard#COOL_OFF}.
 */
@Configuration(proxyBeanMethods = false)
class RedisClientConfiguration {

	@Bean
	LettuceClientOptionsBuilderCustomizer failFastWhileDisconnected() {
		return options -> options.disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS);
	}

}
