package fi.tukipiiri.loadtest;

/** One chat client, of whichever protocol, joined to one room. */
interface ChatConnection {

	/**
	 * Sends a message to its room; {@code clientId} makes a retry idempotent where the
	 * server keeps messages.
	 */
	void send(String clientId, String body);

	void close();

	/** The WebSocket extensions the server accepted; empty if none. */
	String extensions();

	/**
	 * What a connection hands to the load test: the JSON text of each room message,
	 * acknowledgement and error.
	 */
	interface Receiver {

		void message(String json);

		void ack(String json);

		void error(String text);

		void dropped();

	}

}
