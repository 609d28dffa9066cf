package fi.tukipiiri.delivery;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.function.BooleanSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.messaging.support.ExecutorSubscribableChannel;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.CloseStatus;

/**
 * How a node leaves (SIGTERM, a rolling restart, a scale-down), before anything else of
 * it stops:
 * <ol>
 * <li>its readiness probe answers 503 at once (Spring Boot marks it refusing traffic as
 * the context starts closing), and for {@code tukipiiri.drain.unready-for} it goes on as
 * before, so load balancers stop sending it new connections;</li>
 * <li>it then takes no new WebSocket connection (503, so a proxy tries the next node) and
 * no new chat message ({@code server.restarting} on the sender's error queue, with the
 * client id: the client sends it again on its next connection);</li>
 * <li>what it has taken in is stored and answered ({@link NodeDraining}): every sender
 * gets its acknowledgement or its error;</li>
 * <li>every client is told to reconnect: a STOMP {@code ERROR} frame
 * {@code server.restarting} with a {@code reconnect-after-ms} hint drawn from
 * {@code tukipiiri.drain.reconnect-spread}, and the close code 1012 (RFC 6455 §7.4,
 * Service Restart);</li>
 * <li>it waits for them to leave, up to {@code tukipiiri.drain.timeout}, and Spring then
 * stops the rest (what is still open closes 1001).</li>
 * </ol>
 * The embedded Redis and PostgreSQL stop only after the whole context has closed.
 */
@Component
class Drain {

	/** RFC 6455 §7.4.1: the service is restarting; the client may reconnect. */
	static final CloseStatus SERVICE_RESTART = new CloseStatus(1012, "restarting");

	private static final Logger log = LoggerFactory.getLogger(Drain.class);

	private static final long POLL_MILLIS = 10;

	/**
	 * Threads closing connections: each closing one tells presence and the connection
	 * count in Redis, mostly waiting on the network.
	 */
	private static final int CLOSING_THREADS = 8;

	private final ApplicationContext context;

	private final DrainSettings settings;

	private final DrainState state;

	private final InboundAdmission admission;

	private final SessionWriters writers;

	private final ExecutorSubscribableChannel outbound;

	private final ApplicationEventPublisher events;

	Drain(ApplicationContext context, DrainSettings settings, DrainState state, InboundAdmission admission,
			SessionWriters writers, @Qualifier("clientOutboundChannel") ExecutorSubscribableChannel outbound,
			ApplicationEventPublisher events) {
		this.context = context;
		this.settings = settings;
		this.state = state;
		this.admission = admission;
		this.writers = writers;
		this.outbound = outbound;
		this.events = events;
	}

	/**
	 * Runs as this node's context starts closing, before any bean stops; returns once its
	 * clients have left or the timeout has passed.
	 */
	@EventListener
	@Order(Ordered.HIGHEST_PRECEDENCE)
	void drain(ContextClosedEvent closed) {
		if (closed.getApplicationContext() != this.context || this.state.draining()) {
			return;
		}
		long started = System.nanoTime();
		sleep(this.settings.unreadyFor());
		this.state.begin();
		long deadline = System.nanoTime() + this.settings.timeout().toNanos();
		awaitUntil(() -> this.admission.inFlight() == 0, deadline);
		this.events.publishEvent(new NodeDraining());
		awaitUntil(this::outboundIdle, deadline);
		ExecutorService closing = Executors.newFixedThreadPool(CLOSING_THREADS, runnable -> {
			Thread thread = new Thread(runnable, "drain-closing");
			thread.setDaemon(true);
			return thread;
		});
		int asked = this.writers.askAllToReconnect(StompErrors.RESTARTING, SERVICE_RESTART, closing);
		closing.shutdown();
		long leaveBy = System.nanoTime() + this.settings.timeout().toNanos();
		// a connection's departure is told (presence, connection counts) on these
		// threads: they finish rather than be interrupted mid-command
		awaitUntil(closing::isTerminated, leaveBy);
		boolean left = awaitUntil(this.writers::allGone, leaveBy);
		log.info("Drained: {} connections asked to reconnect elsewhere, {} left when done, in {} ms", asked,
				left ? 0 : this.writers.connections(), Duration.ofNanos(System.nanoTime() - started).toMillis());
	}

	/** Whether Spring's outbound channel has nothing queued or being written. */
	private boolean outboundIdle() {
		if (!(this.outbound.getExecutor() instanceof ThreadPoolTaskExecutor executor)) {
			return true;
		}
		ThreadPoolExecutor pool = executor.getThreadPoolExecutor();
		return pool.getActiveCount() == 0 && pool.getQueue().isEmpty();
	}

	private static boolean awaitUntil(BooleanSupplier condition, long deadline) {
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() - deadline >= 0) {
				return false;
			}
			sleep(Duration.ofMillis(POLL_MILLIS));
		}
		return true;
	}

	private static void sleep(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException interrupted) {
			Thread.currentThread().interrupt();
		}
	}

}
