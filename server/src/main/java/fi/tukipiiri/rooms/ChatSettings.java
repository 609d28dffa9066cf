package fi.tukipiiri.rooms;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param maxMessageLength longest message body, in Unicode code points after the text
 * policy has folded it
 * @param maxHistoryPage most messages one history request returns
 * @param editWindow how long after sending a member may still edit their own message
 * (deleting it has no limit)
 */
@ConfigurationProperties("tukipiiri.chat")
public record ChatSettings(@DefaultValue("4000") int maxMessageLength, @DefaultValue("200") int maxHistoryPage,
		@DefaultValue("10m") Duration editWindow) {
}
