package fi.tukipiiri.delivery;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.WebSocketHandlerDecorator;

/**
 * This node's connections, each behind its {@link SessionWriter}: the STOMP handler, and
 * with it everything Spring sends, writes through the writer, and {@link RoomFanOut}
 * writes room frames to it directly.
 */
@Component
class SessionWriters implements DisposableBean {

	private final Map<String, SessionWriter> writers = new ConcurrentHashMap<>();

	/** Connections whose closing is being told to the rest of the node now. */
	private final AtomicInteger departing = new AtomicInteger();

	private final SessionWriter.Limits limits;

	private final Duration sendTimeLimit;

	private final ExecutorService closer = Executors.newSingleThreadExecutor(runnable -> {
		Thread thread = new Thread(runnable, "session-closer");
		thread.setDaemon(true);
		return thread;
	});

	private final DrainSettings drain;

	SessionWriters(DeliverySettings settings, DrainSettings drain) {
		long budget = Runtime.getRuntime().maxMemory() * settings.outboundHeapPercent() / 100;
		this.limits = new SessionWriter.Limits(settings.outboundPerConnection().toBytes(), new AtomicLong(), budget);
		this.sendTimeLimit = settings.sendTimeLimit();
		this.drain = drain;
	}

	/**
	 * When a connection opened now is asked to reconnect elsewhere: after the maximum
	 * connection age plus up to a quarter of it, drawn per connection so the nodes are
	 * not left all at once; never when the age is zero.
	 */
	private long rebalanceAt(long now) {
		long age = this.drain.maxConnectionAge().toNanos();
		if (age <= 0) {
			return Long.MAX_VALUE;
		}
		return now + age + ThreadLocalRandom.current().nextLong(age / 4 + 1);
	}

	/**
	 * Asks every connection of this node to reconnect
	 * ({@link SessionWriter#askToReconnect}) with {@code code} and {@code status}, each
	 * after its own delay drawn evenly from 0 to the reconnect spread. The asking runs on
	 * {@code executor}: a connection that closes at once tells the rest of the node
	 * (presence, connection counts in Redis) on the asking thread.
	 * @return how many were asked
	 */
	int askAllToReconnect(String code, CloseStatus status, Executor executor) {
		int asked = 0;
		for (SessionWriter writer : this.writers.values()) {
			executor.execute(() -> writer.askToReconnect(code, reconnectAfterMillis(), status));
			asked++;
		}
		return asked;
	}

	private long reconnectAfterMillis() {
		return ThreadLocalRandom.current().nextLong(this.drain.reconnectSpread().toMillis() + 1);
	}

	/** Puts a writer under every connection the STOMP handler gets. */
	WebSocketHandler decorate(WebSocketHandler handler) {
		return new WebSocketHandlerDecorator(handler) {

			@Override
			public void afterConnectionEstablished(WebSocketSession session) throws Exception {
				SessionWriter writer = new SessionWriter(session, SessionWriters.this.limits,
						SessionWriters.this.closer, rebalanceAt(System.nanoTime()));
				SessionWriters.this.writers.put(session.getId(), writer);
				super.afterConnectionEstablished(writer);
			}

			@Override
			public void handleMessage(WebSocketSession session,
					org.springframework.web.socket.WebSocketMessage<?> message) throws Exception {
				super.handleMessage(writerOf(session), message);
			}

			@Override
			public void handleTransportError(WebSocketSession session, Throwable exception) throws Exception {
				super.handleTransportError(writerOf(session), exception);
			}

			@Override
			public void afterConnectionClosed(WebSocketSession session, CloseStatus closeStatus) throws Exception {
				SessionWriters.this.departing.incrementAndGet();
				try {
					SessionWriter writer = SessionWriters.this.writers.remove(session.getId());
					if (writer != null) {
						writer.closed();
					}
					super.afterConnectionClosed(writer != null ? writer : session, closeStatus);
				}
				finally {
					SessionWriters.this.departing.decrementAndGet();
				}
			}

			private WebSocketSession writerOf(WebSocketSession session) {
				SessionWriter writer = SessionWriters.this.writers.get(session.getId());
				return writer != null ? writer : session;
			}
		};
	}

	/** The writer of a connection on this node, or null when it has ended. */
	SessionWriter of(String sessionId) {
		return this.writers.get(sessionId);
	}

	/** The connections open on this node now. */
	int connections() {
		return this.writers.size();
	}

	/**
	 * Whether no connection is open and none is still telling the node it has closed
	 * (presence, connection counts).
	 */
	boolean allGone() {
		return this.writers.isEmpty() && this.departing.get() == 0;
	}

	/** Bytes waiting to be written on this node. */
	long queuedBytes() {
		return this.limits.queued().get();
	}

	/**
	 * Disconnects consumers whose current frame has waited longer than the send-time
	 * limit, and asks connections past their age to reconnect
	 * ({@code server.rebalancing}, closed 1000), which the load balancer then sends to
	 * the least loaded node.
	 */
	@Scheduled(fixedDelay = 1000)
	void sweep() {
		long now = System.nanoTime();
		long limit = this.sendTimeLimit.toNanos();
		this.writers.values().forEach(writer -> {
			if (writer.writingFor(now) > limit) {
				writer.disconnectSlow();
			}
			else if (writer.dueToRebalance(now)) {
				writer.askToReconnect(StompErrors.REBALANCING, reconnectAfterMillis(), CloseStatus.NORMAL);
			}
		});
	}

	@Override
	public void destroy() {
		this.closer.shutdown();
	}

}
