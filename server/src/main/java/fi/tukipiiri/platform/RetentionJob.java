package fi.tukipiiri.platform;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Deletes data past its retention time, once per interval across all nodes: a node runs
 * the rules only if it moves the single claim row forward, which one node wins and the
 * others then see done. Each run is logged per rule.
 */
@Component
public class RetentionJob {

	private static final Logger log = LoggerFactory.getLogger(RetentionJob.class);

	/**
	 * @param interval how often the rules run, at most, across the whole cluster
	 */
	@ConfigurationProperties("tukipiiri.retention.job")
	public record Settings(@DefaultValue("1h") Duration interval) {
	}

	private final JdbcClient jdbc;

	private final List<RetentionRule> rules;

	private final Settings settings;

	private final Clock clock;

	private final JobRuns.Job runs;

	/**
	 * The scheduled run's transaction: the timer calls this bean from itself, past the
	 * proxy that would start one for {@link #run()}.
	 */
	private final TransactionTemplate inTransaction;

	RetentionJob(JdbcClient jdbc, List<RetentionRule> rules, Settings settings, Clock clock, JobRuns jobs,
			PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.inTransaction = new TransactionTemplate(transactions);
		this.rules = rules;
		this.settings = settings;
		this.clock = clock;
		this.runs = jobs.job("retention");
	}

	@Scheduled(fixedDelayString = "${tukipiiri.retention.job.check:5m}",
			initialDelayString = "${tukipiiri.retention.job.check:5m}")
	void scheduled() {
		try {
			// counted as done only on the node that claimed the run: the others skip it
			this.runs.run(() -> !this.inTransaction.execute(status -> run()).isEmpty());
		}
		catch (RuntimeException ex) {
			log.error("Retention run failed; the next check tries again", ex);
		}
	}

	/**
	 * Runs every rule if this node claims the run; what each deleted, or an empty map if
	 * another node has it. One transaction: a rule that fails leaves the claim and every
	 * rule's deletions undone, and the next check tries again.
	 */
	@Transactional
	public Map<String, Integer> run() {
		Instant now = clock.instant();
		boolean claimed = jdbc.sql("""
				update retention_state set last_run_at = :now where id = 1 and last_run_at <= :due
				""")
			.param("now", Timestamp.from(now))
			.param("due", Timestamp.from(now.minus(settings.interval())))
			.update() == 1;
		Map<String, Integer> deleted = new LinkedHashMap<>();
		if (!claimed) {
			return deleted;
		}
		for (RetentionRule rule : rules) {
			int count = rule.purge(now);
			deleted.put(rule.name(), count);
			jdbc.sql("insert into retention_runs (ran_at, rule, deleted) values (:at, :rule, :deleted)")
				.param("at", Timestamp.from(now))
				.param("rule", rule.name())
				.param("deleted", count)
				.update();
		}
		log.info("Retention run deleted {}", deleted);
		return deleted;
	}

}
