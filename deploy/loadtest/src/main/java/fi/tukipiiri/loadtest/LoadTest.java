package fi.tukipiiri.loadtest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Collectors;

import org.HdrHistogram.Histogram;

import fi.tukipiiri.loadtest.Options.Protocol;
import fi.tukipiiri.loadtest.ServerProbe.CpuTime;
import fi.tukipiiri.loadtest.ServerProbe.MachineCpu;

/**
 * Fan-out benchmark against a running chat server, Tukipiiri (STOMP) or one of the
 * baselines (a bare WebSocket broadcast server, a Socket.IO server): N connections in
 * rooms of {@code room-size}, one message sent {@code rate} times a second by a random
 * member, each delivered to the other members of its room. Reports how long connecting
 * took, then the first seconds of sending and the measured time after them separately:
 * deliveries per second, send-to-receive and send-to-acknowledgement latency percentiles,
 * losses, the server's CPU per delivery and its memory. With {@code --rate=0} it only
 * holds the connections and reports memory per connection.
 *
 * <pre>./mvnw -q -pl deploy/loadtest exec:java -Dexec.args="--connections=5000 --rate=500 --seconds=60"</pre>
 */
public final class LoadTest implements ChatConnection.Receiver {

	private static final String BODY_MARK = "\"body\":\"lt ";

	private static final String ACK_MARK = "\"clientId\":\"lt-";

	private final Options options;

	private final Phase first;

	private final Phase measured = new Phase('m', "measured");

	private final LongAdder dropped = new LongAdder();

	private final LongAdder errors = new LongAdder();

	private final AtomicReference<String> firstError = new AtomicReference<>();

	private LoadTest(Options options) {
		this.options = options;
		this.first = new Phase('w', "first " + options.warmUp().toSeconds() + " s");
	}

	public static void main(String[] args) {
		try {
			new LoadTest(Options.parse(args)).run();
		}
		catch (Exception ex) {
			ex.printStackTrace();
			// the clients' threads would keep the JVM alive
			System.exit(1);
		}
		System.exit(0);
	}

	private record Member(ChatConnection connection, int roomSize) {
	}

	private record Connected(List<Member> members, double seconds, int failed) {
	}

	private void run() throws Exception {
		Api api = null;
		String admin = null;
		if (options.protocol() == Protocol.STOMP) {
			if (options.adminUsername() == null || options.adminPassword() == null) {
				throw new IllegalArgumentException(
						"Give --admin-username and --admin-password (or TUKIPIIRI_ADMIN_* variables)");
			}
			api = new Api(options.urls().get(0));
			admin = api.login(options.adminUsername(), options.adminPassword());
		}
		ServerProbe probe = new ServerProbe(api, admin, options.serverPid());
		Target target = Target.of(options, api, admin);
		probe.processName().ifPresent(name -> System.out.printf("Server process %d: %s%n", options.serverPid(), name));

		System.out.printf("%s at %s: preparing %d rooms and %d clients…%n", options.protocol(), options.url(),
				options.rooms(), options.connections());
		target.prepare();
		boolean collected = probe.collectGarbage();
		OptionalLong heapBefore = probe.heapUsed();
		OptionalLong memoryBefore = probe.residentMemory();

		System.out.printf("Opening %d connections (%s client%s, %d at a time)…%n", options.connections(),
				options.client(), options.deflate() ? ", offering permessage-deflate" : "",
				options.connectConcurrency());
		Transport transport = Transport.of(options);
		Connected connected = connect(target, transport);
		List<Member> members = connected.members();
		String extensions = members.isEmpty() ? "" : members.get(0).connection().extensions();
		System.out.printf("Connected %d of %d in %.2f s (%.0f/s), %d failed; extensions accepted: %s%n", members.size(),
				options.connections(), connected.seconds(), members.size() / connected.seconds(), connected.failed(),
				extensions.isEmpty() ? "none" : extensions);
		if (members.isEmpty()) {
			throw new IllegalStateException("No connection opened: " + firstError.get());
		}

		if (options.idle()) {
			System.out.printf("Holding them for %d s…%n", options.duration().toSeconds());
			Thread.sleep(options.duration().toMillis());
			collected &= probe.collectGarbage();
			reportIdle(connected, heapBefore, probe.heapUsed(), memoryBefore, probe.residentMemory(), collected);
		}
		else {
			Thread.sleep(2_000);
			System.out.printf("Sending at %d messages/s: the first %d s (reported separately)…%n", options.rate(),
					options.warmUp().toSeconds());
			runPhase(first, members, options.warmUp(), Duration.ofSeconds(2), probe, target.echoesToSender());
			System.out.printf("Measuring for %d s…%n", options.duration().toSeconds());
			runPhase(measured, members, options.duration(), Duration.ofSeconds(5), probe, target.echoesToSender());
			report(connected, extensions, heapBefore, probe.heapUsed(), memoryBefore, probe.residentMemory());
		}
		members.forEach(member -> member.connection().close());
		Thread.sleep(500);
		transport.close();
	}

