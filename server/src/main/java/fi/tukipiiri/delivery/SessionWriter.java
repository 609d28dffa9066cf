package fi.tukipiiri.delivery;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.websocket.RemoteEndpoint;
import jakarta.websocket.SendHandler;
import jakarta.websocket.SendResult;
import jakarta.websocket.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.web.socket.BinaryMessage;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.adapter.NativeWebSocketSession;
import org.springframework.web.socket.handler.WebSocketSessionDecorator;

/**
 * Writes one connection's frames in order without ever blocking the caller: frames wait
 * in a queue bounded in bytes and leave one at a time through the container's
 * asynchronous send (Jakarta WebSocket {@code RemoteEndpoint.Async}). A consumer that
 * falls behind, with more than its share of bytes waiting or one frame unwritten for
 * longer than the send-time limit ({@link SessionWriters#sweep}), is disconnected with
 * 1008 (policy violation), so it slows nobody else and the node's memory stays bounded;
 * it reconnects and fills the gap from history.
 */
final class SessionWriter extends WebSocketSessionDecorator {

	private static final Logger log = LoggerFactory.getLogger(SessionWriter.class);

	/** Why a slow consumer was disconnected, as the close frame's reason. */
	static final CloseStatus TOO_SLOW = CloseStatus.POLICY_VIOLATION.withReason("too slow to receive");

	private final RemoteEndpoint.Async remote;

	private final Limits limits;

	private final Executor closer;

	private final Object lock = new Object();

	private final ArrayDeque<WebSocketMessage<?>> queue = new ArrayDeque<>();

	/** Bytes waiting in this queue (guarded by {@link #lock}). */
	private long queuedBytes;

	/**
	 * When the frame now being written started, {@link System#nanoTime()}; 0 when idle.
	 */
	private volatile long writingSince;

	private boolean closed;

	/** A close asked for while frames were still waiting: done once they are written. */
	private CloseStatus closeWhenWritten;

	/**
	 * When ({@link System#nanoTime()}) this connection is asked to reconnect to even out
	 * the load; {@link Long#MAX_VALUE}: never.
	 */
	private final long rebalanceAt;

	/**
	 * How much may wait: per connection, and across all connections of the node.
	 *
	 * @param perConnection bytes one connection may have waiting
	 * @param queued bytes waiting on the node, shared by its connections
	 * @param budget bytes the whole node may have waiting
	 */
	record Limits(long perConnection, AtomicLong queued, long budget) {
	}

	SessionWriter(WebSocketSession session, Limits limits, Executor closer, long rebalanceAt) {
		super(session);
		this.rebalanceAt = rebalanceAt;
		this.remote = ((NativeWebSocketSession) session).getNativeSession(Session.class).getAsyncRemote();
		this.limits = limits;
		this.closer = closer;
	}

	/**
	 * A close that waits its turn behind the frames queued before it: the connection
	 * closes with {@code status} once they are written.
	 */
	record CloseAfterQueued(CloseStatus status) implements WebSocketMessage<CloseStatus> {

		@Override
		public CloseStatus getPayload() {
			return this.status;
		}

		@Override
		public int getPayloadLength() {
			return 0;
		}

		@Override
		public boolean isLast() {
			return true;
		}

	}

	/**
	 * Queues the frame; returns at once. A frame that would exceed the limits disconnects
	 * instead; a {@link CloseAfterQueued} closes once the frames before it are written.
	 */
	@Override
	public void sendMessage(WebSocketMessage<?> message) {
		if (message instanceof CloseAfterQueued close) {
			try {
				close(close.status());
			}
			catch (IOException ex) {
				log.debug("Session {} did not close cleanly", getId(), ex);
			}
			return;
		}
		int length = message.getPayloadLength();
		boolean start;
		synchronized (this.lock) {
			if (this.closed || this.closeWhenWritten != null) {
				return;
			}
			boolean overConnection = this.queuedBytes + length > this.limits.perConnection();
			boolean overNode = !overConnection && this.limits.queued().addAndGet(length) > this.limits.budget();
			if (overNode) {
				this.limits.queued().addAndGet(-length);
			}
			if (overConnection || overNode) {
				start = false;
				overflow();
			}
			else {
				this.queuedBytes += length;
				this.queue.add(message);
				start = this.writingSince == 0;
				if (start) {
					this.writingSince = System.nanoTime();
				}
			}
		}
		if (start) {
			pump();
		}
	}

	/**
	 * Tells the client to connect again after {@code afterMillis}, to this node or
	 * another: a STOMP {@code ERROR} frame whose {@code message} is {@code code} and
	 * whose {@code reconnect-after-ms} header is the delay; the connection then closes
	 * with {@code status} once the frames queued before are written. Nothing is lost: the
	 * client fills the gap from history and sends its unacknowledged messages again with
	 * the same client ids.
	 */
	void askToReconnect(String code, long afterMillis, CloseStatus status) {
		sendMessage(new TextMessage(
				"ERROR\nmessage:" + code + "\nreconnect-after-ms:" + afterMillis + "\ncontent-length:0\n\n\u0000"));
		try {
			close(status);
		}
		catch (IOException ex) {
			log.debug("Session {} did not close cleanly", getId(), ex);
		}
	}

