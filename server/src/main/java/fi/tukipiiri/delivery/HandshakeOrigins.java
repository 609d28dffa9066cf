package fi.tukipiiri.delivery;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpRequest;
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
 * <p>
 * Behind a proxy the service's own origin is the one the browser used, as the proxy's
 * forwarded headers tell it, and only when the node trusts them (Tomcat's remote-IP
 * handling, {@code server.forward-headers-strategy=native}, and a proxy at an address it
 * trusts): the scheme ({@code X-Forwarded-Proto}) and host ({@code X-Forwarded-Host}) as
 * Tomcat applied them, and the port from, in order, {@code X-Forwarded-Port}, the port
 * written in {@code X-Forwarded-Host}, the port written in {@code Host} when it names the
 * same host, or else the scheme's default (443 for https, 80 for http). Tomcat itself
 * would take 80 or 443 whenever {@code X-Forwarded-Proto} comes without
 * {@code X-Forwarded-Port}, and drops a port written in {@code X-Forwarded-Host}, which
 * is what nginx sends by default on any other port.
 */
class HandshakeOrigins implements HandshakeInterceptor {

	private static final Pattern SERIALISED_ORIGIN = Pattern
		.compile("(https?)://([a-z0-9.-]{1,253}|\\[[0-9a-f:.]{2,45}\\])(?::([0-9]{1,5}))?", Pattern.CASE_INSENSITIVE);

	private static final RefusalLog REFUSALS = RefusalLog.of("origin");

	/**
	 * Set by Tomcat's remote-IP handling on a request whose forwarded headers it applied
	 * (it trusts the proxy it came from); {@code org.apache.catalina.Globals}.
	 */
	static final String FORWARDED_ATTRIBUTE = "org.apache.tomcat.request.forwarded";

	/** {@code host [":" port]} as a Host or X-Forwarded-Host header carries it. */
	private static final Pattern HOST_AND_PORT = Pattern.compile("([^\\s:\\[\\]]+|\\[[0-9a-f:.]+\\])(?::([0-9]{1,5}))?",
			Pattern.CASE_INSENSITIVE);

	private static final Pattern PORT = Pattern.compile("[0-9]{1,5}");

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
		if (origins.size() == 1 && allowed(origins.get(0), ownOrigin(request))) {
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

	private boolean allowed(String origin, Origin own) {
		Matcher parts = SERIALISED_ORIGIN.matcher(origin);
		if (!parts.matches()) {
			return false;
		}
		String scheme = parts.group(1).toLowerCase(Locale.ROOT);
		int port = parts.group(3) == null ? defaultPort(scheme) : Integer.parseInt(parts.group(3));
		if (port < 1 || port > 65_535) {
			return false;
		}
		boolean same = own != null && scheme.equals(own.scheme()) && parts.group(2).equalsIgnoreCase(own.host())
				&& port == own.port();
		return same || configured.checkOrigin(origin) != null;
	}

	/** The service's origin as the browser sees it; null if the request does not tell. */
	static Origin ownOrigin(ServerHttpRequest request) {
		URI uri = request.getURI();
		if (uri.getScheme() == null || uri.getHost() == null) {
			return null;
		}
		String scheme = websiteScheme(uri.getScheme());
		int port = uri.getPort() == -1 ? defaultPort(scheme) : uri.getPort();
		if (forwarded(request)) {
			port = forwardedPort(request.getHeaders(), uri.getHost(), defaultPort(scheme));
		}
		return new Origin(scheme, uri.getHost(), port);
	}

	private static boolean forwarded(ServerHttpRequest request) {
		return request instanceof ServletServerHttpRequest servlet
				&& Boolean.TRUE.equals(servlet.getServletRequest().getAttribute(FORWARDED_ATTRIBUTE));
	}

	/**
	 * The port the browser used, as the proxy's headers tell it (see the class comment).
	 * @param host the host Tomcat took from them
	 */
	private static int forwardedPort(HttpHeaders headers, String host, int defaultPort) {
		String forwardedPort = firstValue(headers.getFirst("X-Forwarded-Port"));
		if (forwardedPort != null && PORT.matcher(forwardedPort).matches()) {
			return Integer.parseInt(forwardedPort);
		}
		for (String header : List.of("X-Forwarded-Host", HttpHeaders.HOST)) {
			Matcher parts = HOST_AND_PORT.matcher(Objects.requireNonNullElse(firstValue(headers.getFirst(header)), ""));
			if (parts.matches() && parts.group(2) != null && sameHost(parts.group(1), host)) {
				return Integer.parseInt(parts.group(2));
			}
		}
		return defaultPort;
	}

	/** A proxy chain may list several values; the first is the browser's side. */
	private static String firstValue(String header) {
		return header == null ? null : header.split(",", 2)[0].trim();
	}

	/** URI gives an IPv6 host in brackets, as the headers write it. */
	private static boolean sameHost(String written, String host) {
		return written.equalsIgnoreCase(host);
	}

	/** An origin's parts: lower-case scheme ({@code http}/{@code https}), host, port. */
	record Origin(String scheme, String host, int port) {
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
