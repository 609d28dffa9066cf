package fi.tukipiiri.platform;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A WARN line when something this node depends on cannot be asked (Redis for flood
 * limits, revocations and the relay), without a stack trace and at most one line per kind
 * every {@value #SECONDS} seconds: an outage touches every request and frame, and must
 * not fill the disk. The next line of a kind says how many were left out.
 */
public final class OutageLog {

	static final int SECONDS = 10;

	private static final long WINDOW_NANOS = TimeUnit.SECONDS.toNanos(SECONDS);

	private static final Logger log = LoggerFactory.getLogger(OutageLog.class);

	private static final ConcurrentMap<String, OutageLog> KINDS = new ConcurrentHashMap<>();

	private final String kind;

	private final LongSupplier nanoTime;

	private long lastWritten;

	private boolean writtenOnce;

	private long leftOut;

	OutageLog(String kind, LongSupplier nanoTime) {
		this.kind = kind;
		this.nanoTime = nanoTime;
	}

	/**
	 * The log of one kind of outage, e.g. {@code "flood limits"}; one budget per kind and
	 * node.
	 */
	public static OutageLog of(String kind) {
		return KINDS.computeIfAbsent(kind, name -> new OutageLog(name, System::nanoTime));
	}

	/**
	 * Writes {@code <kind>: <consequence> (<exception class>: <message>)} unless a line
	 * of this kind was written in the last {@value #SECONDS} seconds.
	 * @param consequence what the node does instead, e.g. "requests pass unchecked"
	 */
	public void unavailable(String consequence, RuntimeException cause) {
		long omitted;
		synchronized (this) {
			long now = nanoTime.getAsLong();
			if (writtenOnce && now - lastWritten < WINDOW_NANOS) {
				leftOut++;
				return;
			}
			omitted = leftOut;
			leftOut = 0;
			lastWritten = now;
			writtenOnce = true;
		}
		log.warn("{}: {} ({}: {}){}", kind, consequence, cause.getClass().getSimpleName(),
				RefusalLog.clean(cause.getMessage()),
				omitted > 0 ? " and " + omitted + " more in the last " + SECONDS + " s" : "");
	}

}
