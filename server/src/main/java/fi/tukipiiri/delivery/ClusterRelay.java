package fi.tukipiiri.delivery;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.redis.connection.Message;
import org.springframework.data.redis.connection.MessageListener;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.messaging.MessageHeaders;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.messaging.simp.SimpMessageType;
import org.springframework.messaging.simp.SimpMessagingTemplate;
import org.springframework.messaging.simp.user.SimpSession;
import org.springframework.messaging.simp.user.SimpUser;
import org.springframework.messaging.simp.user.SimpUserRegistry;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.stereotype.Component;
import org.springframework.util.MimeTypeUtils;

import fi.tukipiiri.platform.OutageLog;
import fi.tukipiiri.platform.RedisGuard;
import fi.tukipiiri.platform.ServiceUnavailable;

/**
 * Carries live events to every node: published once to a Redis channel, every node (this
 * one included) hands them to its own in-memory STOMP broker. The payload is written as
 * JSON once, on the publishing node, and travels as those bytes:
 * {@code D<published millis> <node> <destination>\n<json>} for a delivery,
 * {@code E<roomId> <accountId>} for a withdrawal of access, {@code N<type>\n<json>} for a
 * {@link NodeSignal}. One channel keeps a room's messages and withdrawals in order. Redis
 * pub/sub may drop a message; clients notice the gap in sequence numbers and fetch it
 * from PostgreSQL, which remains the truth.
 */
@Component
class ClusterRelay implements MessageListener {

	static final String CHANNEL = "tukipiiri:relay:v2";

	private static final byte[] CHANNEL_BYTES = CHANNEL.getBytes(StandardCharsets.UTF_8);

	private static final byte DELIVER = 'D';

	private static final byte WITHDRAW = 'E';

	private static final byte SIGNAL = 'N';

	private static final Logger log = LoggerFactory.getLogger(ClusterRelay.class);

	private final StringRedisTemplate redis;

	private final SimpMessagingTemplate broker;

	private final LocalSubscriptions subscriptions;

	private final SimpUserRegistry users;

	private final JsonMapper json;

	private final ApplicationEventPublisher events;

	private final RoomFanOut rooms;

	private final RelayLag lag;

	private final DeliveryMetrics metrics;

	private final RedisGuard guard;

	/** This node, in the frames it publishes. */
	private final String node = UUID.randomUUID().toString().substring(0, 8);

	ClusterRelay(StringRedisTemplate redis, SimpMessagingTemplate broker, LocalSubscriptions subscriptions,
			SimpUserRegistry users, JsonMapper json, ApplicationEventPublisher events, RoomFanOut rooms, RelayLag lag,
			DeliveryMetrics metrics, RedisGuard guard) {
		this.guard = guard;
		this.rooms = rooms;
		this.metrics = metrics;
		this.lag = lag;
		this.events = events;
		this.redis = redis;
		this.broker = broker;
		this.subscriptions = subscriptions;
		this.users = users;
		this.json = json;
	}

	/**
	 * Sends {@code payload}, written as JSON once, to everyone subscribed to
	 * {@code destination} on any node.
	 */
	void deliver(String destination, Object payload) {
		send(frame(DELIVER, System.currentTimeMillis() + " " + this.node + " " + destination,
				json.writeValueAsBytes(payload)));
	}

	/**
	 * Tells every node, this one included, where it is published as
	 * {@link NodeSignal.Heard}.
	 */
	void signal(NodeSignal signal) {
		send(frame(SIGNAL, signal.getClass().getName(), json.writeValueAsBytes(signal)));
	}

	private static byte[] frame(byte kind, String head, byte[] body) {
		byte[] headBytes = (head + "\n").getBytes(StandardCharsets.UTF_8);
		byte[] frame = new byte[1 + headBytes.length + body.length];
		frame[0] = kind;
		System.arraycopy(headBytes, 0, frame, 1, headBytes.length);
		System.arraycopy(body, 0, frame, 1 + headBytes.length, body.length);
		return frame;
	}

