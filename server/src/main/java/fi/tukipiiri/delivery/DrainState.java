package fi.tukipiiri.delivery;

import org.springframework.stereotype.Component;

/**
 * Whether this node is draining ({@link Drain}): from then on it takes no new WebSocket
 * connection and no new chat message, and tells the sender to come back on another node
 * ({@code server.restarting}).
 */
@Component
class DrainState {

	private volatile boolean draining;

	boolean draining() {
		return this.draining;
	}

	void begin() {
		this.draining = true;
	}

}