	/**
	 * Whether this connection is due to be asked to reconnect elsewhere, at {@code now}.
	 */
	boolean dueToRebalance(long now) {
		return now - this.rebalanceAt >= 0;
	}

	/** Nanoseconds the frame being written has taken so far; 0 when idle. */
	long writingFor(long now) {
		long since = this.writingSince;
		return since == 0 ? 0 : now - since;
	}

	/**
	 * The connection has closed: frames still waiting are dropped and the node's count of
	 * waiting bytes is given back.
	 */
	void closed() {
		synchronized (this.lock) {
			drop();
		}
	}

	/** Disconnects this consumer for being too slow; frames still waiting are dropped. */
	void disconnectSlow() {
		synchronized (this.lock) {
			overflow();
		}
	}

	@Override
	public void close() throws IOException {
		close(CloseStatus.NORMAL);
	}

	/**
	 * Closes once the frames already queued are written (an {@code ERROR} frame sent just
	 * before must reach the client); a consumer that does not take them is disconnected
	 * by the send-time limit instead.
	 */
	@Override
	public void close(CloseStatus status) throws IOException {
		synchronized (this.lock) {
			if (this.closed) {
				return;
			}
			if (this.writingSince != 0) {
				this.closeWhenWritten = status;
				return;
			}
			drop();
		}
		super.close(status);
	}

	/**
	 * Writes queued frames until one does not complete at once; its completion carries
	 * on.
	 */
	private void pump() {
		while (true) {
			WebSocketMessage<?> next;
			CloseStatus closing = null;
			synchronized (this.lock) {
				next = this.closed ? null : this.queue.poll();
				if (next != null) {
					int length = next.getPayloadLength();
					this.queuedBytes -= length;
					this.limits.queued().addAndGet(-length);
					this.writingSince = System.nanoTime();
				}
				else {
					this.writingSince = 0;
					if (!this.closed && this.closeWhenWritten != null) {
						closing = this.closeWhenWritten;
						drop();
					}
				}
			}
			if (next == null) {
				if (closing != null) {
					closeLater(closing);
				}
				return;
			}
			Completion completion = new Completion();
			try {
				write(next, completion);
			}
			catch (RuntimeException | IOException ex) {
				failed(ex);
				return;
			}
			if (completion.callerReturned()) {
				return;
			}
		}
	}

	private void write(WebSocketMessage<?> message, SendHandler handler) throws IOException {
		if (message instanceof TextMessage text) {
			this.remote.sendText(text.getPayload(), handler);
		}
		else if (message instanceof BinaryMessage binary) {
			// frames are shared between connections: each reads its own view of the bytes
			ByteBuffer bytes = binary.getPayload().duplicate();
			this.remote.sendBinary(bytes, handler);
		}
		else {
			getDelegate().sendMessage(message);
			handler.onResult(new SendResult());
		}
	}

	private void failed(Throwable cause) {
		log.debug("A frame could not be written to session {}", getId(), cause);
		synchronized (this.lock) {
			drop();
		}
		closeLater(CloseStatus.SESSION_NOT_RELIABLE);
	}

	/** Called holding the lock. */
	private void overflow() {
		if (this.closed) {
			return;
		}
		log.info("Disconnected session {}: too slow to receive ({} bytes waiting)", getId(), this.queuedBytes);
		drop();
		closeLater(TOO_SLOW);
	}

	/**
	 * Called holding the lock: nothing more is written, and the node's count is given
	 * back.
	 */
	private void drop() {
		this.closed = true;
		this.limits.queued().addAndGet(-this.queuedBytes);
		this.queuedBytes = 0;
		this.queue.clear();
		this.writingSince = 0;
	}

	private void closeLater(CloseStatus status) {
		this.closer.execute(() -> {
			try {
				getDelegate().close(status);
			}
			catch (IOException | RuntimeException ex) {
				log.debug("Session {} did not close cleanly", getId(), ex);
			}
		});
	}

	/**
	 * Hands the next write over between the thread that started a send and the one its
	 * completion runs on (often the same, at once): whichever comes second carries on.
	 */
	private final class Completion implements SendHandler {

		private static final int PENDING = 0;

		private static final int CALLER_RETURNED = 1;

		private static final int COMPLETED = 2;

		private final AtomicInteger state = new AtomicInteger(PENDING);

		@Override
		public void onResult(SendResult result) {
			if (!result.isOK()) {
				failed(result.getException());
				return;
			}
			if (!this.state.compareAndSet(PENDING, COMPLETED)) {
				pump();
			}
		}

		/**
		 * Whether the caller returned first, so the completion will write the next frame.
		 */
		boolean callerReturned() {
			return this.state.compareAndSet(PENDING, CALLER_RETURNED);
		}

	}

}
