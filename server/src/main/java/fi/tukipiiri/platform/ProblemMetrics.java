package fi.tukipiiri.platform;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;

/**
 * Counts every problem answered to a client as {@code tukipiiri.problems}, tagged with
 * its {@code channel} ({@code rest}: an RFC 9457 response; {@code stomp}: an error on
 * {@code /user/queue/errors} or an ERROR frame) and its stable {@code code}
 * ({@code rate_limited}, {@code rooms.not_member}, {@code server.error}, …).
 */
@Component
public class ProblemMetrics {

	static final String PROBLEMS = "tukipiiri.problems";

	/** An RFC 9457 problem response. */
	public static final String REST = "rest";

	/** A STOMP error message or ERROR frame. */
	public static final String STOMP = "stomp";

	private final MeterRegistry registry;

	ProblemMetrics(MeterRegistry registry) {
		this.registry = registry;
	}

	/**
	 * One problem answered on {@code channel} ({@link #REST} or {@link #STOMP}) with
	 * {@code code}; a code that is not a stable code is counted as
	 * {@value MetricTags#OTHER}.
	 */
	public void answered(String channel, String code) {
		Counter.builder(PROBLEMS)
			.description("Problems answered to clients, by channel and code")
			.tag("channel", channel)
			.tag("code", MetricTags.code(code))
			.register(this.registry)
			.increment();
	}

}
