package fi.tukipiiri.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Speaks STOMP over a bare WebSocket, to see exactly which frame the server answers a
 * CONNECT with and how it closes the connection (a STOMP client library would hide both).
 */
public final class BareStompConnect {

	/**
	 * How long a frame may take to be answered: generous, as a busy two-core machine can
	 * hold an answer back for seconds.
	 */
	private static final int ANSWER_WITHIN_SECONDS = 15;

	private BareStompConnect() {
	}

	/**
	 * The first frame the server sent, and the WebSocket close status ({@code -1}: still
	 * open after 5 seconds).
	 */
	public record Answer(String firstFrame, int closeStatus) {
	}

	/**
	 * Sends a CONNECT with the token (none if null) and waits for the first frame and the
	 * close.
	 */
	public static Answer connect(String baseUrl, String token) throws Exception {
		return exchange(baseUrl, connectFrame(token), null);
	}

	/**
	 * Connects with the token, and once CONNECTED has come sends {@code frame} (a whole
	 * STOMP frame, NUL included); answers the first frame after CONNECTED and the close
	 * status.
	 */
	public static Answer connectThen(String baseUrl, String token, String frame) throws Exception {
		return exchange(baseUrl, connectFrame(token), frame);
	}

	/**
	 * Connects with the token, and once CONNECTED has come sends each of {@code frames}
	 * (a whole STOMP frame each), every one but the last once the one before it has been
	 * answered with a frame; answers the first {@code count} frames after CONNECTED,
	 * fewer if no more came within the usual wait.
	 */
	public static List<String> connectThenCollect(String baseUrl, String token, List<String> frames, int count)
			throws Exception {
		BlockingQueue<String> received = new LinkedBlockingQueue<>();
		WebSocket socket = HttpClient.newHttpClient()
			.newWebSocketBuilder()
			.buildAsync(URI.create(baseUrl.replace("http", "ws") + "/ws"), new WebSocket.Listener() {
				@Override
				public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
					received.add(data.toString());
					ws.request(1);
					return null;
				}
			})
			.get(5, TimeUnit.SECONDS);
		try {
			socket.sendText(connectFrame(token), true);
			String connected = received.poll(ANSWER_WITHIN_SECONDS, TimeUnit.SECONDS);
			if (connected == null || !connected.startsWith("CONNECTED")) {
				return List.of();
			}
			List<String> answers = new ArrayList<>();
			for (int i = 0; i < frames.size(); i++) {
				socket.sendText(frames.get(i), true);
				String answer = i < frames.size() - 1 ? received.poll(ANSWER_WITHIN_SECONDS, TimeUnit.SECONDS) : null;
				if (answer != null) {
					answers.add(answer);
				}
			}
			while (answers.size() < count) {
				String next = received.poll(ANSWER_WITHIN_SECONDS, TimeUnit.SECONDS);
				if (next == null) {
					break;
				}
				answers.add(next);
			}
			return answers;
		}
		finally {
			socket.abort();
		}
	}

	/**
	 * Opens the WebSocket with {@code frame} instead of a CONNECT; answers the first
	 * frame and the close status.
	 */
	public static Answer sendFirst(String baseUrl, String frame) throws Exception {
		return exchange(baseUrl, frame, null);
	}

	private static String connectFrame(String token) {
		String authorization = token == null ? "" : "Authorization:Bearer " + token + "\n";
		return "CONNECT\naccept-version:1.2\nhost:localhost\n" + authorization + "\n\u0000";
	}

	private static Answer exchange(String baseUrl, String opening, String then) throws Exception {
		BlockingQueue<String> frames = new LinkedBlockingQueue<>();
		CompletableFuture<Integer> closed = new CompletableFuture<>();
		WebSocket socket = HttpClient.newHttpClient()
			.newWebSocketBuilder()
			.buildAsync(URI.create(baseUrl.replace("http", "ws") + "/ws"), new WebSocket.Listener() {
				@Override
				public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
					frames.add(data.toString());
					ws.request(1);
					return null;
				}

				@Override
				public CompletionStage<?> onClose(WebSocket ws, int status, String reason) {
					closed.complete(status);
					return null;
				}
			})
			.get(5, TimeUnit.SECONDS);
		socket.sendText(opening, true);
		String first = frames.poll(ANSWER_WITHIN_SECONDS, TimeUnit.SECONDS);
		if (then != null) {
			if (first == null || !first.startsWith("CONNECTED")) {
				// said as such, so a failure tells a slow CONNECT from an unanswered
				// frame
				return new Answer("no CONNECTED within " + ANSWER_WITHIN_SECONDS + " s, but: " + first,
						closed.completeOnTimeout(-1, 5, TimeUnit.SECONDS).get());
			}
			socket.sendText(then, true);
			first = frames.poll(ANSWER_WITHIN_SECONDS, TimeUnit.SECONDS);
		}
		return new Answer(first, closed.completeOnTimeout(-1, 5, TimeUnit.SECONDS).get());
	}

}
