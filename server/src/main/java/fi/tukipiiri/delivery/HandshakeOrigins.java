package fi.tukipiiri.delivery;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.server.HandshakeInterceptor;

import fi.tukipiiri.platform.RefusalLog;

/**
 * Lets a WebSocket handshake through only from the service's own origin or one of the
 * configured ones. A browser sends its origin serialised as
 * {@code scheme "://" host [ ":" port ]} (RFC 6454 §6.2); anything else in the
 * {@code Origin} header — {@code null}, a path, user info, two origins, a port that is
 * not a number, as in {@code http://localhost:8080.evil.com} — is no origin of ours and
 * is answered 403. Two origins are the same only if scheme, host and port all are (RFC
 * 6454 §5). This runs before Spring's own origin check, whose URL parsing fails with a
 * server error on such values; what passes here is well formed for it.
 */
class HandshakeOrigins implements HandshakeInterceptor {

	private static final Pattern SERIALISED_ORIGIN = Pattern
		.compile("(https?)://([a-z0-9.-]{1,253}|\\[[0-9a-f:.]{2,45}\\])(?::([0-9]{1,5}))?", Pattern.CASE_INSENSITIVE);

	private static final RefusalLog REFUSALS = RefusalLog.of("origin");

	private final CorsConfiguration configured = new CorsConfiguration();

	/**
	 * @param allowedOrigins other origins (or Spring origin patterns) allowed besides the
	 * service's own
	 */
	HandshakeOrigins(List<String> allowedOrigins) {
		configured.setAllowedOriginPatterns(allowedOrigins);
	}

	@Override
	public boolean beforeHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
			Map<String, Object> attributes) {
		List<String> origins = request.getHeaders().get(HttpHeaders.ORIGIN);
		if (origins == null || origins.isEmpty()) {
			// not a browser, so not the cross-site attack the check is about; the CONNECT
			// still needs a token
			return true;
		}
		if (origins.size() == 1 && allowed(origins.get(0), request.getURI())) {
			return true;
		}
		REFUSALS.refused("WebSocket handshake", "origin not allowed");
		response.setStatusCode(HttpStatus.FORBIDDEN);
		return false;
	}

	@Override
	public void afterHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
			Exception failure) {
	}

	private boolean allowed(String origin, URI own) {
		Matcher parts = SERIALISED_ORIGIN.matcher(origin);
		if (!parts.matches()) {
			return false;
		}
		String scheme = parts.group(1).toLowerCase(Locale.ROOT);
		int port = parts.group(3) == null ? defaultPort(scheme) : Integer.parseInt(parts.group(3));
		if (port < 1 || port > 65_535) {
			return false;
		}
		boolean same = own.getScheme() != null && own.getHost() != null
				&& scheme.equalsIgnoreCase(websiteScheme(own.getScheme()))
				&& parts.group(2).equalsIgnoreCase(own.getHost())
				&& port == (own.getPort() == -1 ? defaultPort(websiteScheme(own.getScheme())) : own.getPort());
		return same || configured.checkOrigin(origin) != null;
	}

	/**
	 * The handshake arrives as http(s); a client that named it ws(s) means the same site.
	 */
	private static String websiteScheme(String scheme) {
		return switch (scheme.toLowerCase(Locale.ROOT)) {
			case "ws" -> "http";
			case "wss" -> "https";
			default -> scheme.toLowerCase(Locale.ROOT);
		};
	}

	private static int defaultPort(String scheme) {
		return "https".equals(scheme) ? 443 : 80;
	}

}
