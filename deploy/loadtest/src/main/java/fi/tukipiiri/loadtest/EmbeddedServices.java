package fi.tukipiiri.loadtest;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import redis.embedded.RedisServer;

/**
 * A PostgreSQL and a Redis on loopback for the Socket.IO baseline, started the way the
 * Tukipiiri server starts its embedded ones. Prints {@code DATABASE_URL=…} and
 * {@code REDIS_URL=…}, then {@code READY}, and runs until stopped (Ctrl-C or SIGTERM),
 * when both are stopped and the temporary data is removed.
 *
 * <pre>java -cp … fi.tukipiiri.loadtest.EmbeddedServices</pre>
 */
public final class EmbeddedServices {

	private EmbeddedServices() {
	}

	public static void main(String[] args) throws Exception {
		EmbeddedPostgres postgres = EmbeddedPostgres.builder()
			.setServerConfig("listen_addresses", "127.0.0.1")
			.setServerConfig("max_connections", "300")
			.start();
		int redisPort = freePort();
		RedisServer redis = RedisServer.newRedisServer()
			.bind("127.0.0.1")
			.port(redisPort)
			.setting("save \"\"")
			.setting("appendonly no")
			.build();
		redis.start();
		Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(postgres, redis), "embedded-services-stop"));

		System.out.printf("DATABASE_URL=postgres://postgres:postgres@127.0.0.1:%d/postgres%n", postgres.getPort());
		System.out.printf("REDIS_URL=redis://127.0.0.1:%d%n", redisPort);
		System.out.println("READY");
		System.out.flush();
		Thread.currentThread().join();
	}

	private static void stop(EmbeddedPostgres postgres, RedisServer redis) {
		try {
			redis.stop();
		}
		catch (IOException ignored) {
			// exiting anyway
		}
		try {
			postgres.close();
		}
		catch (IOException ignored) {
			// exiting anyway
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
	}

}
