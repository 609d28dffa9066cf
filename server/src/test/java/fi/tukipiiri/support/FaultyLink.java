package fi.tukipiiri.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP link on a loopback port to a real server (the embedded PostgreSQL or Redis) that
 * a test can break the way networks and servers break: {@link #stop()} as a stopped
 * server (connections cut, new ones refused), {@link #silence()} as a hung server or a
 * lost network (connections stay open, nothing comes back). The server behind it keeps
 * running for every other test in the JVM.
 */
public final class FaultyLink implements AutoCloseable {

	private enum State {

		FORWARDING, STOPPED, SILENT, CLOSED

	}

	private final InetSocketAddress target;

	private final Set<Socket> open = ConcurrentHashMap.newKeySet();

	private final int port;

	private volatile State state = State.FORWARDING;

	private ServerSocket listening;

	private FaultyLink(InetSocketAddress target) throws IOException {
		this.target = target;
		this.listening = listen(0);
		this.port = this.listening.getLocalPort();
	}

	/** A forwarding link to this loopback port. */
	public static FaultyLink to(int targetPort) throws IOException {
		return new FaultyLink(new InetSocketAddress(InetAddress.getLoopbackAddress(), targetPort));
	}

	/** The loopback port to connect to instead of the server's. */
	public int port() {
		return port;
	}

	/** As a stopped server: every connection is cut and new ones are refused. */
	public synchronized void stop() throws IOException {
		state = State.STOPPED;
		listening.close();
		cutAll();
	}

	/**
	 * As a hung server: connections stay open and new ones are accepted, but nothing
	 * written reaches the server and nothing comes back.
	 */
	public synchronized void silence() {
		state = State.SILENT;
	}

	/**
	 * Forwards again. Connections held during a silence are cut, as a recovering
	 * network's would be reset, so clients stop waiting and reconnect.
	 */
	public synchronized void restore() throws IOException {
		if (state == State.STOPPED) {
			listening = listen(port);
		}
		else {
			cutAll();
		}
		state = State.FORWARDING;
	}

	@Override
	public synchronized void close() throws IOException {
		state = State.CLOSED;
		listening.close();
		cutAll();
	}

	private ServerSocket listen(int onPort) throws IOException {
		ServerSocket server = new ServerSocket();
		server.setReuseAddress(true);
		server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), onPort));
		daemon("link-accept-" + server.getLocalPort(), () -> accept(server));
		return server;
	}

	private void accept(ServerSocket server) {
		while (!server.isClosed()) {
			try {
				Socket client = server.accept();
				open.add(client);
				if (state == State.SILENT) {
					daemon("link-silent", () -> pump(client, null));
					continue;
				}
				Socket upstream = new Socket(target.getAddress(), target.getPort());
				open.add(upstream);
				daemon("link-up", () -> pump(client, upstream));
				daemon("link-down", () -> pump(upstream, client));
			}
			catch (IOException ex) {
				// closed by stop() or close(), or the server behind is gone: the client
				// sees a
				// cut connection
			}
		}
	}

	/**
	 * Copies from one socket to the other while forwarding; otherwise reads and drops.
	 */
	private void pump(Socket from, Socket to) {
		byte[] buffer = new byte[8192];
		try {
			InputStream in = from.getInputStream();
			OutputStream out = to == null ? null : to.getOutputStream();
			for (int read = in.read(buffer); read != -1; read = in.read(buffer)) {
				if (state == State.FORWARDING && out != null) {
					out.write(buffer, 0, read);
					out.flush();
				}
			}
		}
		catch (IOException ex) {
			// cut: end both sides below
		}
		cut(from);
		if (to != null) {
			cut(to);
		}
	}

	private void cutAll() {
		for (Socket socket : open) {
			cut(socket);
		}
	}

	private void cut(Socket socket) {
		open.remove(socket);
		try {
			socket.close();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void daemon(String name, Runnable work) {
		Thread thread = new Thread(work, name);
		thread.setDaemon(true);
		thread.start();
	}

}
