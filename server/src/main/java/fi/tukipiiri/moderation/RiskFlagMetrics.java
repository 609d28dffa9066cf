package fi.tukipiiri.moderation;

import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import fi.tukipiiri.platform.MetricTags;

/**
 * Counts risk flags raised, once stored, as {@code tukipiiri.risk.flags} tagged with the
 * {@code category} only (one of the configured ones, e.g. {@code self-harm}): a flag on a
 * message naming two categories counts once in each. Nothing about the room, the writer
 * or the words is a tag.
 */
@Component
class RiskFlagMetrics {

	static final String RISK_FLAGS = "tukipiiri.risk.flags";

	private final Map<String, Counter> byCategory = new TreeMap<>();

	private final Counter other;

	RiskFlagMetrics(MeterRegistry registry, ModerationSettings settings) {
		settings.riskTerms().keySet().forEach(category -> this.byCategory.put(category, counter(registry, category)));
		this.other = counter(registry, MetricTags.OTHER);
	}

	private static Counter counter(MeterRegistry registry, String category) {
		return Counter.builder(RISK_FLAGS)
			.description("Risk flags raised, by category")
			.tag("category", category)
			.register(registry);
	}

	/** A flag naming {@code categories} is stored, once its transaction commits. */
	void raised(Collection<String> categories) {
		Runnable count = () -> categories
			.forEach(category -> this.byCategory.getOrDefault(category, this.other).increment());
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					count.run();
				}
			});
		}
		else {
			count.run();
		}
	}

}