	/**
	 * Opens every connection, at most {@code connect-concurrency} handshakes in flight;
	 * the time is until the last is ready.
	 */
	private Connected connect(Target target, Transport transport) throws InterruptedException {
		Semaphore inFlight = new Semaphore(options.connectConcurrency());
		List<CompletableFuture<Member>> opening = new ArrayList<>();
		long start = System.nanoTime();
		for (int i = 0; i < options.connections(); i++) {
			inFlight.acquire();
			int roomSize = options.roomSize(i);
			CompletableFuture<Member> member = target.connect(transport, i, this)
				.orTimeout(30, TimeUnit.SECONDS)
				.thenApply(connection -> new Member(connection, roomSize));
			member.whenComplete((done, failure) -> inFlight.release());
			opening.add(member);
		}
		List<Member> members = new ArrayList<>();
		int failed = 0;
		for (CompletableFuture<Member> member : opening) {
			try {
				members.add(member.join());
			}
			catch (RuntimeException ex) {
				failed++;
				firstError.compareAndSet(null, String.valueOf(ex.getCause() != null ? ex.getCause() : ex));
			}
		}
		return new Connected(members, (System.nanoTime() - start) / 1e9, failed);
	}

	private void runPhase(Phase phase, List<Member> members, Duration sending, Duration drain, ServerProbe probe,
			boolean echoes) throws InterruptedException {
		Optional<CpuTime> cpuBefore = probe.cpuTime();
		Optional<MachineCpu> machineBefore = ServerProbe.machineCpu();
		long start = System.nanoTime();
		ScheduledExecutorService sender = startSending(members, phase, echoes);
		Thread.sleep(sending.toMillis());
		sender.shutdownNow();
		sender.awaitTermination(5, TimeUnit.SECONDS);
		phase.seconds = (System.nanoTime() - start) / 1e9;
		Thread.sleep(drain.toMillis());
		Optional<CpuTime> cpuAfter = probe.cpuTime();
		if (cpuBefore.isPresent() && cpuAfter.isPresent()) {
			phase.cpuNanos = cpuAfter.get().nanos() - cpuBefore.get().nanos();
		}
		Optional<MachineCpu> machineAfter = ServerProbe.machineCpu();
		if (machineBefore.isPresent() && machineAfter.isPresent()) {
			phase.machineBusy = machineAfter.get().busySince(machineBefore.get());
		}
	}

	/**
	 * Sends {@code rate} messages a second, spread over 10 ms ticks, each from a random
	 * member to its room. A message carries its phase and the time it was sent, in its
	 * body and in its client id (which acknowledgements echo).
	 */
	private ScheduledExecutorService startSending(List<Member> members, Phase phase, boolean echoes) {
		ScheduledExecutorService sender = Executors.newSingleThreadScheduledExecutor();
		AtomicLong ticks = new AtomicLong();
		AtomicLong count = new AtomicLong();
		sender.scheduleAtFixedRate(() -> {
			long tick = ticks.incrementAndGet();
			long due = tick * options.rate() / 100 - (tick - 1) * options.rate() / 100;
			for (long i = 0; i < due; i++) {
				Member member = members.get(ThreadLocalRandom.current().nextInt(members.size()));
				long now = System.nanoTime();
				member.connection()
					.send("lt-" + phase.tag + "-" + now + "-" + count.incrementAndGet(), "lt " + phase.tag + " " + now);
				phase.sent.increment();
				phase.expected.add(echoes ? member.roomSize() : member.roomSize() - 1);
			}
		}, 0, 10, TimeUnit.MILLISECONDS);
		return sender;
	}

	@Override
	public void message(String json) {
		int at = json.indexOf(BODY_MARK);
		if (at < 0) {
			return;
		}
		int tagAt = at + BODY_MARK.length();
		Phase phase = phase(json.charAt(tagAt));
		if (phase == null) {
			return;
		}
		int from = tagAt + 2;
		long sentAt = Long.parseLong(json, from, json.indexOf('"', from), 10);
		phase.latency.recordValue(Math.max(0, System.nanoTime() - sentAt));
		phase.delivered.increment();
	}

