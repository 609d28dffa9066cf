package fi.tukipiiri.loadtest;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * Fan-out benchmark against a running Tukipiiri: N connections in open rooms of {@code room-size}, one message
 * sent {@code rate} times a second by a random member, each delivered to every member of its room. Reports
 * connections held, deliveries per second, send-to-receive latency percentiles, losses and the server's heap.
 *
 * <pre>./mvnw -q -pl deploy/loadtest exec:java -Dexec.args="--connections=5000 --rate=500 --seconds=60"</pre>
 */
public final class LoadTest {

	private static final String MARK = "\"body\":\"lt m ";

	private final Options options;
	private final Histogram latency = new ConcurrentHistogram(TimeUnit.SECONDS.toNanos(30), 3);
	private final AtomicLong sent = new AtomicLong();
	/** Deliveries the measured sends should cause: the size of each sender's room (the last room may be smaller). */
	private final AtomicLong expected = new AtomicLong();
	private final AtomicLong delivered = new AtomicLong();
	private final AtomicLong deliveredLate = new AtomicLong();
	private volatile boolean measuring;

	private LoadTest(Options options) {
		this.options = options;
	}

	public static void main(String[] args) throws Exception {
		new LoadTest(Options.parse(args)).run();
	}

	private record Member(StompConnection connection, String roomId, int roomSize) {
	}

	private void run() throws Exception {
		Api api = new Api(options.url());
		if (options.adminUsername() == null || options.adminPassword() == null) {
			throw new IllegalArgumentException("Give --admin-username and --admin-password (or TUKIPIIRI_ADMIN_* variables)");
		}
		String admin = api.login(options.adminUsername(), options.adminPassword());
		long heapBefore = api.heapUsed(admin);

		System.out.printf("Creating %d rooms and %d guest identities…%n", options.rooms(), options.connections());
		List<String> rooms = new ArrayList<>();
		for (int r = 0; r < options.rooms(); r++) {
			rooms.add(api.createOpenRoom(admin, "Kuormitus " + r));
		}
		List<String> tokens = guestTokens(api);

		System.out.printf("Opening %d STOMP connections…%n", options.connections());
		ExecutorService socketThreads = Executors.newFixedThreadPool(4);
		HttpClient http = HttpClient.newBuilder().executor(socketThreads).build();
		List<Member> members = connect(http, rooms, tokens);
		System.out.printf("Connected: %d%n", members.size());
		Thread.sleep(2_000);

		System.out.println("Warming up for 10 s (not measured)…");
		ScheduledExecutorService warmUp = startSending(members, "w");
		Thread.sleep(10_000);
		warmUp.shutdownNow();
		Thread.sleep(2_000);
		sent.set(0);
		expected.set(0);
		deliveredLate.set(0);

		System.out.printf("Measuring for %d s at %d messages/s…%n", options.duration().toSeconds(), options.rate());
		measuring = true;
		long start = System.nanoTime();
		ScheduledExecutorService sender = startSending(members, "m");
		Thread.sleep(options.duration().toMillis());
		sender.shutdownNow();
		double seconds = (System.nanoTime() - start) / 1e9;
		Thread.sleep(5_000);
		measuring = false;

		long heapAfter = api.heapUsed(admin);
		report(members.size(), seconds, expected.get(), heapBefore, heapAfter);
		members.forEach(member -> member.connection().close());
		socketThreads.shutdown();
		socketThreads.awaitTermination(10, TimeUnit.SECONDS);
	}

	/** Sends {@code rate} messages a second (marked with the phase: "w" warm-up, "m" measured), spread over 10 ms ticks, each from a random member to its room. */
	private ScheduledExecutorService startSending(List<Member> members, String phase) {
		ScheduledExecutorService sender = Executors.newSingleThreadScheduledExecutor();
		AtomicLong ticks = new AtomicLong();
		sender.scheduleAtFixedRate(() -> {
			long tick = ticks.incrementAndGet();
			long due = tick * options.rate() / 100 - (tick - 1) * options.rate() / 100;
			for (long i = 0; i < due; i++) {
				Member member = members.get(ThreadLocalRandom.current().nextInt(members.size()));
				member.connection().send("/app/rooms/" + member.roomId() + "/messages",
						"{\"clientId\":\"" + UUID.randomUUID() + "\",\"body\":\"lt " + phase + " " + System.nanoTime() + "\"}");
				sent.incrementAndGet();
				expected.addAndGet(member.roomSize());
			}
		}, 0, 10, TimeUnit.MILLISECONDS);
		return sender;
	}

	private List<String> guestTokens(Api api) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(16);
		List<CompletableFuture<String>> futures = new ArrayList<>();
		for (int i = 0; i < options.connections(); i++) {
			String nickname = "Kuorma " + i;
			futures.add(CompletableFuture.supplyAsync(() -> api.guestToken(nickname), pool));
		}
		List<String> tokens = new ArrayList<>();
		for (CompletableFuture<String> future : futures) {
			tokens.add(future.get());
		}
		pool.shutdown();
		return tokens;
	}

	private List<Member> connect(HttpClient http, List<String> rooms, List<String> tokens) throws Exception {
		List<Member> members = new ArrayList<>();
		int batch = 200;
		for (int from = 0; from < tokens.size(); from += batch) {
			List<CompletableFuture<Member>> opening = new ArrayList<>();
			for (int i = from; i < Math.min(tokens.size(), from + batch); i++) {
				String roomId = rooms.get(i / options.roomSize());
				int index = i;
				opening.add(StompConnection.open(http, options.url(), tokens.get(i), this::received)
						.thenApply(connection -> {
							connection.subscribe("room", "/topic/rooms/" + roomId);
							return new Member(connection, roomId, roomSize(index));
						}));
			}
			for (CompletableFuture<Member> member : opening) {
				members.add(member.get(30, TimeUnit.SECONDS));
			}
		}
		return members;
	}

	private int roomSize(int connectionIndex) {
		int room = connectionIndex / options.roomSize();
		return Math.min(options.roomSize(), options.connections() - room * options.roomSize());
	}

	private void received(String body) {
		int at = body.indexOf(MARK);
		if (at < 0) {
			return;
		}
		int from = at + MARK.length();
		long sentAt = Long.parseLong(body, from, body.indexOf('"', from), 10);
		if (measuring) {
			latency.recordValue(Math.max(0, System.nanoTime() - sentAt));
			delivered.incrementAndGet();
		}
		else {
			deliveredLate.incrementAndGet();
		}
	}

	private void report(int connections, double seconds, long expected, long heapBefore, long heapAfter) {
		System.out.println();
		System.out.printf("connections held        %d (rooms of %d)%n", connections, options.roomSize());
		System.out.printf("messages sent           %d (%.0f/s)%n", sent.get(), sent.get() / seconds);
		System.out.printf("deliveries              %d of %d expected (%.0f/s)%n", delivered.get(), expected, delivered.get() / seconds);
		System.out.printf("lost                    %d%n", expected - delivered.get() - deliveredLate.get());
		System.out.printf("latency p50/p95/p99/max %.1f / %.1f / %.1f / %.1f ms%n", ms(latency.getValueAtPercentile(50)),
				ms(latency.getValueAtPercentile(95)), ms(latency.getValueAtPercentile(99)), ms(latency.getMaxValue()));
		System.out.printf("server heap used        %d MB before, %d MB after%n", heapBefore >> 20, heapAfter >> 20);
		System.out.printf("duration                %s%n", Duration.ofMillis((long) (seconds * 1000)));
	}

	private static double ms(long nanos) {
		return nanos / 1e6;
	}
}
