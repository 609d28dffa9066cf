package fi.tukipiiri.platform;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Periodic work on every node (presence heartbeats, the session lifecycle); work that
 * must happen once per cluster claims its rows with a database lock. Events between
 * features are handled after commit, off the request thread.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableAsync
class SchedulingConfiguration {

}
