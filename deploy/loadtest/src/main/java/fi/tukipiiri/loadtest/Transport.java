package fi.tukipiiri.loadtest;

import java.net.URI;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Whole text messages over one WebSocket library, so every protocol is measured through
 * the same client: the JDK's (the default) or Jetty's (which can negotiate
 * permessage-deflate).
 */
interface Transport extends AutoCloseable {

	CompletableFuture<Socket> open(URI uri, Map<String, String> headers, Inbound inbound);

	@Override
	void close();

	/**
	 * One open WebSocket. Sends never block the caller; they go out in the order given.
	 */
	interface Socket {

		void send(String text);

		void close();

		/**
		 * The extensions the server accepted, as in its {@code Sec-WebSocket-Extensions}
		 * header; empty if none.
		 */
		String extensions();

	}

	/** What arrives on one socket. */
	interface Inbound {

		void text(Socket socket, String message);

		/** The socket closed or failed ({@code failure} null on a clean close). */
		void closed(Socket socket, Throwable failure);

	}

	static Transport of(Options options) {
		return options.client().equals("jetty") ? new JettyTransport(options.deflate()) : new JdkTransport();
	}

}