	@Override
	public void ack(String json) {
		int at = json.indexOf(ACK_MARK);
		if (at < 0) {
			return;
		}
		int tagAt = at + ACK_MARK.length();
		Phase phase = phase(json.charAt(tagAt));
		if (phase == null) {
			return;
		}
		if (json.contains("\"error\"")) {
			phase.refused.increment();
			firstError.compareAndSet(null, json);
			return;
		}
		int from = tagAt + 2;
		long sentAt = Long.parseLong(json, from, json.indexOf('-', from), 10);
		phase.ackLatency.recordValue(Math.max(0, System.nanoTime() - sentAt));
		phase.acked.increment();
	}

	@Override
	public void error(String text) {
		int at = text.indexOf(ACK_MARK);
		Phase phase = at < 0 ? null : phase(text.charAt(at + ACK_MARK.length()));
		if (phase != null && text.contains("\"server.busy\"")) {
			// shed, not lost: the server answered at once and stored nothing
			phase.shed.increment();
			phase.expected.add(-options.roomSize());
			return;
		}
		errors.increment();
		firstError.compareAndSet(null, text);
	}

	@Override
	public void dropped() {
		dropped.increment();
	}

	private Phase phase(char tag) {
		return tag == first.tag ? first : tag == measured.tag ? measured : null;
	}

	private void report(Connected connected, String extensions, OptionalLong heapBefore, OptionalLong heapAfter,
			OptionalLong memoryBefore, OptionalLong memoryAfter) {
		System.out.println();
		System.out.printf("protocol                %s (%s client, permessage-deflate %s)%n",
				options.protocol().name().toLowerCase(), options.client(),
				extensions.contains("permessage-deflate") ? "in use" : options.deflate() ? "offered, refused" : "off");
		System.out.printf(
				"connections held        %d (rooms of %d), connected in %.2f s, %d failed, %d dropped since%n",
				connected.members().size() - dropped.intValue(), options.roomSize(), connected.seconds(),
				connected.failed(), dropped.sum());
		for (Phase phase : List.of(first, measured)) {
			System.out.printf("%s (%.1f s of sending)%n", phase.name, phase.seconds);
			System.out.printf("  messages sent         %d (%.0f/s)%n", phase.sent.sum(),
					phase.sent.sum() / phase.seconds);
			System.out.printf("  deliveries            %d of %d expected (%.0f/s)%n", phase.delivered.sum(),
					phase.expected.sum(), phase.delivered.sum() / phase.seconds);
			System.out.printf("  lost                  %d%n", phase.lost());
			System.out.printf("  shed (server.busy)    %d of %d sent%n", phase.shed.sum(), phase.sent.sum());
			System.out.printf("  latency p50/p95/p99/max %s%n", percentiles(phase.latency));
			if (phase.acked.sum() + phase.refused.sum() > 0) {
				System.out.printf("  acks p50/p95/p99/max  %s (%d acknowledged, %d refused)%n",
						percentiles(phase.ackLatency), phase.acked.sum(), phase.refused.sum());
			}
			System.out.printf("  server CPU            %s µs per delivery, %s µs per %s message%s%n",
					decimal(phase.cpuMicrosPerDelivery()), decimal(phase.cpuMicrosPerMessage()),
					phase.acked.sum() > 0 ? "stored" : "sent",
					phase.machineBusy < 0 ? "" : String.format("; machine busy %.0f %%", phase.machineBusy * 100));
		}
		if (heapBefore.isPresent()) {
			System.out.printf("server heap used        %d MB before connecting, %d MB after%n",
					heapBefore.getAsLong() >> 20, heapAfter.orElse(0) >> 20);
		}
		if (memoryBefore.isPresent()) {
			System.out.printf("server resident memory  %d MB before connecting, %d MB after%n",
					memoryBefore.getAsLong() >> 20, memoryAfter.orElse(0) >> 20);
		}
		System.out.printf("errors                  %d%s%n", errors.sum() + first.refused.sum() + measured.refused.sum(),
				firstError.get() == null ? ""
						: " (first: " + firstError.get().replace('\n', ' ').replace("\u0000", "") + ")");
		summary(List.of("run", "conns", "connect s", "1st sent/s", "1st lost", "1st p50 ms", "1st p99 ms", "sent/s",
				"deliv/s", "lost", "p50 ms", "p95 ms", "p99 ms", "max ms", "ack p99 ms", "CPU µs/deliv", "CPU µs/msg",
				"machine busy", "heap MB", "RSS MB", "shed"),
				List.of(options.label(), String.valueOf(connected.members().size() - dropped.intValue()),
						decimal(connected.seconds()), String.format("%.0f", first.sent.sum() / first.seconds),
						String.valueOf(first.lost()), millis(first.latency.getValueAtPercentile(50)),
						millis(first.latency.getValueAtPercentile(99)),
						String.format("%.0f", measured.sent.sum() / measured.seconds),
						String.format("%.0f", measured.delivered.sum() / measured.seconds),
						String.valueOf(measured.lost()), millis(measured.latency.getValueAtPercentile(50)),
						millis(measured.latency.getValueAtPercentile(95)),
						millis(measured.latency.getValueAtPercentile(99)), millis(measured.latency.getMaxValue()),
						measured.acked.sum() == 0 ? "-" : millis(measured.ackLatency.getValueAtPercentile(99)),
						decimal(measured.cpuMicrosPerDelivery()), decimal(measured.cpuMicrosPerMessage()),
						measured.machineBusy < 0 ? "-" : String.format("%.0f %%", measured.machineBusy * 100),
						heapAfter.isPresent() ? String.valueOf(heapAfter.getAsLong() >> 20) : "-",
						memoryAfter.isPresent() ? String.valueOf(memoryAfter.getAsLong() >> 20) : "-",
						String.valueOf(measured.shed.sum())));
	}

