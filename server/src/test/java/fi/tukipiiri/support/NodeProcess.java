package fi.tukipiiri.support;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import org.springframework.core.env.Environment;

import fi.tukipiiri.TukipiiriApplication;

/**
 * Another Tukipiiri node in its own JVM, on the same PostgreSQL and Redis as the test's
 * node. Being a real process, it can be killed outright, as a crashing machine would take
 * it.
 */
public final class NodeProcess implements AutoCloseable {

	private static final AtomicInteger STARTED = new AtomicInteger();

	private final Process process;

	private final int port;

	private final Path log;

	private NodeProcess(Process process, int port, Path log) {
		this.process = process;
		this.port = port;
		this.log = log;
	}

	/**
	 * Starts a node sharing the infrastructure of the node whose environment is given,
	 * and waits until it is ready.
	 */
	public static NodeProcess startBeside(Environment environment, String... settings)
			throws IOException, InterruptedException {
		return startBeside(environment, freePort(), settings);
	}

	/**
	 * Starts a node on {@code port} sharing the infrastructure of the node whose
	 * environment is given, with {@code settings} ({@code --name=value}) added, and waits
	 * until it is ready.
	 */
	public static NodeProcess startBeside(Environment environment, int port, String... settings)
			throws IOException, InterruptedException {
		List<String> shared = List.of(
				"--spring.datasource.url=" + environment.getRequiredProperty("spring.datasource.url"),
				"--spring.datasource.username=" + environment.getRequiredProperty("spring.datasource.username"),
				"--spring.datasource.password=" + environment.getRequiredProperty("spring.datasource.password"),
				"--spring.data.redis.host=" + environment.getRequiredProperty("spring.data.redis.host"),
				"--spring.data.redis.port=" + environment.getRequiredProperty("spring.data.redis.port"));
		return start(port, shared, settings);
	}

	/**
	 * Starts a node on its own embedded PostgreSQL and Redis, as the run command does,
	 * with {@code settings} added, and waits until it is ready.
	 */
	public static NodeProcess startAlone(String... settings) throws IOException, InterruptedException {
		return start(freePort(), List.of(), settings);
	}

	private static NodeProcess start(int port, List<String> infrastructure, String... settings)
			throws IOException, InterruptedException {
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m", "-cp",
						absoluteClassPath(), TukipiiriApplication.class.getName(), "--spring.profiles.active=test",
						"--server.port=" + port));
		command.addAll(infrastructure);
		command.addAll(List.of(settings));
		Path log = Path.of("target", "node-" + port + "-" + STARTED.incrementAndGet() + ".log");
		Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
		NodeProcess node = new NodeProcess(process, port, log);
		node.awaitReady(Duration.ofSeconds(90), log.toFile());
		return node;
	}

	public String baseUrl() {
		return "http://localhost:" + port;
	}

	public int port() {
		return this.port;
	}

	/** The node's own log (its standard output and error). */
	public Path log() {
		return this.log;
	}

	/** Lines of the node's log written at level ERROR. */
	public List<String> errorLines() throws IOException {
		return Files.readAllLines(this.log).stream().filter(line -> line.contains(" ERROR ")).toList();
	}

	/** Ends the process at once (SIGKILL): no shutdown hooks, no goodbyes to Redis. */
	public void kill() throws InterruptedException {
		process.destroyForcibly();
		process.waitFor();
	}

	/**
	 * Asks the process to stop (SIGTERM, as an orchestrator does) without waiting; see
	 * {@link #awaitExit}.
	 */
	public void terminate() {
		process.destroy();
	}

	/**
	 * Waits for the process to exit, at most {@code within}; answers whether it did.
	 */
	public boolean awaitExit(Duration within) throws InterruptedException {
		return process.waitFor(within.toMillis(), TimeUnit.MILLISECONDS);
	}

	@Override
	public void close() throws InterruptedException {
		if (process.isAlive()) {
			kill();
		}
	}

	private void awaitReady(Duration timeout, File log) throws InterruptedException {
		HttpClient http = HttpClient.newHttpClient();
		Instant deadline = Instant.now().plus(timeout);
		while (Instant.now().isBefore(deadline)) {
			if (!process.isAlive()) {
				throw new IllegalStateException("Node exited; see " + log);
			}
			try {
				HttpResponse<String> response = http.send(
						HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health/readiness")).build(),
						HttpResponse.BodyHandlers.ofString());
				if (response.statusCode() == 200) {
					return;
				}
			}
			catch (IOException notYet) {
				// still starting
			}
			Thread.sleep(250);
		}
		process.destroyForcibly();
		throw new IllegalStateException("Node not ready in " + timeout + "; see " + log);
	}

	private static String absoluteClassPath() {
		return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
			.map(entry -> Path.of(entry).toAbsolutePath().toString())
			.collect(Collectors.joining(File.pathSeparator));
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
	}

}
