package fi.tukipiiri.series;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param lobbyOpensBefore how long before a session its room opens for arrivals
 * @param endGrace how long after its end a session's room stays writable before it turns
 * read-only
 * @param lifecycleTick how often each node looks for sessions and series due for their
 * next step
 * @param reminderBefore how long before a session its participants and staff are reminded
 * of it
 * @param hourReminderBefore the second, shorter reminder, for those who asked for it
 * @param houseRulesRequired whether a participant's message is refused until they have
 * accepted the group's house rules ({@code rooms.rules_not_accepted})
 */
@ConfigurationProperties("tukipiiri.series")
record SeriesSettings(@DefaultValue("15m") Duration lobbyOpensBefore, @DefaultValue("10m") Duration endGrace,
		@DefaultValue("15s") Duration lifecycleTick, @DefaultValue("24h") Duration reminderBefore,
		@DefaultValue("1h") Duration hourReminderBefore, @DefaultValue("true") boolean houseRulesRequired) {
}
