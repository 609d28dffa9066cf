package fi.tukipiiri.rooms;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import fi.tukipiiri.support.ApiClient;
import fi.tukipiiri.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The WebSocket handshake lets in the service's own origin only (RFC 6454 origins compare
 * scheme, host and port exactly); anything else, however it looks, is answered 403 and
 * never 500. Sent as real HTTP/1.1 upgrade requests (RFC 6455 §4.1), since a client
 * library would refuse to send some of these origins at all.
 */
@IntegrationTest
@TestPropertySource(properties = "tukipiiri.chat.allowed-origins=" + HandshakeOriginIT.DEV_SERVER)
class HandshakeOriginIT {

	static final String DEV_SERVER = "http://localhost:5173";

	/** The name browsers use for the service behind a proxy. */
	static final String PUBLIC_HOST = "tukipiiri.example";

	@Autowired
	ApiClient api;

	@Test
	void theServicesOwnOriginUpgrades() throws IOException {
		assertThat(upgrade(api.baseUrl())).isEqualTo(101);
		assertThat(upgrade(null)).as("no Origin: not a browser, so nothing to check").isEqualTo(101);
		assertThat(upgrade(DEV_SERVER)).as("a configured origin").isEqualTo(101);
	}

	@Test
	void lookAlikeAndMalformedOriginsAreForbiddenNotFailures() throws IOException {
		URI own = URI.create(api.baseUrl());
		String host = own.getHost();
		int port = own.getPort();
		List<String> origins = List.of("http://" + host + ":" + port + ".evil.com",
				"http://" + host + ".evil.com:" + port, "http://evil.com/" + host + ":" + port,
				"http://" + host + ":" + port + "@evil.com", "https://" + host + ":" + port,
				"http://" + host + ":" + (port + 1), "http://" + host, "null", "http://" + host + ":99999999999",
				"http://" + host + ":" + port + "/path", "http://[::1:" + port, "http:// " + host + ":" + port,
				"not a url at all", "%", "http://" + host + ":-1", "http://" + host + ":" + port + ", http://evil.com",
				"", DEV_SERVER + ".evil.com", DEV_SERVER + "/", "http://localhost:5174", "https://localhost:5173");
		for (String origin : origins) {
			assertThat(upgrade(origin)).as("Origin: %s", origin).isEqualTo(403);
		}
		assertThat(upgrade(api.baseUrl())).as("still serving").isEqualTo(101);
	}

	@Test
	void forwardedHeadersAreIgnoredUnlessTheNodeTrustsThem() throws IOException {
		Map<String, String> proxied = Map.of("X-Forwarded-Proto", "http", "X-Forwarded-Host", PUBLIC_HOST + ":8080",
				"X-Forwarded-Port", "8080");
		assertThat(upgrade(api.baseUrl(), "http://" + PUBLIC_HOST + ":8080", proxied))
			.as("this node was not told to trust a proxy")
			.isEqualTo(403);
		assertThat(upgrade(api.baseUrl(), api.baseUrl(), proxied)).as("its own origin, as it sees it").isEqualTo(101);
	}

	/**
	 * Behind a proxy ({@code server.forward-headers-strategy=native}, as the prod profile
	 * sets; the test connects from loopback, an address Tomcat trusts) the browser's
	 * origin is the proxy's, in every way proxies tell it: each case is the forwarded
	 * headers, the origin that upgrades, and look-alikes that are still refused.
	 */
	@Nested
	@TestPropertySource(properties = "server.forward-headers-strategy=native")
	class BehindAProxy {

		@Autowired
		ApiClient node;

