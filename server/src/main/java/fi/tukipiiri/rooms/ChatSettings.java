package fi.tukipiiri.rooms;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param maxMessageLength longest message body, in Unicode code points after the text
 * policy has folded it
 * @param maxHistoryPage most messages one history request returns
 */
@ConfigurationProperties("tukipiiri.chat")
public record ChatSettings(@DefaultValue("4000") int maxMessageLength, @DefaultValue("200") int maxHistoryPage) {
}
