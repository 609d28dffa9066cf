package fi.tukipiiri.platform;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One WARN line, never a stack trace, for each refused request or frame that a
 * well-behaved client does not send: malformed or mistyped bodies, bad tokens and
 * origins, oversized bodies, undecodable STOMP frames, refused subscriptions and sends.
 * At most {@value #LINES_PER_MINUTE} lines per kind per node per minute are written;
 * beyond that they are counted, and the next line of that kind says how many were left
 * out, so a flood of them cannot fill the disk.
 *
 * <p>
 * A line names what was refused and why (a method and path, a STOMP command and
 * destination, an error code or exception class) and never what was sent: no bodies,
 * values, tokens or exception messages, which may carry a person's text. Control
 * characters are replaced and each detail is cut at {@value #MAX_DETAIL} characters, so a
 * crafted path cannot forge log lines.
 */
public final class RefusalLog {

	static final int LINES_PER_MINUTE = 20;
	static final int MAX_DETAIL = 200;

	private static final long WINDOW_NANOS = TimeUnit.MINUTES.toNanos(1);

	private static final Logger log = LoggerFactory.getLogger(RefusalLog.class);

	private static final ConcurrentMap<String, RefusalLog> KINDS = new ConcurrentHashMap<>();

	private static final List<Listener> LISTENERS = new CopyOnWriteArrayList<>();

	private static final Pattern PLAIN_SEGMENT = Pattern.compile("[a-z][a-z-]{0,39}");

	private final String kind;

	private final LongSupplier nanoTime;

	private long windowStart;

	private int written;

	private long leftOut;

	RefusalLog(String kind, LongSupplier nanoTime) {
		this.kind = kind;
		this.nanoTime = nanoTime;
		this.windowStart = nanoTime.getAsLong();
	}

	/**
	 * The log of one kind of refusal, e.g. {@code "request"}, {@code "stomp-frame"}; one
	 * budget per kind and node.
	 */
	public static RefusalLog of(String kind) {
		return KINDS.computeIfAbsent(kind, name -> new RefusalLog(name, System::nanoTime));
	}

	/**
	 * Told of every refusal, whether its line is written or not ({@link RefusalMetrics}
	 * counts them).
	 */
	public interface Listener {

		/**
		 * @param kind the log's kind
		 * @param why the refusal's code or exception class name, as given to
		 * {@link #refused(String, String)}
		 */
		void refused(String kind, String why);

	}

	/** Tells {@code listener} of every refusal from now on, of every kind. */
	static void listen(Listener listener) {
		LISTENERS.add(listener);
	}

	static void stopListening(Listener listener) {
		LISTENERS.remove(listener);
	}

	/**
	 * Gives every kind a fresh minute, so a test sees its own refusals whatever ran
	 * before it in the same JVM.
	 */
	static void startAfresh() {
		KINDS.values().forEach(RefusalLog::reset);
	}

	private synchronized void reset() {
		windowStart = nanoTime.getAsLong();
		written = 0;
		leftOut = 0;
	}

	/**
	 * Writes {@code Refused <kind>: <what> (<why>)} unless this kind is over its budget
	 * for the minute.
	 * @param what where the refusal happened, e.g. {@code "POST /api/series"}; never
	 * client-supplied content
	 * @param why the error code or exception class name
	 */
	public void refused(String what, String why) {
		LISTENERS.forEach(listener -> listener.refused(this.kind, why));
		long omitted;
		boolean write;
		synchronized (this) {
			long now = nanoTime.getAsLong();
			omitted = 0;
			if (now - windowStart >= WINDOW_NANOS) {
				omitted = leftOut;
				windowStart = now;
				written = 0;
				leftOut = 0;
			}
			write = written < LINES_PER_MINUTE;
			if (write) {
				written++;
			}
			else {
				leftOut++;
			}
		}
		if (omitted > 0) {
			log.warn("Refused {}: {} more not logged (over {} a minute)", kind, omitted, LINES_PER_MINUTE);
		}
		if (write) {
			log.warn("Refused {}: {} ({})", kind, clean(what), clean(why));
		}
	}

	/**
	 * A path or destination with every segment that is not a plain lower-case word
	 * replaced by {@code {}}, e.g. {@code /api/rooms/{}/messages}: ids, codes and secret
	 * feed addresses stay out of the log.
	 */
	public static String shape(String path) {
		if (path == null) {
			return "-";
		}
		String bare = path.indexOf('?') >= 0 ? path.substring(0, path.indexOf('?')) : path;
		return Arrays.stream(bare.split("/", -1))
			.map(segment -> segment.isEmpty() || PLAIN_SEGMENT.matcher(segment).matches() ? segment : "{}")
			.collect(Collectors.joining("/"));
	}

	static String clean(String detail) {
		if (detail == null) {
			return "-";
		}
		String cut = detail.length() > MAX_DETAIL ? detail.substring(0, MAX_DETAIL) + "…" : detail;
		StringBuilder safe = new StringBuilder(cut.length());
		cut.codePoints()
			.forEach(c -> safe
				.appendCodePoint(Character.isISOControl(c) || Character.getType(c) == Character.FORMAT ? '?' : c));
		return safe.toString();
	}

}
