package fi.tukipiiri.notifications;

import java.time.Duration;
import java.time.Instant;

import org.springframework.stereotype.Component;

import fi.tukipiiri.platform.RetentionRule;

/**
 * Outbox rows already sent or given up are kept {@value #KEPT_DAYS} days (to answer "did
 * my reminder go out?"), then deleted; links to verify an address or set a password are
 * deleted a day after they expired.
 */
@Component
class OutboxRetention implements RetentionRule {

	static final int KEPT_DAYS = 30;

	/** The rule's name in the run log. */
	static final String NAME = "notifications.outbox";

	private final NoticeOutbox outbox;

	private final org.springframework.jdbc.core.simple.JdbcClient jdbc;

	OutboxRetention(NoticeOutbox outbox, org.springframework.jdbc.core.simple.JdbcClient jdbc) {
		this.outbox = outbox;
		this.jdbc = jdbc;
	}

	@Override
	public String name() {
		return NAME;
	}

	@Override
	public int purge(Instant now) {
		return outbox.deleteHandledBefore(now.minus(Duration.ofDays(KEPT_DAYS)))
				+ jdbc.sql("delete from email_verifications where expires_at < :before")
					.param("before", java.sql.Timestamp.from(now.minus(Duration.ofDays(1))))
					.update();
	}

}
