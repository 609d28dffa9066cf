package fi.tukipiiri.platform;

import java.time.Duration;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import io.lettuce.core.RedisException;

import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

/**
 * Every Redis call that a request or a STOMP frame waits for goes through here, so that a
 * Redis that is stopped or hangs costs little: after a call fails (no connection, or no
 * answer within {@code spring.data.redis.timeout}), Redis is not asked again for
 * {@link #COOL_OFF}, and after that only one caller at a time asks it until it answers
 * again. Meanwhile every caller gets {@link ServiceUnavailable} at once, and decides what
 * it does instead: refuse ({@code server.unavailable}), or fall back (decision 23, where
 * each use of Redis says which). One line in the log every 10 s ({@link OutageLog}).
 */
@Component
public class RedisGuard {

	/** How long after a failed call Redis is not asked. */
	static final Duration COOL_OFF = Duration.ofSeconds(1);

	private final LongSupplier nanoTime;

	private final AtomicBoolean probing = new AtomicBoolean();

	private volatile boolean down;

	private volatile long failedAt;

	RedisGuard() {
		this(System::nanoTime);
	}

	RedisGuard(LongSupplier nanoTime) {
		this.nanoTime = nanoTime;
	}

	/**
	 * The answer of a Redis call.
	 * @param what what is asked, for the log ("token revocations")
	 * @throws ServiceUnavailable when Redis failed to answer now or a moment ago; an
	 * exception that is not about reaching Redis passes unchanged
	 */
	public <T> T call(String what, Supplier<T> call) {
		boolean probe = admit();
		try {
			T answer = call.get();
			this.down = false;
			return answer;
		}
		catch (RuntimeException ex) {
			if (!isOutage(ex)) {
				throw ex;
			}
			failed(what, ex);
			throw new ServiceUnavailable();
		}
		finally {
			if (probe) {
				this.probing.set(false);
			}
		}
	}

	/** As {@link #call}, for a call without an answer. */
	public void run(String what, Runnable call) {
		call(what, () -> {
			call.run();
			return null;
		});
	}

	/**
	 * Whether Redis may be asked now; false while it is taken as down. For callers that
	 * ask Redis on their own (asynchronous calls), who then report the outcome with
	 * {@link #answered()} or {@link #failed}.
	 */
	public boolean available() {
		return !this.down || this.nanoTime.getAsLong() - this.failedAt >= COOL_OFF.toNanos();
	}

	/** A call made outside {@link #call} was answered. */
	public void answered() {
		this.down = false;
	}

	/** A call made outside {@link #call} failed to reach Redis or timed out. */
	public void failed(String what, Throwable cause) {
		this.failedAt = this.nanoTime.getAsLong();
		this.down = true;
		OutageLog.of("Redis")
			.unavailable(
					"not asked for " + COOL_OFF.toMillis() + " ms; " + what
							+ " and the rest answer without it (decision 23)",
					cause instanceof RuntimeException runtime ? runtime : new IllegalStateException(cause));
	}

	/**
	 * Whether a failure is Redis not answering rather than a fault of the caller: it is,
	 * or is caused by, a Spring Data or Lettuce exception or a timeout (Bucket4j wraps
	 * Lettuce's in its own).
	 */
	static boolean isOutage(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof DataAccessException || cause instanceof RedisException
					|| cause instanceof TimeoutException) {
				return true;
			}
		}
		return false;
	}

	private boolean admit() {
		if (!this.down) {
			return false;
		}
		if (this.nanoTime.getAsLong() - this.failedAt < COOL_OFF.toNanos()
				|| !this.probing.compareAndSet(false, true)) {
			throw new ServiceUnavailable();
		}
		return true;
	}

}
