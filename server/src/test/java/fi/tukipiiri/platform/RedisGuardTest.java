package fi.tukipiiri.platform;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import org.springframework.data.redis.RedisConnectionFailureException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RedisGuardTest {

	private final AtomicLong now = new AtomicLong(1_000_000_000L);

	private final RedisGuard guard = new RedisGuard(now::get);

	private final AtomicInteger asked = new AtomicInteger();

	@Test
	void aFailedCallIsRefusedAsUnavailableAndRedisIsLeftAloneForTheCoolOff() {
		assertThatThrownBy(() -> guard.call("test", this::failing)).isInstanceOf(ServiceUnavailable.class)
			.satisfies(refusal -> {
				ServiceUnavailable unavailable = (ServiceUnavailable) refusal;
				assertThat(unavailable.code()).isEqualTo("server.unavailable");
				assertThat(unavailable.getStatusCode().value()).isEqualTo(503);
				assertThat(unavailable.getHeaders().getFirst("Retry-After")).isEqualTo("5");
				assertThat(unavailable.getBody().getProperties()).containsEntry("retryAfterSeconds", 5L);
			});
		assertThat(asked).hasValue(1);
		assertThat(guard.available()).isFalse();

		now.addAndGet(RedisGuard.COOL_OFF.toNanos() - 1);
		assertThatThrownBy(() -> guard.call("test", this::answering)).isInstanceOf(ServiceUnavailable.class);
		assertThat(asked).as("not asked during the cool-off").hasValue(1);

		now.addAndGet(1);
		assertThat(guard.available()).isTrue();
		assertThat(guard.call("test", this::answering)).isEqualTo("answer");
		assertThat(guard.call("test", this::answering)).isEqualTo("answer");
		assertThat(asked).hasValue(3);
	}

	@Test
	void afterTheCoolOffOnlyOneCallerAtATimeAsks() {
		assertThatThrownBy(() -> guard.call("test", this::failing)).isInstanceOf(ServiceUnavailable.class);
		now.addAndGet(RedisGuard.COOL_OFF.toNanos());
		String answer = guard.call("test", () -> {
			// another caller meanwhile is not let through
			assertThatThrownBy(() -> guard.call("test", this::answering)).isInstanceOf(ServiceUnavailable.class);
			return "probe";
		});
		assertThat(answer).isEqualTo("probe");
		assertThat(asked).hasValue(1);
		assertThat(guard.call("test", this::answering)).isEqualTo("answer");
	}

	@Test
	void aFaultThatIsNotAboutReachingRedisPassesUnchanged() {
		assertThatThrownBy(() -> guard.call("test", () -> {
			throw new IllegalStateException("a bug");
		})).isInstanceOf(IllegalStateException.class);
		assertThat(guard.available()).isTrue();
	}

	private String failing() {
		asked.incrementAndGet();
		throw new RedisConnectionFailureException("Connection refused");
	}

	private String answering() {
		asked.incrementAndGet();
		return "answer";
	}

}
