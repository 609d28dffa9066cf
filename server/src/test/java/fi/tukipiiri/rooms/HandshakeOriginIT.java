package fi.tukipiiri.rooms;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

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

	/**
	 * The status of an upgrade request to {@code /ws} with this Origin header (none if
	 * null).
	 */
	private int upgrade(String origin) throws IOException {
		URI base = URI.create(api.baseUrl());
		try (Socket socket = new Socket(base.getHost(), base.getPort())) {
			socket.setSoTimeout(5000);
			String key = Base64.getEncoder().encodeToString("tukipiiri-origin".getBytes(StandardCharsets.US_ASCII));
			StringBuilder request = new StringBuilder().append("GET /ws HTTP/1.1\r\n")
				.append("Host: ")
				.append(base.getHost())
				.append(':')
				.append(base.getPort())
				.append("\r\n")
				.append("Upgrade: websocket\r\n")
				.append("Connection: Upgrade\r\n")
				.append("Sec-WebSocket-Key: ")
				.append(key)
				.append("\r\n")
				.append("Sec-WebSocket-Version: 13\r\n");
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
