package fi.tukipiiri.loadtest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

/**
 * What the load test reads about the server: heap and CPU time from Tukipiiri's metrics
 * endpoint (as an administrator), and, given the server's process id, CPU time and
 * resident memory from {@code /proc} for any server on this machine.
 */
final class ServerProbe {

	/**
	 * Clock ticks per second in /proc/&lt;pid&gt;/stat: 100 on Linux unless the kernel
	 * was built otherwise.
	 */
	private static final long TICKS_PER_SECOND = 100;

	private final Api api;

	private final String adminToken;

	private final Long pid;

	ServerProbe(Api api, String adminToken, Long pid) {
		this.api = api;
		this.adminToken = adminToken;
		this.pid = pid;
	}

	/** Bytes of heap in use (Tukipiiri only). */
	OptionalLong heapUsed() {
		return api == null ? OptionalLong.empty() : OptionalLong.of(api.heapUsed(adminToken));
	}

	/** The server process's CPU time so far, in nanoseconds, and where it was read. */
	Optional<CpuTime> cpuTime() {
		if (api != null) {
			Optional<Double> metric = api.metric(adminToken, "process.cpu.time");
			if (metric.isPresent()) {
				return Optional.of(new CpuTime(metric.get().longValue(), "process.cpu.time"));
			}
		}
		if (pid != null) {
			try {
				String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
				String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
				long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
				return Optional.of(new CpuTime(ticks * 1_000_000_000L / TICKS_PER_SECOND, "/proc/" + pid + "/stat"));
			}
			catch (IOException | RuntimeException ex) {
				return Optional.empty();
			}
		}
		return Optional.empty();
	}

	/** The server process's command name (to catch a wrong --server-pid), or empty. */
	Optional<String> processName() {
		try {
			return pid == null ? Optional.empty()
					: Optional.of(Files.readString(Path.of("/proc/" + pid + "/comm")).trim());
		}
		catch (IOException ex) {
			return Optional.empty();
		}
	}

	/** Resident memory of the server process in bytes, given its process id. */
	OptionalLong residentMemory() {
		if (pid == null) {
			return OptionalLong.empty();
		}
		try {
			for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
				if (line.startsWith("VmRSS:")) {
					return OptionalLong.of(Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024);
				}
			}
		}
		catch (IOException ex) {
			// not on this machine
		}
		return OptionalLong.empty();
	}

	/**
	 * Asks a Java server on this machine for a full collection
	 * ({@code jcmd <pid> GC.run}), so that heap in use is live data rather than live data
	 * plus garbage. Returns whether it was done.
	 */
	boolean collectGarbage() {
		if (pid == null || api == null) {
			return false;
		}
		try {
			Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
			Process process = new ProcessBuilder(Files.isExecutable(jcmd) ? jcmd.toString() : "jcmd", pid.toString(),
					"GC.run")
				.redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.DISCARD)
				.start();
			boolean done = process.waitFor(60, TimeUnit.SECONDS) && process.exitValue() == 0;
			Thread.sleep(500);
			return done;
		}
		catch (IOException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	/**
	 * CPU time of the whole machine (all processes, the load test included) from
	 * /proc/stat: busy and total, in ticks.
	 */
	static Optional<MachineCpu> machineCpu() {
		try {
			String[] fields = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
			long total = 0;
			for (int i = 1; i < Math.min(fields.length, 9); i++) {
				total += Long.parseLong(fields[i]);
			}
			long idle = Long.parseLong(fields[4]) + Long.parseLong(fields[5]);
			return Optional.of(new MachineCpu(total - idle, total));
		}
		catch (IOException | RuntimeException ex) {
			return Optional.empty();
		}
	}

	record CpuTime(long nanos, String source) {
	}

	record MachineCpu(long busy, long total) {

		/** Share of the machine's CPU that was busy between {@code before} and this. */
		double busySince(MachineCpu before) {
			return total == before.total ? 0 : (double) (busy - before.busy) / (total - before.total);
		}
	}

}
