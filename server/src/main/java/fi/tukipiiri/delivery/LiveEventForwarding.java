package fi.tukipiiri.delivery;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Forwards what features publish to the relay once it is committed (never if the
 * transaction rolls back), or at once when published outside a transaction. It runs first
 * among the reactions to a commit, so a room hears a message before anything that follows
 * from it.
 */
@Component
class LiveEventForwarding {

	private final ClusterRelay relay;

	LiveEventForwarding(ClusterRelay relay) {
		this.relay = relay;
	}

	@TransactionalEventListener(fallbackExecution = true)
	@Order(Ordered.HIGHEST_PRECEDENCE)
	void on(LiveEvent event) {
		relay.deliver(Destinations.of(event.audience()), event.payload());
	}

	/**
	 * Relayed at once: a signal tells of state already changed outside the database (a
	 * revocation in Redis).
	 */
	@EventListener
	void on(NodeSignal signal) {
		relay.signal(signal);
	}

	@TransactionalEventListener(fallbackExecution = true)
	@Order(Ordered.HIGHEST_PRECEDENCE)
	void on(AccessWithdrawn withdrawn) {
		relay.withdraw(withdrawn.roomId(), withdrawn.accountId());
	}

}
