package fi.tukipiiri.delivery;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the live connection, kept under {@code tukipiiri.chat} where operators set
 * them.
 *
 * @param allowedOrigins browser origins allowed to open the WebSocket besides the
 * service's own (e.g. {@code http://localhost:5173} for the Vite dev server); empty means
 * same-origin only
 * @param outboundPerConnection most bytes waiting to be written to one connection; a
 * consumer further behind is disconnected (1008) and catches up from history
 * @param outboundHeapPercent most bytes waiting to be written on the node, as a share of
 * the maximum heap
 * @param sendTimeLimit longest one frame may take to be written before its consumer is
 * disconnected
 * @param maxSendsInFlight most chat messages being taken in on the node at once, and
 * separately most waiting to be stored; one more is answered {@code server.busy} with a
 * retry hint instead of waiting in a queue
 * @param compression whether per-message deflate (RFC 7692) is agreed with clients that
 * offer it
 * @param maxDeliveryLag how late this node's readers may hear messages before new ones
 * are answered {@code server.busy}
 */
@ConfigurationProperties("tukipiiri.chat")
public record DeliverySettings(@DefaultValue List<String> allowedOrigins,
		@DefaultValue("256KB") DataSize outboundPerConnection, @DefaultValue("25") int outboundHeapPercent,
		@DefaultValue("10s") Duration sendTimeLimit, @DefaultValue("256") int maxSendsInFlight,
		@DefaultValue("false") boolean compression, @DefaultValue("500ms") Duration maxDeliveryLag) {
}
