package fi.tukipiiri.delivery;

import org.springframework.stereotype.Component;

/**
 * How far behind this node's relay is: the time from a delivery's publication (on any
 * node) to this node writing it to its readers, as last seen. A node whose readers hear
 * messages seconds late is saturated even when few messages are being stored, so
 * {@link InboundAdmission} sheds on this as well.
 */
@Component
class RelayLag {

	/** A lag older than this says nothing about now (nothing was relayed since). */
	private static final long STALE_MILLIS = 1_000;

	private volatile long lagMillis;

	private volatile long observedAt;

	/**
	 * A delivery published at {@code publishedAt} (epoch milliseconds) is being written
	 * now.
	 * @return its lag, in milliseconds
	 */
	long observe(long publishedAt) {
		long now = System.currentTimeMillis();
		long lag = Math.max(0, now - publishedAt);
		this.lagMillis = lag;
		this.observedAt = now;
		return lag;
	}

	/**
	 * The lag last seen, in milliseconds; 0 when nothing was relayed in the last second.
	 */
	long millis() {
		return System.currentTimeMillis() - this.observedAt > STALE_MILLIS ? 0 : this.lagMillis;
	}

}
