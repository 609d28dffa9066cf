package fi.tukipiiri.platform;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.health.actuate.endpoint.HealthDescriptor;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.health.contributor.Status;
import org.springframework.stereotype.Component;

/**
 * {@code tukipiiri.node.ready}: 1 while this node's readiness group
 * ({@code /actuator/health/readiness}: accepting traffic, PostgreSQL and Redis answering)
 * is UP, else 0; read at each scrape, so the cluster's alerts can tell "no node ready"
 * from "no node scraped".
 */
@Component
class ReadinessMetrics {

	static final String READY = "tukipiiri.node.ready";

	ReadinessMetrics(MeterRegistry registry, ObjectProvider<HealthEndpoint> health) {
		Gauge.builder(READY, health, ReadinessMetrics::ready)
			.description("1 while this node's readiness probe would answer UP")
			// the provider is held by nothing else; a gauge holds its object weakly
			// otherwise
			.strongReference(true)
			.register(registry);
	}

	private static double ready(ObjectProvider<HealthEndpoint> health) {
		HealthEndpoint endpoint = health.getIfAvailable();
		if (endpoint == null) {
			return 0;
		}
		HealthDescriptor readiness = endpoint.healthForPath("readiness");
		return readiness != null && Status.UP.equals(readiness.getStatus()) ? 1 : 0;
	}

}
