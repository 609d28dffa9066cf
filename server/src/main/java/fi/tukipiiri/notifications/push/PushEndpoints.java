package fi.tukipiiri.notifications.push;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;

import org.springframework.stereotype.Component;

/**
 * Which endpoints the server will POST to. The endpoint comes from the client, so without
 * this check anyone signed in could make the server send requests into its own network
 * (server-side request forgery): only {@code https:} URLs at an allowed push service
 * pass, without user information, on the default port or an explicit one. Plain
 * {@code http:} only for the hosts configured for it (a push service run locally in
 * tests).
 */
@Component
class PushEndpoints {

	/**
	 * Longest endpoint taken; the browsers' push services give a few hundred characters.
	 */
	static final int MAX_LENGTH = 2048;

	private final List<String> allowedHosts;

	private final List<String> plainHttpHosts;

	PushEndpoints(PushSettings settings) {
		this.allowedHosts = lowerCase(settings.allowedHosts());
		this.plainHttpHosts = lowerCase(settings.plainHttpHosts());
	}

	/** True when the server may POST to this endpoint. */
	boolean allowed(String endpoint) {
		if (endpoint == null || endpoint.length() > MAX_LENGTH) {
			return false;
		}
		URI uri;
		try {
			uri = new URI(endpoint);
		}
		catch (URISyntaxException ex) {
			return false;
		}
		if (!uri.isAbsolute() || uri.isOpaque() || uri.getRawUserInfo() != null || uri.getHost() == null
				|| uri.getRawFragment() != null) {
			return false;
		}
		String host = uri.getHost().toLowerCase(Locale.ROOT);
		if (!host.equals(uri.getHost())) {
			// browsers give host names in lower case; another spelling would store one
			// device twice
			return false;
		}
		String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
		// a browser's push service listens on the default port; another port at an
		// allowed host
		// would let a subscription aim the server's requests at some other service there
		boolean secure = scheme.equals("https") && (uri.getPort() == -1 || uri.getPort() == 443);
		boolean plainAllowed = scheme.equals("http") && plainHttpHosts.contains(host);
		return (secure || plainAllowed) && allowedHosts.stream().anyMatch(pattern -> matches(pattern, host));
	}

	/** The endpoint's host, for people to recognise the push service. */
	static String hostOf(String endpoint) {
		return URI.create(endpoint).getHost().toLowerCase(Locale.ROOT);
	}

	private static boolean matches(String pattern, String host) {
		if (pattern.startsWith("*.")) {
			String domain = pattern.substring(1);
			return host.endsWith(domain) && host.length() > domain.length();
		}
		return host.equals(pattern);
	}

	private static List<String> lowerCase(List<String> hosts) {
		return hosts.stream().map(String::trim).map(host -> host.toLowerCase(Locale.ROOT)).toList();
	}

}
