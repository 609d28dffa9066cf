package fi.tukipiiri.platform;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Points the application at embedded PostgreSQL and Redis when none is configured. The
 * {@code prod} profile refuses: a production node must never quietly keep its data in a
 * throw-away database. Without an SMTP server ({@code spring.mail.host}) outside the
 * {@code prod} profile, mail goes to an embedded one that keeps it for administrators to
 * read; under {@code prod} e-mail is then simply off.
 */
class EmbeddedInfrastructurePostProcessor implements EnvironmentPostProcessor {

	static final String PROPERTY_SOURCE = "tukipiiri-embedded-infrastructure";

	static final String MAIL_PROPERTY_SOURCE = "tukipiiri-embedded-mail";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		boolean needsPostgres = !environment.containsProperty("spring.datasource.url");
		boolean needsRedis = !environment.containsProperty("spring.data.redis.url")
				&& !environment.containsProperty("spring.data.redis.host");
		boolean embeddedAllowed = !Arrays.asList(environment.getActiveProfiles()).contains("prod")
				&& environment.getProperty("tukipiiri.embedded.enabled", Boolean.class, true);
		if (embeddedAllowed && !environment.containsProperty("spring.mail.host")) {
			environment.getPropertySources()
				.addLast(new MapPropertySource(MAIL_PROPERTY_SOURCE, EmbeddedInfrastructure.mailProperties()));
		}
		if (!needsPostgres && !needsRedis) {
			return;
		}
		if (!embeddedAllowed) {
			throw new IllegalStateException("Refusing to start on embedded infrastructure: " + (needsPostgres
					? "set SPRING_DATASOURCE_URL, SPRING_DATASOURCE_USERNAME and SPRING_DATASOURCE_PASSWORD" : "")
					+ (needsPostgres && needsRedis ? ", and " : "") + (needsRedis ? "set SPRING_DATA_REDIS_URL" : "")
					+ " (the prod profile never uses the embedded PostgreSQL or Redis)");
		}
		Map<String, Object> properties = new LinkedHashMap<>();
		if (needsPostgres) {
			properties.putAll(EmbeddedInfrastructure
				.postgresProperties(environment.getProperty("tukipiiri.embedded.postgres-data-dir")));
		}
		if (needsRedis) {
			properties.putAll(EmbeddedInfrastructure.redisProperties());
		}
		environment.getPropertySources().addLast(new MapPropertySource(PROPERTY_SOURCE, properties));
	}

}
