package fi.tukipiiri.rooms;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Counts the messages stored on this node, once committed, as
 * {@code tukipiiri.messages.stored} tagged with their {@code kind} ({@code text},
 * {@code crisis}, {@code question}, {@code answer}); the rate comes from the counter. A
 * message sent again under the same client id is not counted twice.
 */
@Component
class MessageMetrics {

	static final String STORED = "tukipiiri.messages.stored";

	private final Map<MessageKind, Counter> stored = new EnumMap<>(MessageKind.class);

	MessageMetrics(MeterRegistry registry) {
		for (MessageKind kind : MessageKind.values()) {
			this.stored.put(kind,
					Counter.builder(STORED)
						.description("Messages stored, once committed")
						.tag("kind", kind.name().toLowerCase(Locale.ROOT))
						.register(registry));
		}
	}

	@TransactionalEventListener(fallbackExecution = true)
	void on(MessagePosted posted) {
		this.stored.get(posted.message().kind()).increment();
	}

}
