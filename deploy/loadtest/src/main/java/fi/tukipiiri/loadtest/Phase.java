package fi.tukipiiri.loadtest;

import java.util.concurrent.atomic.LongAdder;

import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * What one phase of sending caused. Its messages carry its tag, so what arrives late is
 * still counted for it and never for another phase.
 */
final class Phase {

	final char tag;

	final String name;

	/** Send to receipt by another member, nanoseconds. */
	final Histogram latency = new ConcurrentHistogram(3);

	/** Send to the sender's acknowledgement (after the server committed), nanoseconds. */
	final Histogram ackLatency = new ConcurrentHistogram(3);

	final LongAdder sent = new LongAdder();

	/**
	 * Deliveries the sends should cause: each sender's room, less the sender where the
	 * server does not echo.
	 */
	final LongAdder expected = new LongAdder();

	final LongAdder delivered = new LongAdder();

	final LongAdder acked = new LongAdder();

	final LongAdder refused = new LongAdder();

	/**
	 * Sends the server shed with {@code server.busy}: refused at once, nothing stored or
	 * delivered.
	 */
	final LongAdder shed = new LongAdder();

	volatile double seconds;

	volatile long cpuNanos = -1;

	volatile double machineBusy = -1;

	Phase(char tag, String name) {
		this.tag = tag;
		this.name = name;
	}

	long lost() {
		return expected.sum() - delivered.sum();
	}

	/** Server CPU microseconds per delivery, or -1 if unknown. */
	double cpuMicrosPerDelivery() {
		return cpuNanos < 0 || delivered.sum() == 0 ? -1 : cpuNanos / 1e3 / delivered.sum();
	}

	/**
	 * Server CPU microseconds per message: per acknowledged (stored) message where the
	 * server acknowledges, else per message sent.
	 */
	double cpuMicrosPerMessage() {
		long messages = acked.sum() > 0 ? acked.sum() : sent.sum();
		return cpuNanos < 0 || messages == 0 ? -1 : cpuNanos / 1e3 / messages;
	}

}
