package fi.tukipiiri.delivery;

import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Per-message deflate (RFC 7692) is agreed on {@code /ws} only when
 * {@code tukipiiri.chat.compression} is on. Chat frames are a few hundred bytes;
 * compressing each one separately for every reader cost more CPU than it saved bytes in
 * the load test (deploy/loadtest/README.md). Tomcat agrees to the extensions a browser
 * offers whatever the application lists, so when compression is off the offer
 * ({@code Sec-WebSocket-Extensions}) is hidden from the handshake instead.
 */
@Component
class CompressionChoice extends OncePerRequestFilter {

	private static final String EXTENSIONS = "Sec-WebSocket-Extensions";

	private final boolean compression;

	CompressionChoice(DeliverySettings settings) {
		this.compression = settings.compression();
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return this.compression || !"/ws".equals(request.getRequestURI()) || request.getHeader(EXTENSIONS) == null;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		chain.doFilter(new HttpServletRequestWrapper(request) {

			@Override
			public String getHeader(String name) {
				return EXTENSIONS.equalsIgnoreCase(name) ? null : super.getHeader(name);
			}

			@Override
			public Enumeration<String> getHeaders(String name) {
				return EXTENSIONS.equalsIgnoreCase(name) ? Collections.emptyEnumeration() : super.getHeaders(name);
			}

			@Override
			public Enumeration<String> getHeaderNames() {
				return Collections.enumeration(Collections.list(super.getHeaderNames())
					.stream()
					.filter(header -> !EXTENSIONS.equalsIgnoreCase(header))
					.toList());
			}
		}, response);
	}

}
