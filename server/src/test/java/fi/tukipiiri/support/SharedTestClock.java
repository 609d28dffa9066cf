package fi.tukipiiri.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * One clock that tests move by hand, shared by every node started in the JVM with
 * {@link Config}: time passes for all of them at once, as it does for real nodes.
 */
public final class SharedTestClock extends Clock {

	public static final SharedTestClock INSTANCE = new SharedTestClock();

	private final AtomicReference<Instant> now = new AtomicReference<>(Instant.now());

	private SharedTestClock() {
	}

	public void set(Instant instant) {
		now.set(instant);
	}

	public void advance(Duration duration) {
		now.updateAndGet(instant -> instant.plus(duration));
	}

	public void reset() {
		now.set(Instant.now());
	}

	@Override
	public Instant instant() {
		return now.get();
	}

	@Override
	public ZoneId getZone() {
		return ZoneOffset.UTC;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		return new Clock() {
			@Override
			public Instant instant() {
				return SharedTestClock.this.instant();
			}

			@Override
			public ZoneId getZone() {
				return zone;
			}

			@Override
			public Clock withZone(ZoneId other) {
				return SharedTestClock.this.withZone(other);
			}
		};
	}

	@TestConfiguration(proxyBeanMethods = false)
	public static class Config {

		@Bean
		@Primary
		Clock sharedTestClock() {
			return INSTANCE;
		}

	}

}
