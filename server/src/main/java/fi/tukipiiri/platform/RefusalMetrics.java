package fi.tukipiiri.platform;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Counts every refusal {@link RefusalLog} is told of, written to the log or not, as
 * {@code tukipiiri.refusals} tagged with the log's {@code kind} ({@code request},
 * {@code stomp-frame}, {@code stomp-connect}, {@code token}, {@code origin},
 * {@code stomp-reply}) and the refusal's {@code code} ({@link MetricTags#code}).
 */
@Component
class RefusalMetrics implements RefusalLog.Listener, DisposableBean {

	static final String REFUSALS = "tukipiiri.refusals";

	private final MeterRegistry registry;

	RefusalMetrics(MeterRegistry registry) {
		this.registry = registry;
		RefusalLog.listen(this);
	}

	@Override
	public void refused(String kind, String why) {
		Counter.builder(REFUSALS)
			.description("Requests and frames refused that a well-behaved client does not send")
			.tag("kind", kind)
			.tag("code", MetricTags.code(why))
			.register(this.registry)
			.increment();
	}

	@Override
	public void destroy() {
		RefusalLog.stopListening(this);
	}

}