	private void reportIdle(Connected connected, OptionalLong heapBefore, OptionalLong heapAfter,
			OptionalLong memoryBefore, OptionalLong memoryAfter, boolean collected) {
		long held = connected.members().size() - dropped.sum();
		System.out.println();
		System.out.printf("protocol                %s (%s client)%n", options.protocol().name().toLowerCase(),
				options.client());
		System.out.printf(
				"connections held        %d of %d after %d s, connected in %.2f s (%.0f/s), %d failed, %d dropped%n",
				held, options.connections(), options.duration().toSeconds(), connected.seconds(),
				connected.members().size() / connected.seconds(), connected.failed(), dropped.sum());
		String heapPer = perConnection(heapBefore, heapAfter, held);
		String memoryPer = perConnection(memoryBefore, memoryAfter, held);
		if (heapBefore.isPresent()) {
			System.out.printf("server heap used        %d MB before, %d MB after%s: %s KB per connection%n",
					heapBefore.getAsLong() >> 20, heapAfter.getAsLong() >> 20,
					collected ? " (each after a full collection)" : " (no collection forced: give --server-pid)",
					heapPer);
		}
		if (memoryBefore.isPresent()) {
			System.out.printf("server resident memory  %d MB before, %d MB after: %s KB per connection%n",
					memoryBefore.getAsLong() >> 20, memoryAfter.getAsLong() >> 20, memoryPer);
		}
		if (firstError.get() != null) {
			System.out.printf("first error             %s%n",
					firstError.get().replace('\n', ' ').replace("\u0000", ""));
		}
		summary(List.of("run", "conns held", "connect s", "connects/s", "heap KB/conn", "RSS KB/conn", "heap MB",
				"RSS MB"),
				List.of(options.label(), String.valueOf(held), decimal(connected.seconds()),
						String.format("%.0f", connected.members().size() / connected.seconds()), heapPer, memoryPer,
						heapAfter.isPresent() ? String.valueOf(heapAfter.getAsLong() >> 20) : "-",
						memoryAfter.isPresent() ? String.valueOf(memoryAfter.getAsLong() >> 20) : "-"));
	}

	/**
	 * Two tab-separated lines for scripts ({@code compare.sh}): the column names and this
	 * run's values.
	 */
	private static void summary(List<String> columns, List<String> values) {
		System.out.println();
		System.out.println("SUMMARY-COLUMNS\t" + String.join("\t", columns));
		System.out.println("SUMMARY\t" + values.stream().collect(Collectors.joining("\t")));
	}

	private static String perConnection(OptionalLong before, OptionalLong after, long held) {
		if (before.isEmpty() || after.isEmpty() || held == 0) {
			return "-";
		}
		return String.format("%.1f", (after.getAsLong() - before.getAsLong()) / 1024.0 / held);
	}

	private static String percentiles(Histogram histogram) {
		return String.format("%s / %s / %s / %s ms", millis(histogram.getValueAtPercentile(50)),
				millis(histogram.getValueAtPercentile(95)), millis(histogram.getValueAtPercentile(99)),
				millis(histogram.getMaxValue()));
	}

	private static String millis(long nanos) {
		return String.format("%.1f", nanos / 1e6);
	}

	private static String decimal(double value) {
		return value < 0 ? "-" : String.format("%.1f", value);
	}

}
