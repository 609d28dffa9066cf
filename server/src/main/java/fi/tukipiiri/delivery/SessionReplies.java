package fi.tukipiiri.delivery;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;
import org.springframework.web.socket.TextMessage;

/**
 * Answers one connection of this node on one of its own queues ({@code /user/queue/…}),
 * written straight to the connection: for the answer to every chat message
 * ({@link Destinations#ACKS}), which Spring's user-destination and broker path made about
 * as costly as storing the message. The connection must have subscribed to the queue;
 * otherwise, as with the broker, nothing is sent.
 */
@Component
public class SessionReplies {

	/**
	 * Spring's name for a session's own copy of a user queue:
	 * {@code /queue/acks-user{sessionId}}.
	 */
	private static final String USER_SUFFIX = "-user";

	private final ExactDestinationRegistry subscriptions;

	private final SessionWriters writers;

	private final JsonMapper json;

	private final AtomicLong messageIds = new AtomicLong();

	SessionReplies(ExactDestinationRegistry subscriptions, SessionWriters writers, JsonMapper json) {
		this.subscriptions = subscriptions;
		this.writers = writers;
		this.json = json;
	}

	/**
	 * Sends {@code payload}, as JSON, to the connection {@code sessionId} on its
	 * subscription to {@code queue} (one of the {@link Destinations} queues, e.g.
	 * {@link Destinations#ACKS}).
	 */
	public void toSession(String sessionId, String queue, Object payload) {
		SessionWriter writer = this.writers.of(sessionId);
		if (writer == null) {
			return;
		}
		String body = new String(this.json.writeValueAsBytes(payload), StandardCharsets.UTF_8);
		for (ExactDestinationRegistry.Subscription subscription : this.subscriptions
			.subscribersOf(queue + USER_SUFFIX + sessionId)) {
			writer.sendMessage(new TextMessage("MESSAGE\ndestination:"
					+ RoomFanOut.escape(Destinations.userQueue(queue))
					+ "\ncontent-type:application/json\ncontent-length:" + body.getBytes(StandardCharsets.UTF_8).length
					+ "\nmessage-id:q-" + this.messageIds.incrementAndGet() + "\nsubscription:"
					+ RoomFanOut.escape(subscription.subscriptionId()) + "\n\n" + body + "\u0000"));
		}
	}

}
