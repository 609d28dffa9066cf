package fi.tukipiiri.platform;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Hands the reactions a node did not finish to a living one. Every business fact with an
 * {@code @ApplicationModuleListener} leaves a row in {@code event_publication} until its
 * listener is done; a row still there after {@link Settings#after()} belongs to a node
 * that died (or to a listener that failed), and is resubmitted to this node's listener.
 * <p>
 * Every node checks, on start (after {@code first-check}) and then every {@code check}.
 * Two nodes checking together do not both run a row: Modulith resubmits a row only after
 * moving it to {@code RESUBMITTED}, which one update wins. A row left in that state by a
 * node that died while handling it is set back to {@code FAILED} after
 * {@link Settings#stuckAfter()} and taken again at the next check. Listeners are
 * idempotent (notices are stored once per person and subject, audit lines once per event
 * key), so a reaction run twice around a death leaves one result.
 * <p>
 * Rows that still fail after {@link Settings#giveUpAfter()} are deleted by the retention
 * job ({@code event-publications} in {@code retention_runs}) and logged: their JSON may
 * hold what a person wrote.
 */
@Component
public class EventRedelivery implements RetentionRule {

	private static final Logger log = LoggerFactory.getLogger(EventRedelivery.class);

	/**
	 * @param after how old an unfinished row must be before it is resubmitted; longer
	 * than any listener takes, so that the work of living nodes is left to them
	 * @param stuckAfter how long after its resubmission an unfinished row is taken again
	 * @param giveUpAfter how long after its publication an unfinished row is deleted
	 */
	@ConfigurationProperties("tukipiiri.events.redelivery")
	public record Settings(@DefaultValue("1m") Duration after, @DefaultValue("5m") Duration stuckAfter,
			@DefaultValue("7d") Duration giveUpAfter) {
	}

	private final IncompleteEventPublications publications;

	private final JdbcClient jdbc;

	private final Settings settings;

	private final Clock clock;

	private final JobRuns.Job runs;

	EventRedelivery(IncompleteEventPublications publications, JdbcClient jdbc, Settings settings, Clock clock,
			JobRuns jobs) {
		this.publications = publications;
		this.jdbc = jdbc;
		this.settings = settings;
		this.clock = clock;
		this.runs = jobs.job("event-redelivery");
	}

	@Scheduled(fixedDelayString = "${tukipiiri.events.redelivery.check:1m}",
			initialDelayString = "${tukipiiri.events.redelivery.first-check:20s}")
	void scheduled() {
		try {
			this.runs.run(() -> run() > 0);
		}
		catch (RuntimeException ex) {
			log.error("Resubmitting unfinished event publications failed; the next check tries again", ex);
		}
	}

	/**
	 * Resubmits the unfinished rows older than {@code after} to this node's listeners
	 * (they run asynchronously); how many were due, some of which another node checking
	 * at the same moment may have taken.
	 */
	public int run() {
		Instant now = clock.instant();
		int released = jdbc.sql("""
				update event_publication set status = 'FAILED'
				where status = 'RESUBMITTED' and completion_date is null and last_resubmission_date < :stuck
				""").param("stuck", Timestamp.from(now.minus(settings.stuckAfter()))).update();
		if (released > 0) {
			log.warn("{} resubmitted event publications were not finished within {}; taken again", released,
					settings.stuckAfter());
		}
		int due = jdbc.sql("""
				select count(*) from event_publication
				where completion_date is null and publication_date < :due and status is distinct from 'RESUBMITTED'
				""").param("due", Timestamp.from(now.minus(settings.after()))).query(Integer.class).single();
		if (due == 0) {
			return 0;
		}
		log.info("Resubmitting {} unfinished event publications older than {}", due, settings.after());
		publications.resubmitIncompletePublicationsOlderThan(settings.after());
		return due;
	}

	@Override
	public String name() {
		return "event-publications";
	}

	/** Deletes unfinished rows published before {@code giveUpAfter}, each logged. */
	@Override
	public int purge(Instant now) {
		Timestamp before = Timestamp.from(now.minus(settings.giveUpAfter()));
		jdbc.sql("""
				select event_type, listener_id, publication_date, completion_attempts from event_publication
				where completion_date is null and publication_date < :before
				""").param("before", before).query((rs, row) -> {
			log.error("Giving up event publication {} to {} of {} after {} attempts", rs.getString("event_type"),
					rs.getString("listener_id"), rs.getTimestamp("publication_date").toInstant(),
					rs.getInt("completion_attempts"));
			return row;
		}).list();
		return jdbc.sql("delete from event_publication where completion_date is null and publication_date < :before")
			.param("before", before)
			.update();
	}

}
