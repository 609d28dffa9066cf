package fi.tukipiiri.delivery;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
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

	private final SessionWriter.Limits limits;

	private final Duration sendTimeLimit;

	private final ExecutorService closer = Executors.newSingleThreadExecutor(runnable -> {
		Thread thread = new Thread(runnable, "session-closer");
		thread.setDaemon(true);
		return thread;
	});

	SessionWriters(DeliverySettings settings) {
		long budget = Runtime.getRuntime().maxMemory() * settings.outboundHeapPercent() / 100;
		this.limits = new SessionWriter.Limits(settings.outboundPerConnection().toBytes(), new AtomicLong(), budget);
		this.sendTimeLimit = settings.sendTimeLimit();
	}

	/** Puts a writer under every connection the STOMP handler gets. */
	WebSocketHandler decorate(WebSocketHandler handler) {
		return new WebSocketHandlerDecorator(handler) {

			@Override
			public void afterConnectionEstablished(WebSocketSession session) throws Exception {
				SessionWriter writer = new SessionWriter(session, SessionWriters.this.limits,
						SessionWriters.this.closer);
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
				SessionWriter writer = SessionWriters.this.writers.remove(session.getId());
				if (writer != null) {
					writer.closed();
				}
				super.afterConnectionClosed(writer != null ? writer : session, closeStatus);
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

	/** Bytes waiting to be written on this node. */
	long queuedBytes() {
		return this.limits.queued().get();
	}

	/**
	 * Disconnects consumers whose current frame has waited longer than the send-time
	 * limit.
	 */
	@Scheduled(fixedDelay = 1000)
	void sweep() {
		long now = System.nanoTime();
		long limit = this.sendTimeLimit.toNanos();
		this.writers.values().forEach(writer -> {
			if (writer.writingFor(now) > limit) {
				writer.disconnectSlow();
			}
		});
	}

	@Override
	public void destroy() {
		this.closer.shutdown();
	}

}
