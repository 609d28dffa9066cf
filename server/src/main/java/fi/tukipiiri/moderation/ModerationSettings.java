package fi.tukipiiri.moderation;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param sendLimit messages one person may send in {@code sendWindow}, over all rooms and
 * nodes
 * @param requestLimit API requests one signed-in person may make in {@code requestWindow}
 * @param maxConnectionsPerUser live connections (tabs, devices) one person may hold at
 * once
 * @param connectionTtl how long a connection counts without being confirmed alive by its
 * node
 * @param riskTerms category (self-harm, violence, threat) → language → words and phrases
 * that flag a message to the room's facilitators; a trailing {@code *} matches any ending
 * (Finnish and Swedish inflect)
 * @param crisisMessage per language, the text with crisis numbers a facilitator can send
 * after a flag
 * @param helpCardCategories the risk categories whose writer gets a private help card
 * (crisis numbers, a way to ask for a private talk) at once
 */
@ConfigurationProperties("tukipiiri.moderation")
public record ModerationSettings(@DefaultValue("10") int sendLimit, @DefaultValue("10s") Duration sendWindow,
		@DefaultValue("300") int requestLimit, @DefaultValue("1m") Duration requestWindow,
		@DefaultValue("5") int maxConnectionsPerUser, @DefaultValue("90s") Duration connectionTtl,
		@DefaultValue Map<String, Map<String, List<String>>> riskTerms, @DefaultValue Map<String, String> crisisMessage,
		@DefaultValue( {
				"self-harm", "violence" }) List<String> helpCardCategories){
}
