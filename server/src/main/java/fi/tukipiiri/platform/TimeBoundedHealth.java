package fi.tukipiiri.platform;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Another health indicator's answer, or {@code DOWN} when it has none within the time
 * limit. Spring Boot calls indicators on the probe's own request thread and waits as long
 * as they take (spring-boot#43449); a PostgreSQL or Redis that does not answer would hold
 * the readiness probe until its pool or client gave up, so the load balancer learned of
 * the outage only after its own probe timeout. Here the check runs on its own daemon
 * thread, at most one at a time: a probe that comes while an earlier check still hangs
 * waits for that same check (within the limit) instead of starting another, so an outage
 * never piles up threads or connections.
 */
final class TimeBoundedHealth implements HealthIndicator {

	private final String name;

	private final HealthIndicator check;

	private final Duration limit;

	private CompletableFuture<Health> running;

	/**
	 * @param name what is checked, as the thread's name and the answer's detail say
	 * @param check the indicator asked
	 * @param limit the longest a caller waits for its answer
	 */
	TimeBoundedHealth(String name, HealthIndicator check, Duration limit) {
		this.name = name;
		this.check = check;
		this.limit = limit;
	}

	@Override
	public Health health() {
		CompletableFuture<Health> answer = current();
		try {
			return answer.get(limit.toNanos(), TimeUnit.NANOSECONDS);
		}
		catch (TimeoutException ex) {
			return Health.down()
				.withDetail("error", name + " did not answer within " + limit.toMillis() + " ms")
				.build();
		}
		catch (ExecutionException ex) {
			return Health.down(ex.getCause()).build();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return Health.down().withDetail("error", "interrupted").build();
		}
	}

	/** The check in progress, or a new one when the last has finished. */
	private synchronized CompletableFuture<Health> current() {
		if (running == null || running.isDone()) {
			CompletableFuture<Health> next = new CompletableFuture<>();
			Thread thread = new Thread(() -> {
				try {
					next.complete(check.health());
				}
				catch (RuntimeException | Error ex) {
					next.completeExceptionally(ex);
				}
			}, "health-" + name);
			thread.setDaemon(true);
			thread.start();
			running = next;
		}
		return running;
	}

}
