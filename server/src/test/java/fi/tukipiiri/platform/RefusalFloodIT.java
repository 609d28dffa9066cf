package fi.tukipiiri.platform;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import fi.tukipiiri.support.ApiClient;
import fi.tukipiiri.support.ApiClient.Session;
import fi.tukipiiri.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile requests and frames, sent by the hundred, leave one line each in the log up to
 * a small budget per kind and minute, and never a stack trace, an ERROR line or what was
 * sent.
 */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class RefusalFloodIT {

	private static final int FLOOD = 60;

	private static final String SECRET = "salainen-sisalto-" + UUID.randomUUID();

	@Autowired
	ApiClient api;

	@BeforeEach
	void freshBudgets() {
		RefusalLog.startAfresh();
	}

	@Test
	void malformedAndMistypedBodiesTooLargeBodiesAndBadTokens(CapturedOutput output) throws IOException {
		Session parent = api.registerParent("Tulva");
		for (int i = 0; i < FLOOD; i++) {
			assertThat(api.postRaw("/api/auth/login", "{\"username\": \"" + SECRET + "\", ", null).status())
				.isEqualTo(400);
			assertThat(api.postRaw("/api/auth/login", "{\"username\": \"a\", \"username\": \"" + SECRET + "\"}", null)
				.status()).isEqualTo(400);
			assertThat(api.get("/api/notifications?limit=" + SECRET, parent.accessToken()).status()).isEqualTo(400);
			assertThat(api.get("/api/me", "forged." + SECRET + ".token").status()).isEqualTo(401);
		}
		for (int i = 0; i < FLOOD; i++) {
			assertThat(declaredTooLarge()).isEqualTo(413);
		}
		assertQuiet(output, "request", "token");
	}

	@Test
	void lookAlikeOriginsAndUndecodableOrRefusedStompFrames(CapturedOutput output) throws Exception {
		URI base = URI.create(api.baseUrl());
		for (int i = 0; i < FLOOD; i++) {
			assertThat(upgrade("http://" + base.getHost() + ":" + base.getPort() + "." + SECRET + ".example"))
				.contains(" 403 ");
		}
		Session parent = api.registerParent("Kehys");
		for (int i = 0; i < FLOOD; i++) {
			BlockingQueue<String> frames = new LinkedBlockingQueue<>();
			WebSocket socket = connected(parent, frames);
			socket.sendText("SUBSCRIBE\ndestination:/user/queue/acks\nx-note:" + SECRET + "\n\n\u0000", true)
				.get(5, TimeUnit.SECONDS);
			socket
				.sendText("SEND\ndestination:/topic/rooms/" + UUID.randomUUID()
						+ "\ncontent-type:application/json\n\n{\"body\":\"" + SECRET + "\"}\u0000", true)
				.get(5, TimeUnit.SECONDS);
			socket.sendText("SUBSCRIBE\nid:1\ndestination:/topic/" + SECRET + "\n\n\u0000", true)
				.get(5, TimeUnit.SECONDS);
			socket.sendText("SUBSCRIBE\nid:2\ndestination:/topic/rooms/" + UUID.randomUUID() + "\n\n\u0000", true)
				.get(5, TimeUnit.SECONDS);
			socket
				.sendText("SEND\ndestination:/app/rooms/" + UUID.randomUUID()
						+ "/messages\ncontent-type:application/json\n\n{\"body\": \"" + SECRET + "\", \0", true)
				.get(5, TimeUnit.SECONDS);
			socket.sendText(SECRET.toUpperCase() + "\n\n\u0000", true).get(5, TimeUnit.SECONDS);
			socket.abort();
		}
		for (int i = 0; i < 5; i++) {
			WebSocket socket = connected(parent, new LinkedBlockingQueue<>());
			// over the frame limit: the server closes the connection
			socket.sendText("SEND\ndestination:/app/rooms/" + UUID.randomUUID() + "/messages\n\n" + SECRET.repeat(2000)
					+ "\u0000", true);
			Awaitility.await().atMost(5, TimeUnit.SECONDS).until(socket::isInputClosed);
		}
		BlockingQueue<String> frames = new LinkedBlockingQueue<>();
		WebSocket refusedConnect = HttpClient.newHttpClient()
			.newWebSocketBuilder()
			.buildAsync(URI.create(api.baseUrl().replace("http", "ws") + "/ws"), listener(frames))
			.get(5, TimeUnit.SECONDS);
		refusedConnect
			.sendText("CONNECT\naccept-version:1.2\nhost:x\nAuthorization:Bearer " + SECRET + "\n\n\u0000", true)
			.get(5, TimeUnit.SECONDS);
		assertThat(frames.poll(5, TimeUnit.SECONDS)).startsWith("ERROR");
		Awaitility.await()
			.atMost(10, TimeUnit.SECONDS)
			.until(() -> output.getOut()
				.lines()
				.filter(line -> line.contains("Refused stomp-frame:"))
				.count() >= RefusalLog.LINES_PER_MINUTE);
		assertQuiet(output, "origin", "stomp-frame", "stomp-connect");
		assertThat(output.getOut()).contains("Refused stomp-frame: frame that is not STOMP")
			.contains("Refused stomp-frame: SEND (AccessDeniedException)")
			.contains("Refused stomp-frame: SUBSCRIBE (AccessDeniedException)")
			.contains("Refused stomp-frame: SUBSCRIBE /topic/rooms/{} (rooms.not_member)")
			.contains("Refused stomp-frame: SUBSCRIBE (no id)");
	}

	/**
	 * Each kind logged, within its budget (and perhaps one count of lines left out),
	 * without traces or content.
	 */
	private static void assertQuiet(CapturedOutput output, String... kinds) {
		String log = output.getOut() + output.getErr();
		for (String kind : kinds) {
			long lines = log.lines().filter(line -> line.contains("Refused " + kind + ":")).count();
			assertThat(lines).as(kind).isBetween(1L, RefusalLog.LINES_PER_MINUTE + 1L);
		}
		assertThat(log).doesNotContain(SECRET)
			.doesNotContain(SECRET.toUpperCase())
			.doesNotContain("\tat ")
			.doesNotContain("Caused by")
			.doesNotContain(" ERROR ");
	}

	private int declaredTooLarge() throws IOException {
		URI base = URI.create(api.baseUrl());
		try (Socket socket = new Socket(base.getHost(), base.getPort())) {
			socket.setSoTimeout(5000);
			OutputStream out = socket.getOutputStream();
			out.write(
					("POST /api/auth/guest HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 10000000\r\n"
							+ "Connection: close\r\n\r\n{\"nickname\":\"" + SECRET + "\"")
						.getBytes(StandardCharsets.UTF_8));
			out.flush();
			String status = new String(socket.getInputStream().readNBytes(12), StandardCharsets.ISO_8859_1);
			return Integer.parseInt(status.substring(9, 12));
		}
	}

	private String upgrade(String origin) throws IOException {
		URI base = URI.create(api.baseUrl());
		try (Socket socket = new Socket(base.getHost(), base.getPort())) {
			socket.setSoTimeout(5000);
			OutputStream out = socket.getOutputStream();
			out.write(("GET /ws HTTP/1.1\r\nHost: " + base.getHost() + ":" + base.getPort()
					+ "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
					+ "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\nOrigin: " + origin
					+ "\r\n\r\n")
				.getBytes(StandardCharsets.ISO_8859_1));
			out.flush();
			return new String(socket.getInputStream().readNBytes(13), StandardCharsets.ISO_8859_1);
		}
	}

	private WebSocket connected(Session person, BlockingQueue<String> frames) throws Exception {
		WebSocket socket = HttpClient.newHttpClient()
			.newWebSocketBuilder()
			.buildAsync(URI.create(api.baseUrl().replace("http", "ws") + "/ws"), listener(frames))
			.get(5, TimeUnit.SECONDS);
		socket
			.sendText(
					"CONNECT\naccept-version:1.2\nhost:x\nAuthorization:Bearer " + person.accessToken() + "\n\n\u0000",
					true)
			.get(5, TimeUnit.SECONDS);
		assertThat(frames.poll(5, TimeUnit.SECONDS)).startsWith("CONNECTED");
		return socket;
	}

	private static WebSocket.Listener listener(BlockingQueue<String> frames) {
		return new WebSocket.Listener() {
			@Override
			public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
				frames.add(data.toString());
				socket.request(1);
				return null;
			}
		};
	}

}
