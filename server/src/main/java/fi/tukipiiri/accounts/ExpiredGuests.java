package fi.tukipiiri.accounts;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import fi.tukipiiri.platform.RetentionRule;

/**
 * Guest passes are erased, with everything held about them, a while after they expire.
 */
@Component
class ExpiredGuests implements RetentionRule {

	private static final int PER_RUN = 500;

	/**
	 * @param expiredGuests how long after its expiry a guest pass is erased
	 */
	@ConfigurationProperties("tukipiiri.retention")
	record Settings(@DefaultValue("7d") Duration expiredGuests) {
	}

	private final JdbcClient jdbc;

	private final PersonalDataService personalData;

	private final Settings settings;

	ExpiredGuests(JdbcClient jdbc, PersonalDataService personalData, Settings settings) {
		this.jdbc = jdbc;
		this.personalData = personalData;
		this.settings = settings;
	}

	@Override
	public String name() {
		return "accounts.expired-guests";
	}

	@Override
	public int purge(Instant now) {
		List<UUID> expired = jdbc
			.sql("select id from accounts where guest and expires_at < :before order by expires_at limit :limit")
			.param("before", Timestamp.from(now.minus(settings.expiredGuests())))
			.param("limit", PER_RUN)
			.query(UUID.class)
			.list();
		expired.forEach(personalData::eraseGuest);
		return expired.size();
	}

}
