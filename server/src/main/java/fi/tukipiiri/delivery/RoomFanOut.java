package fi.tukipiiri.delivery;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.stereotype.Component;
import org.springframework.web.socket.BinaryMessage;

/**
 * Delivers a room topic's event to this node's subscribers of it as STOMP 1.2
 * {@code MESSAGE} frames, encoded once: the frame is built once per distinct subscription
 * id (clients number their subscriptions alike, so a room of 30 needs one or a few) and
 * the same bytes are written to every subscriber, as a binary WebSocket frame so that no
 * connection encodes it again. Spring's broker would build, encode and queue a message
 * per subscriber; the subscriptions are still the broker's
 * ({@link ExactDestinationRegistry}), so SUBSCRIBE, UNSUBSCRIBE and withdrawals keep
 * their order with these frames.
 */
@Component
class RoomFanOut {

	private final ExactDestinationRegistry subscriptions;

	private final SessionWriters writers;

	private final AtomicLong messageIds = new AtomicLong();

	RoomFanOut(ExactDestinationRegistry subscriptions, SessionWriters writers) {
		this.subscriptions = subscriptions;
		this.writers = writers;
	}

	/**
	 * Writes {@code json} to every subscriber of {@code destination} on this node.
	 * @return how many subscribers it was handed to
	 */
	int deliver(String destination, byte[] json) {
		List<ExactDestinationRegistry.Subscription> subscribers = this.subscriptions.subscribersOf(destination);
		if (subscribers.isEmpty()) {
			return 0;
		}
		int handed = 0;
		byte[] head = ("MESSAGE\ndestination:" + escape(destination)
				+ "\ncontent-type:application/json\ncontent-length:" + json.length + "\nmessage-id:r-"
				+ this.messageIds.incrementAndGet() + "\nsubscription:")
			.getBytes(StandardCharsets.UTF_8);
		Map<String, BinaryMessage> frames = new HashMap<>(4);
		for (ExactDestinationRegistry.Subscription subscriber : subscribers) {
			SessionWriter writer = this.writers.of(subscriber.sessionId());
			if (writer != null) {
				writer.sendMessage(frames.computeIfAbsent(subscriber.subscriptionId(), id -> frame(head, id, json)));
				handed++;
			}
		}
		return handed;
	}

	/** {@code head}, the subscription id, a blank line, the body and NUL. */
	static BinaryMessage frame(byte[] head, String subscriptionId, byte[] json) {
		byte[] id = escape(subscriptionId).getBytes(StandardCharsets.UTF_8);
		ByteBuffer frame = ByteBuffer.allocate(head.length + id.length + 2 + json.length + 1);
		frame.put(head).put(id).put((byte) '\n').put((byte) '\n').put(json).put((byte) 0).flip();
		return new BinaryMessage(frame);
	}

	/** A header value escaped as STOMP 1.2 requires: backslash, CR, LF and colon. */
	static String escape(String value) {
		StringBuilder escaped = null;
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			String replacement = switch (c) {
				case '\\' -> "\\\\";
				case '\r' -> "\\r";
				case '\n' -> "\\n";
				case ':' -> "\\c";
				default -> null;
			};
			if (replacement != null && escaped == null) {
				escaped = new StringBuilder(value.length() + 8).append(value, 0, i);
			}
			if (escaped != null) {
				escaped.append(replacement != null ? replacement : String.valueOf(c));
			}
		}
		return escaped != null ? escaped.toString() : value;
	}

}
