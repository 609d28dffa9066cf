package fi.tukipiiri.delivery;

import org.springframework.core.ResolvableType;
import org.springframework.core.ResolvableTypeProvider;

/**
 * A record every node of the cluster must hear, about what it holds itself (the
 * connections standing on a revoked token, say), about state already changed outside the
 * database. A feature publishes it with Spring's {@code ApplicationEventPublisher}; it is
 * relayed at once, as JSON, to every node, this one included, where it is published again
 * as {@link Heard}. Like every relayed event it is at most once: a node that must not
 * miss one also re-checks the truth now and then.
 */
public interface NodeSignal {

	/**
	 * A signal as a node heard it from the relay; listen with
	 * {@code @EventListener void on(Heard<YourSignal> heard)}.
	 */
	record Heard<T extends NodeSignal>(T signal) implements ResolvableTypeProvider {

		@Override
		public ResolvableType getResolvableType() {
			return ResolvableType.forClassWithGenerics(Heard.class, ResolvableType.forInstance(signal));
		}
	}

}
