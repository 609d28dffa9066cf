package fi.tukipiiri.rooms;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param maxMessageLength longest message body, in Unicode code points after the text policy has folded it
 * @param allowedOrigins browser origins allowed to open the WebSocket besides the service's own
 *        (e.g. {@code http://localhost:5173} for the Vite dev server); empty means same-origin only
 * @param maxHistoryPage most messages one history request returns
 */
@ConfigurationProperties("tukipiiri.chat")
public record ChatSettings(@DefaultValue("4000") int maxMessageLength, @DefaultValue List<String> allowedOrigins,
		@DefaultValue("200") int maxHistoryPage) {
}
