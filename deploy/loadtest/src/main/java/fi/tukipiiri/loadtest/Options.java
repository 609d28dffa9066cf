package fi.tukipiiri.loadtest;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Command-line settings: {@code --name=value}, or {@code --name} alone for a switch. */
record Options(Protocol protocol, String url, int connections, int roomSize, int rate, Duration duration,
		Duration warmUp, boolean idle, String client, boolean deflate, int connectConcurrency, String adminUsername,
		String adminPassword, String jwtSecret, Long serverPid, String label) {

	/**
	 * The servers the load test speaks to: Tukipiiri over STOMP, and the two baselines.
	 */
	enum Protocol {

		STOMP("http://localhost:8080"), RAW("http://127.0.0.1:8081"), SOCKETIO("http://127.0.0.1:8082");

		final String defaultUrl;

		Protocol(String defaultUrl) {
			this.defaultUrl = defaultUrl;
		}

	}

	static Options parse(String[] args) {
		Map<String, String> values = new HashMap<>();
		for (String arg : args) {
			if (!arg.startsWith("--")) {
				throw new IllegalArgumentException("Arguments look like --name=value or --switch, not " + arg);
			}
			int equals = arg.indexOf('=');
			values.put(equals < 0 ? arg.substring(2) : arg.substring(2, equals),
					equals < 0 ? "true" : arg.substring(equals + 1));
		}
		Protocol protocol = Protocol.valueOf(values.getOrDefault("protocol", "stomp").toUpperCase(Locale.ROOT));
		int rate = Integer.parseInt(values.getOrDefault("rate", "500"));
		boolean deflate = Boolean.parseBoolean(values.getOrDefault("deflate", "false"));
		String client = values.getOrDefault("client", deflate ? "jetty" : "jdk");
		if (!client.equals("jdk") && !client.equals("jetty")) {
			throw new IllegalArgumentException("--client is jdk or jetty");
		}
		if (deflate && client.equals("jdk")) {
			throw new IllegalArgumentException(
					"The JDK's WebSocket client cannot negotiate permessage-deflate: use --client=jetty");
		}
		String pid = values.get("server-pid");
		return new Options(protocol, values.getOrDefault("url", protocol.defaultUrl),
				Integer.parseInt(values.getOrDefault("connections", "5000")),
				Integer.parseInt(values.getOrDefault("room-size", "30")), rate,
				Duration.ofSeconds(Long.parseLong(values.getOrDefault("seconds", "60"))),
				Duration.ofSeconds(Long.parseLong(values.getOrDefault("warm-up", "10"))),
				rate == 0 || Boolean.parseBoolean(values.getOrDefault("idle", "false")), client, deflate,
				Integer.parseInt(values.getOrDefault("connect-concurrency", "200")),
				values.getOrDefault("admin-username", System.getenv("TUKIPIIRI_ADMIN_USERNAME")),
				values.getOrDefault("admin-password", System.getenv("TUKIPIIRI_ADMIN_PASSWORD")),
				values.getOrDefault("jwt-secret", "tukipiiri-loadtest-baseline-secret-32-bytes-or-more"),
				pid == null || pid.isBlank() ? null : Long.valueOf(pid),
				values.getOrDefault("label", protocol.name().toLowerCase(Locale.ROOT)));
	}

	/**
	 * The nodes to connect to: {@code --url} may list several, separated by commas (nodes
	 * of one cluster); the first also makes the rooms and guests.
	 */
	List<String> urls() {
		return List.of(url.split(","));
	}

	/**
	 * The node the connection with this index speaks to: connections take the nodes in
	 * turn, so every room has readers on each node and each message crosses the relay.
	 */
	String urlOf(int connectionIndex) {
		List<String> urls = urls();
		return urls.get(connectionIndex % urls.size());
	}

	int rooms() {
		return (connections + roomSize - 1) / roomSize;
	}

	/**
	 * Members of the room of the connection with this index (the last room may be
	 * smaller).
	 */
	int roomSize(int connectionIndex) {
		int room = connectionIndex / roomSize;
		return Math.min(roomSize, connections - room * roomSize);
	}
}
