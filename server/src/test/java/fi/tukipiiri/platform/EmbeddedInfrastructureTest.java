package fi.tukipiiri.platform;

import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import fi.tukipiiri.TukipiiriApplication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EmbeddedInfrastructureTest {

	@Test
	void prodProfileRefusesEmbeddedInfrastructure() {
		assertThatThrownBy(() -> new SpringApplicationBuilder(TukipiiriApplication.class).profiles("prod")
			.run("--server.port=0", "--tukipiiri.auth.jwt-secret=" + "a".repeat(44)))
			.hasMessageContaining("Refusing to start on embedded infrastructure")
			.hasMessageContaining("SPRING_DATASOURCE_URL")
			.hasMessageContaining("SPRING_DATA_REDIS_URL");
	}

	@Test
	void prodProfileNamesOnlyWhatIsMissing() {
		assertThatThrownBy(() -> new SpringApplicationBuilder(TukipiiriApplication.class).profiles("prod")
			.run("--server.port=0", "--spring.datasource.url=jdbc:postgresql://127.0.0.1:1/none"))
			.hasMessageContaining("SPRING_DATA_REDIS_URL")
			.hasMessageNotContaining("SPRING_DATASOURCE_URL");
	}

	@Test
	void configuredInfrastructureIsUsedInsteadOfEmbedded() {
		String url;
		String redisPort;
		try (ConfigurableApplicationContext embedded = start()) {
			assertThat(embedded.getEnvironment()
				.getPropertySources()
				.contains(EmbeddedInfrastructurePostProcessor.PROPERTY_SOURCE)).isTrue();
			url = embedded.getEnvironment().getProperty("spring.datasource.url");
			redisPort = embedded.getEnvironment().getProperty("spring.data.redis.port");
		}
		try (ConfigurableApplicationContext configured = start("spring.datasource.url=" + url,
				"spring.datasource.username=postgres", "spring.datasource.password=postgres",
				"spring.data.redis.url=redis://127.0.0.1:" + redisPort)) {
			assertThat(configured.getEnvironment()
				.getPropertySources()
				.contains(EmbeddedInfrastructurePostProcessor.PROPERTY_SOURCE)).isFalse();
			assertThat(configured.getEnvironment().getProperty("spring.datasource.url")).isEqualTo(url);
		}
	}

	/**
	 * Command-line arguments, which outrank application.yml (its server.port 8080 could
	 * be taken).
	 */
	private static ConfigurableApplicationContext start(String... properties) {
		String[] args = new String[properties.length + 1];
		args[0] = "--server.port=0";
		for (int i = 0; i < properties.length; i++) {
			args[i + 1] = "--" + properties[i];
		}
		return new SpringApplicationBuilder(TukipiiriApplication.class).profiles("test").run(args);
	}

}
