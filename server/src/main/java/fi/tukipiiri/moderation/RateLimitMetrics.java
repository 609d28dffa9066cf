package fi.tukipiiri.moderation;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;

/**
 * Counts refusals for going too fast, as {@code tukipiiri.rate.limited} tagged with the
 * {@code limit} met: {@code request} (API requests, {@code rate_limited} over REST),
 * {@code message} (the message flood limit, {@code rate_limited} over STOMP),
 * {@code slow-mode} ({@code moderation.slow_mode}) and {@code connection}
 * ({@code connections.too_many}). Sign-in and sign-up attempts over their limit are
 * counted among the problems ({@code auth.too_many_attempts}).
 */
@Component
class RateLimitMetrics {

	static final String RATE_LIMITED = "tukipiiri.rate.limited";

	private final Counter request;

	private final Counter message;

	private final Counter slowMode;

	private final Counter connection;

	RateLimitMetrics(MeterRegistry registry) {
		this.request = counter(registry, "request");
		this.message = counter(registry, "message");
		this.slowMode = counter(registry, "slow-mode");
		this.connection = counter(registry, "connection");
	}

	private static Counter counter(MeterRegistry registry, String limit) {
		return Counter.builder(RATE_LIMITED)
			.description("Requests, messages and connections refused for going too fast")
			.tag("limit", limit)
			.register(registry);
	}

	void request() {
		this.request.increment();
	}

	void message() {
		this.message.increment();
	}

	void slowMode() {
		this.slowMode.increment();
	}

	void connection() {
		this.connection.increment();
	}

}
