package fi.tukipiiri.platform;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.mail.internet.MimeMessage;
import redis.embedded.core.ExecutableProvider;

import org.springframework.boot.SpringApplication;

/**
 * A real PostgreSQL and a real Redis, started in this JVM on free loopback ports, so the
 * service and its tests run with nothing installed. One of each per JVM: every
 * application context started in the same JVM (for example two nodes in a cluster test)
 * shares them, as separate processes share one database. They stop when the JVM exits,
 * after every application context has closed (Spring Boot's shutdown handlers): a node
 * drains its connections, and its departures reach Redis, before Redis goes.
 */
final class EmbeddedInfrastructure {

	private static EmbeddedPostgres postgres;

	private static Process redis;

	private static int redisPort;

	private static GreenMail mail;

	private static final int REDIS_START_SECONDS = 20;

	/** util-linux's {@code setsid}, where there is one. */
	private static final Path SETSID = Path.of("/usr/bin/setsid");

	private EmbeddedInfrastructure() {
	}

	static synchronized Map<String, Object> postgresProperties(String dataDirectory) {
		if (postgres == null) {
			postgres = startPostgres(dataDirectory);
			SpringApplication.getShutdownHandlers().add(EmbeddedInfrastructure::closePostgres);
		}
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("spring.datasource.url", postgres.getJdbcUrl("postgres", "postgres"));
		properties.put("spring.datasource.username", "postgres");
		properties.put("spring.datasource.password", "postgres");
		return properties;
	}

	static synchronized Map<String, Object> redisProperties() {
		if (redis == null) {
			redisPort = freePort();
			redis = startRedis(redisPort);
			SpringApplication.getShutdownHandlers().add(EmbeddedInfrastructure::stopRedis);
		}
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("spring.data.redis.host", "127.0.0.1");
		properties.put("spring.data.redis.port", redisPort);
		return properties;
	}

	/**
	 * A real SMTP server on a free loopback port that keeps every message it is given
	 * (GreenMail), so the run command shows the whole e-mail flow and an administrator
	 * can read what would have been sent ({@link CapturedMail}).
	 */
	static synchronized Map<String, Object> mailProperties() {
		if (mail == null) {
			mail = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
			mail.start();
			SpringApplication.getShutdownHandlers().add(EmbeddedInfrastructure::stopMail);
		}
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("spring.mail.host", "127.0.0.1");
		properties.put("spring.mail.port", mail.getSmtp().getPort());
		properties.put(CapturedMail.ENABLED, true);
		return properties;
	}

	/**
	 * What the embedded SMTP server received, oldest first; empty when it is not running.
	 */
	static synchronized List<MimeMessage> capturedMail() {
		return mail == null ? List.of() : List.of(mail.getReceivedMessages());
	}

	private static synchronized void stopMail() {
		if (mail != null) {
			mail.stop();
			mail = null;
		}
	}

	private static EmbeddedPostgres startPostgres(String dataDirectory) {
		try {
			return postgresBuilder(dataDirectory).start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start the embedded PostgreSQL", ex);
		}
	}

	/**
	 * The embedded PostgreSQL's settings. In a kept data directory
	 * ({@code tukipiiri.embedded.postgres-data-dir}) what was committed must survive a
	 * crash or a power cut, so every commit is flushed to disk ({@code fsync},
	 * {@code synchronous_commit} and {@code full_page_writes} on; the library turns
	 * {@code synchronous_commit} off by default). A temporary directory is thrown away
	 * with the JVM anyway, so there the flushes are skipped for speed.
	 * @param dataDirectory the directory to keep the data in, or null or blank for a
	 * temporary one
	 */
	static EmbeddedPostgres.Builder postgresBuilder(String dataDirectory) {
		boolean kept = dataDirectory != null && !dataDirectory.isBlank();
		String durable = kept ? "on" : "off";
		EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
			// stopped by Spring Boot's shutdown handlers, once the application has closed
			.setRegisterShutdownHook(false)
			.setServerConfig("listen_addresses", "127.0.0.1")
			.setServerConfig("max_connections", "500")
			.setServerConfig("fsync", durable)
			.setServerConfig("synchronous_commit", durable)
			.setServerConfig("full_page_writes", durable);
		if (kept) {
			builder.setDataDirectory(Path.of(dataDirectory)).setCleanDataDirectory(false);
		}
		return builder;
	}

	/**
	 * Runs the {@code redis-server} that the embedded-redis library ships, as a child
	 * process of this JVM. The library's own {@code RedisServer} stops Redis from a JVM
	 * shutdown hook of its own, which runs at the same time as the application's and took
	 * Redis away while the node was still draining.
	 */
	private static Process startRedis(int port) {
		try {
			File binary = ExecutableProvider.newJarResourceProvider().get();
			List<String> command = new ArrayList<>();
			if (Files.isExecutable(SETSID)) {
				// its own session: Ctrl-C in a terminal stops the JVM, which drains, not
				// Redis
				// under it
				command.add(SETSID.toString());
			}
			command.addAll(List.of(binary.getAbsolutePath(), "--port", String.valueOf(port), "--bind", "127.0.0.1",
					"--save", "", "--appendonly", "no"));
			Process process = new ProcessBuilder(command).directory(binary.getParentFile())
				.redirectErrorStream(true)
				.start();
			CompletableFuture<Void> ready = new CompletableFuture<>();
			Thread output = new Thread(() -> readOutput(process, ready), "embedded-redis-output");
			output.setDaemon(true);
			output.start();
			ready.get(REDIS_START_SECONDS, TimeUnit.SECONDS);
			return process;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start the embedded Redis", ex);
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new IllegalStateException("The embedded Redis did not start", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while starting the embedded Redis", ex);
		}
	}

	/**
	 * Reads Redis's output to its end, telling {@code ready} once it takes connections.
	 */
	private static void readOutput(Process process, CompletableFuture<Void> ready) {
		try (BufferedReader lines = new BufferedReader(
				new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
			String line;
			StringBuilder start = new StringBuilder();
			while ((line = lines.readLine()) != null) {
				if (!ready.isDone()) {
					start.append(line).append('\n');
					if (line.contains("Ready to accept connections")) {
						ready.complete(null);
					}
				}
			}
			ready.completeExceptionally(new IllegalStateException("redis-server exited: " + start));
		}
		catch (IOException ex) {
			ready.completeExceptionally(ex);
		}
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("No free port for the embedded Redis", ex);
		}
	}

	private static void closePostgres() {
		try {
			postgres.close();
		}
		catch (IOException ignored) {
			// the JVM is exiting; the data directory is temporary unless configured
		}
	}

	private static void stopRedis() {
		redis.destroy();
		try {
			if (!redis.waitFor(5, TimeUnit.SECONDS)) {
				redis.destroyForcibly();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
