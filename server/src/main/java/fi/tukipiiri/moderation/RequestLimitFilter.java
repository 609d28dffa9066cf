package fi.tukipiiri.moderation;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import fi.tukipiiri.platform.ProblemResponses;

/**
 * Limits the API requests of each signed-in person across all nodes; runs after Spring
 * Security has identified them. Refusals are 429 with {@code Retry-After}. Requests that
 * are not signed in are limited where they matter (sign-in and sign-up attempts) by the
 * auth feature.
 */
class RequestLimitFilter extends OncePerRequestFilter {

	private final FloodLimits limits;

	private final ProblemResponses problems;

	private final RateLimitMetrics metrics;

	RequestLimitFilter(FloodLimits limits, ProblemResponses problems, RateLimitMetrics metrics) {
		this.limits = limits;
		this.metrics = metrics;
		this.problems = problems;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !request.getRequestURI().startsWith("/api/");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication caller = SecurityContextHolder.getContext().getAuthentication();
		if (caller != null && caller.isAuthenticated() && !(caller instanceof AnonymousAuthenticationToken)) {
			Duration wait = limits.takeRequest(UUID.fromString(caller.getName()));
			if (!wait.isZero()) {
				long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
				metrics.request();
				response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
				problems.write(response, HttpStatus.TOO_MANY_REQUESTS, "rate_limited",
						"Too many requests: please slow down.", Map.of("retryAfterSeconds", seconds));
				return;
			}
		}
		chain.doFilter(request, response);
	}

}
