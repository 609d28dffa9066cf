package fi.tukipiiri.platform;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import fi.tukipiiri.support.ApiClient;
import fi.tukipiiri.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class HealthIT {

	@Autowired
	ApiClient api;

	@Test
	void readinessChecksPostgresAndRedis() {
		var readiness = api.get("/actuator/health/readiness", null);
		assertThat(readiness.status()).isEqualTo(200);
		assertThat(readiness.text("status")).isEqualTo("UP");
		assertThat(readiness.body().path("components").path("db").path("status").asString()).isEqualTo("UP");
		assertThat(readiness.body().path("components").path("redis").path("status").asString()).isEqualTo("UP");
	}

	@Test
	void livenessAndOverallHealthAreUp() {
		assertThat(api.get("/actuator/health/liveness", null).text("status")).isEqualTo("UP");
		var health = api.get("/actuator/health", null);
		assertThat(health.text("status")).isEqualTo("UP");
		assertThat(health.body().path("components").has("db")).isTrue();
		assertThat(health.body().path("components").has("redis")).isTrue();
	}

	@Test
	void otherActuatorEndpointsAreNotPublic() {
		assertThat(api.get("/actuator/metrics", null).status()).isEqualTo(401);
	}

}
