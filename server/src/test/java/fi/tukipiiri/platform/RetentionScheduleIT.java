package fi.tukipiiri.platform;

import java.sql.Timestamp;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import fi.tukipiiri.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The retention timer's run is one transaction, as a run called from outside is: when it
 * cannot commit, neither the claim nor any rule's work stays, and the next check runs it.
 */
@IntegrationTest
class RetentionScheduleIT {

	@Autowired
	RetentionJob retention;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aScheduledRunThatCannotCommitLeavesTheClaimForTheNextCheck() {
		Timestamp longAgo = Timestamp.from(Instant.parse("2000-01-01T00:00:00Z"));
		Timestamp before = lastRun();
		try {
			runTwice(longAgo);
		}
		finally {
			// other tests' runs are due as they expect
			jdbc.sql("update retention_state set last_run_at = :at where id = 1").param("at", before).update();
		}
	}

	private void runTwice(Timestamp longAgo) {
		jdbc.sql("update retention_state set last_run_at = :at where id = 1").param("at", longAgo).update();
		int runsBefore = runs();
		jdbc.sql("""
				create or replace function refuse_retention_run() returns trigger language plpgsql as $$
				begin raise exception 'refused at commit'; end $$""").update();
		jdbc.sql("""
				create constraint trigger refuse_retention_run after insert on retention_runs
				deferrable initially deferred for each row execute function refuse_retention_run()""").update();
		try {
			retention.scheduled();
		}
		finally {
			jdbc.sql("drop trigger if exists refuse_retention_run on retention_runs").update();
		}

		assertThat(lastRun()).as("the claim was undone with the run").isEqualTo(longAgo);
		assertThat(runs()).isEqualTo(runsBefore);

		retention.scheduled();

		assertThat(lastRun()).isAfter(longAgo);
		assertThat(runs()).isGreaterThan(runsBefore);
	}

	private Timestamp lastRun() {
		return jdbc.sql("select last_run_at from retention_state where id = 1").query(Timestamp.class).single();
	}

	private int runs() {
		return jdbc.sql("select count(*) from retention_runs").query(Integer.class).single();
	}

}
