package fi.tukipiiri.delivery;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the live connection, kept under {@code tukipiiri.chat} where operators set them.
 *
 * @param allowedOrigins browser origins allowed to open the WebSocket besides the service's own
 *        (e.g. {@code http://localhost:5173} for the Vite dev server); empty means same-origin only
 */
@ConfigurationProperties("tukipiiri.chat")
public record DeliverySettings(@DefaultValue List<String> allowedOrigins) {
}
