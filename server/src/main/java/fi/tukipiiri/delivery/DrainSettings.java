package fi.tukipiiri.delivery;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How a node leaves and how its connections are spread, under {@code tukipiiri.drain}
 * ({@link Drain}).
 *
 * @param unreadyFor how long a stopping node goes on as before once its readiness probe
 * answers 503, so that load balancers stop sending it new connections before its clients
 * are told to go
 * @param reconnectSpread clients told to reconnect each get a delay drawn evenly from 0
 * to this, so they do not all arrive at the other nodes at once
 * @param timeout most time a stopping node waits for chat messages it has taken in to be
 * stored and answered, and again for its clients to leave, before it closes what is left
 * @param maxConnectionAge a connection older than this (plus up to a quarter more, drawn
 * per connection) is asked to reconnect, so that load evens out across the nodes after a
 * rolling restart; zero: never
 */
@ConfigurationProperties("tukipiiri.drain")
public record DrainSettings(@DefaultValue("1s") Duration unreadyFor, @DefaultValue("2s") Duration reconnectSpread,
		@DefaultValue("5s") Duration timeout, @DefaultValue("1h") Duration maxConnectionAge) {
}
