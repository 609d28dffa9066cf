package fi.tukipiiri.notifications;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A TCP relay on 127.0.0.1 in front of a real SMTP server that, once armed, passes a
 * client's message on except its last line break: the message is complete on the client's
 * side and never on the server's, so a client killed while it waits for the answer has
 * sent nothing, as RFC 5321 §4.1.1.4 has it (the server delivers only after the final
 * {@code <CRLF>.<CRLF>}).
 */
final class StallingSmtpRelay implements AutoCloseable {

	private static final byte[] END_OF_DATA = { '\r', '\n', '.', '\r', '\n' };

	private final ServerSocket listening;

	private final int serverPort;

	private final CountDownLatch stalled = new CountDownLatch(1);

	private volatile boolean armed;

	StallingSmtpRelay(int serverPort) throws IOException {
		this.serverPort = serverPort;
		this.listening = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		Thread accepting = new Thread(this::accept, "stalling-smtp-relay");
		accepting.setDaemon(true);
		accepting.start();
	}

	int port() {
		return listening.getLocalPort();
	}

	/** From now on, the next message stops short of its end. */
	void arm() {
		armed = true;
	}

	/** Waits until a message has stopped short of its end. */
	boolean awaitStalled(long seconds) throws InterruptedException {
		return stalled.await(seconds, TimeUnit.SECONDS);
	}

	private void accept() {
		while (!listening.isClosed()) {
			try {
				Socket client = listening.accept();
				Socket server = new Socket(InetAddress.getLoopbackAddress(), serverPort);
				pump(server.getInputStream(), client.getOutputStream(), client, server, false);
				pump(client.getInputStream(), server.getOutputStream(), client, server, true);
			}
			catch (IOException ex) {
				return;
			}
		}
	}

	private void pump(InputStream from, OutputStream to, Socket client, Socket server, boolean fromClient) {
		Thread pumping = new Thread(() -> {
			byte[] buffer = new byte[8192];
			byte[] tail = new byte[0];
			try {
				int read;
				while ((read = from.read(buffer)) >= 0) {
					byte[] chunk = Arrays.copyOf(buffer, read);
					if (fromClient && armed && endsWithEndOfData(tail, chunk)) {
						to.write(chunk, 0, Math.max(0, read - 2));
						to.flush();
						stalled.countDown();
						// hold the rest until the client goes; then the server sees the
						// connection end mid-message
						while (from.read(buffer) >= 0) {
							// discard
						}
						break;
					}
					to.write(chunk);
					to.flush();
					tail = lastBytes(tail, chunk);
				}
			}
			catch (IOException ex) {
				// one side went away
			}
			finally {
				closeQuietly(client);
				closeQuietly(server);
			}
		}, "stalling-smtp-relay-pump");
		pumping.setDaemon(true);
		pumping.start();
	}

	private static boolean endsWithEndOfData(byte[] tail, byte[] chunk) {
		byte[] joined = new byte[tail.length + chunk.length];
		System.arraycopy(tail, 0, joined, 0, tail.length);
		System.arraycopy(chunk, 0, joined, tail.length, chunk.length);
		return joined.length >= END_OF_DATA.length && Arrays.equals(joined, joined.length - END_OF_DATA.length,
				joined.length, END_OF_DATA, 0, END_OF_DATA.length);
	}

	private static byte[] lastBytes(byte[] tail, byte[] chunk) {
		byte[] joined = new byte[tail.length + chunk.length];
		System.arraycopy(tail, 0, joined, 0, tail.length);
		System.arraycopy(chunk, 0, joined, tail.length, chunk.length);
		return Arrays.copyOfRange(joined, Math.max(0, joined.length - END_OF_DATA.length), joined.length);
	}

	private static void closeQuietly(Socket socket) {
		try {
			socket.close();
		}
		catch (IOException ex) {
			// already closed
		}
	}

	@Override
	public void close() throws IOException {
		listening.close();
	}

}
