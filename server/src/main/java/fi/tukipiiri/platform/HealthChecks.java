package fi.tukipiiri.platform;

import java.time.Duration;

import javax.sql.DataSource;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.data.redis.health.DataRedisHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.jdbc.health.DataSourceHealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.RedisConnectionFactory;

/**
 * The {@code db} and {@code redis} health checks (in the readiness group), each answering
 * within {@code tukipiiri.health.check-timeout}: Spring Boot's own checks, bounded in
 * time. Their bean names replace the ones Spring Boot would make.
 */
@Configuration(proxyBeanMethods = false)
class HealthChecks {

	@Bean
	HealthIndicator dbHealthContributor(DataSource dataSource, HealthSettings settings) {
		DataSourceHealthIndicator check = new DataSourceHealthIndicator(dataSource);
		return new TimeBoundedHealth("db", check, settings.checkTimeout());
	}

	@Bean
	HealthIndicator redisHealthContributor(RedisConnectionFactory connections, HealthSettings settings) {
		return new TimeBoundedHealth("redis", new DataRedisHealthIndicator(connections), settings.checkTimeout());
	}

	/**
	 * @param checkTimeout the longest the {@code db} and {@code redis} checks may take
	 * each; one that has not answered by then counts as {@code DOWN}. The readiness probe
	 * asks both, one after the other, so it answers within twice this.
	 */
	@ConfigurationProperties("tukipiiri.health")
	record HealthSettings(@DefaultValue("400ms") Duration checkTimeout) {
	}

}
