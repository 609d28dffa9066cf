package fi.tukipiiri.platform;

import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import org.springframework.stereotype.Component;

/**
 * Runs of the scheduled jobs, for the cluster's alerts: {@code tukipiiri.job.runs} tagged
 * with {@code task} (not {@code job}, a label Prometheus gives every target) and
 * {@code outcome} ({@code done}: this node did the work; {@code skipped}: another node
 * had it; {@code failed}), and {@code tukipiiri.job.duration}, a timer of the runs this
 * node did or that failed. Every outcome is registered at zero when the job is, so that a
 * job that never runs shows as a flat line rather than as no data.
 */
@Component
public class JobRuns {

	static final String RUNS = "tukipiiri.job.runs";

	static final String DURATION = "tukipiiri.job.duration";

	private final MeterRegistry registry;

	JobRuns(MeterRegistry registry) {
		this.registry = registry;
	}

	/** The meters of one job, e.g. {@code retention}; a fixed name, never data. */
	public Job job(String name) {
		return new Job(counter(name, "done"), counter(name, "skipped"), counter(name, "failed"),
				Timer.builder(DURATION)
					.description("How long the runs of a scheduled job took")
					.tag("task", name)
					.register(this.registry));
	}

	private Counter counter(String job, String outcome) {
		return Counter.builder(RUNS)
			.description("Runs of the scheduled jobs, by outcome")
			.tag("task", job)
			.tag("outcome", outcome)
			.register(this.registry);
	}

	/** One scheduled job's meters. */
	public static final class Job {

		private final Counter done;

		private final Counter skipped;

		private final Counter failed;

		private final Timer duration;

		Job(Counter done, Counter skipped, Counter failed, Timer duration) {
			this.done = done;
			this.skipped = skipped;
			this.failed = failed;
			this.duration = duration;
		}

		/**
		 * Runs {@code run}, timing it; it answers whether this node did the work (true)
		 * or another node had it (false). A failure is counted and thrown on.
		 */
		public boolean run(Supplier<Boolean> run) {
			long start = System.nanoTime();
			try {
				boolean did = run.get();
				if (did) {
					this.duration.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
					this.done.increment();
				}
				else {
					this.skipped.increment();
				}
				return did;
			}
			catch (RuntimeException ex) {
				this.duration.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
				this.failed.increment();
				throw ex;
			}
		}

	}

}
