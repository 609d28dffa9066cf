package fi.tukipiiri.delivery;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import org.springframework.stereotype.Component;

/**
 * This node's live delivery, for the cluster's scraper: the open STOMP connections
 * ({@code tukipiiri.connections.live}) and subscriptions
 * ({@code tukipiiri.subscriptions.live}), the time from a room event's commit to its
 * frame being handed to the subscribers' writers ({@code tukipiiri.delivery.latency}),
 * and the relay's lag from publication to this node receiving it
 * ({@code tukipiiri.relay.lag}). Both times are measured on the publishing node only,
 * where publication and receipt are on one clock; they have histogram buckets at the
 * service-level steps below, so percentiles can be computed across nodes.
 */
@Component
class DeliveryMetrics {

	static final String CONNECTIONS = "tukipiiri.connections.live";

	static final String SUBSCRIPTIONS = "tukipiiri.subscriptions.live";

	static final String LATENCY = "tukipiiri.delivery.latency";

	static final String RELAY_LAG = "tukipiiri.relay.lag";

	private static final Duration[] STEPS = { Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25),
			Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500),
			Duration.ofSeconds(1), Duration.ofMillis(2500), Duration.ofSeconds(5) };

	private final Timer latency;

	private final Timer relayLag;

	DeliveryMetrics(MeterRegistry registry, SessionWriters writers, ExactDestinationRegistry subscriptions) {
		Gauge.builder(CONNECTIONS, writers, SessionWriters::connections)
			.description("Open WebSocket (STOMP) connections on this node")
			.register(registry);
		Gauge.builder(SUBSCRIPTIONS, subscriptions, ExactDestinationRegistry::count)
			.description("STOMP subscriptions on this node")
			.register(registry);
		this.latency = Timer.builder(LATENCY)
			.description("From a room event's commit to its frame handed to the subscribers' writers")
			.serviceLevelObjectives(STEPS)
			.register(registry);
		this.relayLag = Timer.builder(RELAY_LAG)
			.description("From a delivery's publication on the relay to this node receiving it")
			.serviceLevelObjectives(STEPS)
			.register(registry);
	}

	/**
	 * A delivery published at {@code publishedAt} (epoch milliseconds, this node's clock)
	 * was received {@code lagMillis} later.
	 */
	void relayed(long lagMillis) {
		this.relayLag.record(lagMillis, TimeUnit.MILLISECONDS);
	}

	/**
	 * A room event published right after its commit at {@code publishedAt} (epoch
	 * milliseconds, this node's clock) has just been handed to its writers.
	 */
	void handedOver(long publishedAt) {
		this.latency.record(Math.max(0, System.currentTimeMillis() - publishedAt), TimeUnit.MILLISECONDS);
	}

}
