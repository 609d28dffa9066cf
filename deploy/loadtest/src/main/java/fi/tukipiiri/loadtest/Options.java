package fi.tukipiiri.loadtest;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/** Command-line settings: {@code --name=value}. */
record Options(String url, int connections, int roomSize, int rate, Duration duration, String adminUsername,
		String adminPassword) {

	static Options parse(String[] args) {
		Map<String, String> values = new HashMap<>();
		for (String arg : args) {
			if (!arg.startsWith("--") || !arg.contains("=")) {
				throw new IllegalArgumentException("Arguments look like --name=value, not " + arg);
			}
			values.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
		}
		return new Options(values.getOrDefault("url", "http://localhost:8080"),
				Integer.parseInt(values.getOrDefault("connections", "5000")),
				Integer.parseInt(values.getOrDefault("room-size", "30")),
				Integer.parseInt(values.getOrDefault("rate", "500")),
				Duration.ofSeconds(Long.parseLong(values.getOrDefault("seconds", "60"))),
				values.getOrDefault("admin-username", System.getenv("TUKIPIIRI_ADMIN_USERNAME")),
				values.getOrDefault("admin-password", System.getenv("TUKIPIIRI_ADMIN_PASSWORD")));
	}

	int rooms() {
		return (connections + roomSize - 1) / roomSize;
	}
}
