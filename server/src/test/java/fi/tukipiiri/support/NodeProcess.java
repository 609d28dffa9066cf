package fi.tukipiiri.support;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import org.springframework.core.env.Environment;

import fi.tukipiiri.TukipiiriApplication;

/**
 * Another Tukipiiri node in its own JVM, on the same PostgreSQL and Redis as the test's
 * node. Being a real process, it can be killed outright, as a crashing machine would take
 * it.
 */
public final class NodeProcess implements AutoCloseable {

	private final Process process;

	private final int port;

	private NodeProcess(Process process, int port) {
		this.process = process;
		this.port = port;
	}

	/**
	 * Starts a node sharing the infrastructure of the node whose environment is given,
	 * and waits until it is ready.
	 */
	public static NodeProcess startBeside(Environment environment) throws IOException, InterruptedException {
		int port = freePort();
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m", "-cp",
						absoluteClassPath(), TukipiiriApplication.class.getName(), "--spring.profiles.active=test",
						"--server.port=" + port,
						"--spring.datasource.url=" + environment.getRequiredProperty("spring.datasource.url"),
						"--spring.datasource.username=" + environment.getRequiredProperty("spring.datasource.username"),
						"--spring.datasource.password=" + environment.getRequiredProperty("spring.datasource.password"),
						"--spring.data.redis.host=" + environment.getRequiredProperty("spring.data.redis.host"),
						"--spring.data.redis.port=" + environment.getRequiredProperty("spring.data.redis.port")));
		File log = Path.of("target", "node-" + port + ".log").toFile();
		Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log).start();
		NodeProcess node = new NodeProcess(process, port);
		node.awaitReady(Duration.ofSeconds(90), log);
		return node;
	}

	public String baseUrl() {
		return "http://localhost:" + port;
	}

	/** Ends the process at once (SIGKILL): no shutdown hooks, no goodbyes to Redis. */
	public void kill() throws InterruptedException {
		process.destroyForcibly();
		process.waitFor();
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
				throw new IllegalStateException("Second node exited; see " + log);
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
		throw new IllegalStateException("Second node not ready in " + timeout + "; see " + log);
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
