package fi.tukipiiri.presence;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param ttl how long a session counts as present without a heartbeat; a crashed node's
 * users vanish after this
 * @param heartbeat how often each node renews its sessions (well under {@code ttl})
 * @param sweep how often each node looks for expired sessions and announces departures
 * @param typingThrottle the least time between two typing notices from one person in one
 * room
 */
@ConfigurationProperties("tukipiiri.presence")
record PresenceSettings(@DefaultValue("30s") Duration ttl, @DefaultValue("10s") Duration heartbeat,
		@DefaultValue("5s") Duration sweep, @DefaultValue("2s") Duration typingThrottle) {
}
