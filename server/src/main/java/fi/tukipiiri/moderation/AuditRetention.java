package fi.tukipiiri.moderation;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

import fi.tukipiiri.platform.RetentionRule;

/**
 * The audit log, handled reports and risk flags are kept longer than conversations, then
 * deleted.
 */
@Configuration(proxyBeanMethods = false)
class AuditRetention {

	/**
	 * @param audit audit lines
	 * @param reviews handled reports, risk flags and closed escalations
	 */
	@ConfigurationProperties("tukipiiri.retention.moderation")
	record Settings(@DefaultValue("730d") Duration audit, @DefaultValue("365d") Duration reviews) {
	}

	@Bean
	RetentionRule auditLines(JdbcClient jdbc, Settings settings) {
		return rule("moderation.audit",
				now -> jdbc.sql("delete from moderation_audit where at < :before")
					.param("before", Timestamp.from(now.minus(settings.audit())))
					.update());
	}

	@Bean
	RetentionRule handledReviews(JdbcClient jdbc, Settings settings) {
		return rule("moderation.reviews", now -> {
			Timestamp before = Timestamp.from(now.minus(settings.reviews()));
			return jdbc.sql("delete from reports where status <> 'OPEN' and handled_at < :before")
				.param("before", before)
				.update()
					+ jdbc.sql("delete from risk_flags where created_at < :before").param("before", before).update()
					+ jdbc.sql("delete from safety_escalations where closed_at < :before")
						.param("before", before)
						.update();
		});
	}

	private static RetentionRule rule(String name, java.util.function.ToIntFunction<Instant> purge) {
		return new RetentionRule() {
			@Override
			public String name() {
				return name;
			}

			@Override
			public int purge(Instant now) {
				return purge.applyAsInt(now);
			}
		};
	}

}