		@Test
		void theProxysOwnOriginUpgradesWhateverHeadersItSends() throws IOException {
			String site = PUBLIC_HOST;
			List<ProxyCase> cases = List.of(
					new ProxyCase("nginx on 8080: X-Forwarded-Host with its port, no X-Forwarded-Port",
							headers("X-Forwarded-Proto", "http", "X-Forwarded-Host", site + ":8080", "Host",
									site + ":8080"),
							"http://" + site + ":8080",
							List.of("http://" + site, "http://" + site + ":8081", "https://" + site + ":8080",
									"http://" + site + ":8080.evil.com", "http://" + site + ".evil.com:8080",
									"http://evil.com:8080", node.baseUrl())),
					new ProxyCase("nginx on 8080: X-Forwarded-Host $host (no port), Host $http_host (with it)",
							headers("X-Forwarded-Proto", "http", "X-Forwarded-Host", site, "Host", site + ":8080"),
							"http://" + site + ":8080", List.of("http://" + site, "https://" + site + ":8080")),
					new ProxyCase("only Host $http_host and X-Forwarded-Proto",
							headers("X-Forwarded-Proto", "http", "Host", site + ":8080"), "http://" + site + ":8080",
							List.of("http://" + site, "http://" + site + ":8080.evil.com")),
					new ProxyCase("only X-Forwarded-Host with a port",
							headers("X-Forwarded-Host", site + ":8080", "Host", "node-1:8080"),
							"http://" + site + ":8080", List.of("http://" + site, "http://node-1:8080")),
					new ProxyCase("X-Forwarded-Port without X-Forwarded-Proto",
							headers("X-Forwarded-Host", site, "X-Forwarded-Port", "8080", "Host", "node-1:8080"),
							"http://" + site + ":8080", List.of("http://" + site, "http://node-1:8080")),
					new ProxyCase("all three, Host the upstream's",
							headers("X-Forwarded-Proto", "http", "X-Forwarded-Host", site, "X-Forwarded-Port", "8080",
									"Host", "node-1:8080"),
							"http://" + site + ":8080", List.of("http://" + site, "http://node-1:8080")),
					new ProxyCase("X-Forwarded-Port outranks the port in X-Forwarded-Host",
							headers("X-Forwarded-Proto", "http", "X-Forwarded-Host", site + ":8080", "X-Forwarded-Port",
									"9090"),
							"http://" + site + ":9090", List.of("http://" + site + ":8080")),
					new ProxyCase("X-Forwarded-Host without a port and Host naming the upstream: the default port",
							headers("X-Forwarded-Proto", "http", "X-Forwarded-Host", site, "Host", "node-1:8080"),
							"http://" + site, List.of("http://" + site + ":8080", "http://node-1:8080")),
					new ProxyCase("TLS on 443, no X-Forwarded-Port: the browser omits the default port",
							headers("X-Forwarded-Proto", "https", "X-Forwarded-Host", site, "Host", site),
							"https://" + site,
							List.of("http://" + site, "https://" + site + ":8443", "https://" + site + ".evil.com",
									"https://evil.com")),
					new ProxyCase("TLS on 443 with X-Forwarded-Port 443, Origin written with :443",
							headers("X-Forwarded-Proto", "https", "X-Forwarded-Host", site, "X-Forwarded-Port", "443"),
							"https://" + site + ":443", List.of("http://" + site + ":443", "https://" + site + ":80")),
					new ProxyCase("TLS on 8443: X-Forwarded-Host with its port, no X-Forwarded-Port",
							headers("X-Forwarded-Proto", "https", "X-Forwarded-Host", site + ":8443"),
							"https://" + site + ":8443", List.of("https://" + site, "http://" + site + ":8443")),
					new ProxyCase(
							"a proxy chain lists the browser's side first", headers("X-Forwarded-Proto", "https",
									"X-Forwarded-Host", site, "X-Forwarded-Port", "8443, 8080"),
							"https://" + site + ":8443", List.of("https://" + site + ":8080")));
			for (ProxyCase proxy : cases) {
				assertThat(upgrade(node.baseUrl(), proxy.accepted(), proxy.headers()))
					.as("%s: Origin %s", proxy.name(), proxy.accepted())
					.isEqualTo(101);
				for (String refused : proxy.refused()) {
					assertThat(upgrade(node.baseUrl(), refused, proxy.headers()))
						.as("%s: Origin %s", proxy.name(), refused)
						.isEqualTo(403);
				}
			}
			assertThat(upgrade(node.baseUrl(), node.baseUrl(), Map.of())).as("reached directly, without a proxy")
				.isEqualTo(101);
			assertThat(upgrade(node.baseUrl(), DEV_SERVER,
					headers("X-Forwarded-Proto", "https", "X-Forwarded-Host", site)))
				.as("a configured origin")
				.isEqualTo(101);
		}

	}

	/**
	 * What a proxy sent, the origin it serves, and origins that must still be refused.
	 */
	record ProxyCase(String name, Map<String, String> headers, String accepted, List<String> refused) {
	}

	private static Map<String, String> headers(String... namesAndValues) {
		Map<String, String> headers = new LinkedHashMap<>();
		for (int i = 0; i < namesAndValues.length; i += 2) {
			headers.put(namesAndValues[i], namesAndValues[i + 1]);
		}
		return headers;
	}

	/**
	 * The status of an upgrade request to {@code /ws} with this Origin header (none if
	 * null).
	 */
	private int upgrade(String origin) throws IOException {
		return upgrade(api.baseUrl(), origin, Map.of());
	}

	/**
	 * The status of an upgrade request to the node at this base URL, with this Origin
	 * header (none if null) and these other headers; a {@code Host} among them replaces
	 * the node's own.
	 */
	static int upgrade(String baseUrl, String origin, Map<String, String> headers) throws IOException {
		URI base = URI.create(baseUrl);
		try (Socket socket = new Socket(base.getHost(), base.getPort())) {
			socket.setSoTimeout(5000);
			String key = Base64.getEncoder().encodeToString("tukipiiri-origin".getBytes(StandardCharsets.US_ASCII));
			StringBuilder request = new StringBuilder().append("GET /ws HTTP/1.1\r\n")
				.append("Host: ")
				.append(headers.getOrDefault("Host", base.getHost() + ":" + base.getPort()))
				.append("\r\n")
				.append("Upgrade: websocket\r\n")
				.append("Connection: Upgrade\r\n")
				.append("Sec-WebSocket-Key: ")
				.append(key)
				.append("\r\n")
				.append("Sec-WebSocket-Version: 13\r\n");
			headers.forEach((name, value) -> {
				if (!name.equals("Host")) {
					request.append(name).append(": ").append(value).append("\r\n");
				}
			});
			if (origin != null) {
				request.append("Origin: ").append(origin).append("\r\n");
			}
			request.append("\r\n");
			OutputStream out = socket.getOutputStream();
			out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
			out.flush();
			return statusOf(socket.getInputStream());
		}
	}

	private static int statusOf(InputStream in) throws IOException {
		StringBuilder line = new StringBuilder();
		for (int b = in.read(); b != -1 && b != '\n'; b = in.read()) {
			line.append((char) b);
		}
		String[] parts = line.toString().split(" ");
		assertThat(parts.length).as("status line: %s", line).isGreaterThanOrEqualTo(2);
		return Integer.parseInt(parts[1]);
	}

}
