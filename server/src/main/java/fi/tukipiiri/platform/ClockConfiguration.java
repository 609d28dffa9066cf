package fi.tukipiiri.platform;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One clock for the whole service, so tests can move time instead of waiting for it. It
 * tells time in microseconds, the precision PostgreSQL keeps: an instant answered when
 * something is made is the same one read back later.
 */
@Configuration(proxyBeanMethods = false)
class ClockConfiguration {

	@Bean
	@ConditionalOnMissingBean
	Clock clock() {
		return new MicrosecondClock(Clock.systemUTC());
	}

	/**
	 * The system clock cut to whole microseconds. ({@code Clock.tick} with a
	 * sub-millisecond tick divides by zero in {@code millis()} on Java 17.)
	 */
	private static final class MicrosecondClock extends Clock {

		private final Clock system;

		MicrosecondClock(Clock system) {
			this.system = system;
		}

		@Override
		public ZoneId getZone() {
			return system.getZone();
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return new MicrosecondClock(system.withZone(zone));
		}

		@Override
		public Instant instant() {
			return system.instant().truncatedTo(ChronoUnit.MICROS);
		}

	}

}
