package fi.tukipiiri.delivery;

/**
 * A record a feature publishes (with Spring's {@code ApplicationEventPublisher}) for
 * clients to hear live. It is forwarded to its {@link #audience()} on every node only
 * after the publishing transaction commits, never when it rolls back, and at once when
 * published outside a transaction. Delivery is at most once: clients fill gaps from
 * history, which PostgreSQL holds.
 */
public interface LiveEvent {

	/** Who hears it. */
	Audience audience();

	/**
	 * What they receive, written as JSON once per event: the event itself unless it says
	 * otherwise.
	 */
	default Object payload() {
		return this;
	}

}
