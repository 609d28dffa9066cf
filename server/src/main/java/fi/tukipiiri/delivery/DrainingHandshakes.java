package fi.tukipiiri.delivery;

import java.util.Map;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.server.HandshakeInterceptor;

import fi.tukipiiri.platform.RefusalLog;

/**
 * A draining node ({@link Drain}) opens no new WebSocket: the handshake is answered 503
 * with {@code Retry-After: 1}, which a proxy takes as its cue to try the next node
 * (nginx: {@code proxy_next_upstream … http_503}) and a client as a failed attempt to
 * make again.
 */
final class DrainingHandshakes implements HandshakeInterceptor {

	private final DrainState state;

	DrainingHandshakes(DrainState state) {
		this.state = state;
	}

	@Override
	public boolean beforeHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
			Map<String, Object> attributes) {
		if (!this.state.draining()) {
			return true;
		}
		RefusalLog.of("handshake").refused("WebSocket handshake", StompErrors.RESTARTING);
		response.setStatusCode(HttpStatus.SERVICE_UNAVAILABLE);
		response.getHeaders().set(HttpHeaders.RETRY_AFTER, "1");
		return false;
	}

	@Override
	public void afterHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
			Exception exception) {
		// nothing to add once the connection is open
	}

}