	/**
	 * Ends the person's live subscriptions to the room on every node, in order with the
	 * room's messages.
	 */
	void withdraw(UUID roomId, UUID accountId) {
		send((((char) WITHDRAW) + roomId.toString() + " " + accountId).getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * Publishes, or, while Redis cannot be asked, drops the frame: what it carries is
	 * already stored (a message is still acknowledged to its sender), and subscribers
	 * fill the gap from history once the relay carries events again (decision 23).
	 */
	private void send(byte[] frame) {
		try {
			guard.call("the relay",
					() -> redis.execute((RedisCallback<Long>) connection -> connection.publish(CHANNEL_BYTES, frame)));
		}
		catch (ServiceUnavailable unavailable) {
			OutageLog.of("Relay")
				.unavailable("a live event was not relayed; clients fill gaps from history", unavailable);
		}
	}

	@Override
	public void onMessage(Message message, byte[] pattern) {
		byte[] frame = message.getBody();
		if (frame.length > 0 && frame[0] == WITHDRAW) {
			String[] ids = new String(frame, 1, frame.length - 1, StandardCharsets.US_ASCII).split(" ");
			subscriptions.end(UUID.fromString(ids[0]), UUID.fromString(ids[1]));
			return;
		}
		int newline = indexOf(frame, (byte) '\n');
		if (frame.length == 0 || (frame[0] != DELIVER && frame[0] != SIGNAL) || newline < 0) {
			log.warn("Ignored an unreadable relay frame of {} bytes", frame.length);
			return;
		}
		String head = new String(frame, 1, newline - 1, StandardCharsets.UTF_8);
		byte[] payload = Arrays.copyOfRange(frame, newline + 1, frame.length);
		if (frame[0] == SIGNAL) {
			heard(head, payload);
			return;
		}
		int space = head.indexOf(' ');
		int second = space < 0 ? -1 : head.indexOf(' ', space + 1);
		if (second < 0) {
			log.warn("Ignored a relay frame without its publication time and node");
			return;
		}
		// only this node's own deliveries: their time is on this node's clock
		long publishedAt = -1;
		if (head.regionMatches(space + 1, this.node, 0, this.node.length())
				&& second - space - 1 == this.node.length()) {
			publishedAt = Long.parseLong(head, 0, space, 10);
			this.metrics.relayed(this.lag.observe(publishedAt));
		}
		String destination = head.substring(second + 1);
		if (destination.startsWith(Destinations.ROOM_TOPICS)) {
			if (this.rooms.deliver(destination, payload) > 0 && publishedAt >= 0) {
				this.metrics.handedOver(publishedAt);
			}
			return;
		}
		if (!destination.startsWith(Destinations.USER + "/")) {
			this.broker.send(destination,
					MessageBuilder.withPayload(payload)
						.setHeader(MessageHeaders.CONTENT_TYPE, MimeTypeUtils.APPLICATION_JSON)
						.build());
			return;
		}
		toSessionsOfPerson(destination, payload);
	}

	/**
	 * One message per session of the person: Spring's user destination handler, with
	 * publishing order preserved, fails on the second session when one message is
	 * resolved to several.
	 */
	private void toSessionsOfPerson(String destination, byte[] payload) {
		int from = Destinations.USER.length() + 1;
		int slash = destination.indexOf('/', from);
		if (slash < 0) {
			return;
		}
		SimpUser person = users.getUser(destination.substring(from, slash));
		if (person == null) {
			return;
		}
		for (SimpSession session : person.getSessions()) {
			SimpMessageHeaderAccessor headers = SimpMessageHeaderAccessor.create(SimpMessageType.MESSAGE);
			headers.setSessionId(session.getId());
			headers.setContentType(MimeTypeUtils.APPLICATION_JSON);
			headers.setLeaveMutable(true);
			broker.send(destination, MessageBuilder.createMessage(payload, headers.getMessageHeaders()));
		}
	}

	/**
	 * Publishes a relayed signal on this node; only types that are signals are read,
	 * nothing else is instantiated.
	 */
	private void heard(String type, byte[] payload) {
		Class<?> signalType;
		try {
			signalType = Class.forName(type, false, getClass().getClassLoader());
		}
		catch (ClassNotFoundException unknown) {
			log.warn("Ignored a relayed signal of an unknown type");
			return;
		}
		if (!NodeSignal.class.isAssignableFrom(signalType)) {
			log.warn("Ignored a relayed frame that is not a signal");
			return;
		}
		events.publishEvent(new NodeSignal.Heard<>((NodeSignal) json.readValue(payload, signalType)));
	}

	private static int indexOf(byte[] bytes, byte wanted) {
		for (int i = 0; i < bytes.length; i++) {
			if (bytes[i] == wanted) {
				return i;
			}
		}
		return -1;
	}

}
