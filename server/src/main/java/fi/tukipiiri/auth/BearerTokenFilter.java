package fi.tukipiiri.auth;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import fi.tukipiiri.platform.ProblemResponses;
import fi.tukipiiri.platform.RefusalLog;
import fi.tukipiiri.platform.ServiceUnavailable;

/**
 * Authenticates a request by its {@code Authorization: Bearer} access token. A request
 * without one goes on anonymous (the rules decide); one with a bad, expired or revoked
 * token is refused here, and one that cannot be checked against the revocations (Redis
 * does not answer) with {@code 503 server.unavailable}.
 */
class BearerTokenFilter extends OncePerRequestFilter {

	static final String VERIFIED_TOKEN = BearerTokenFilter.class.getName() + ".token";

	private final BearerTokens tokens;

	private final ProblemResponses problems;

	BearerTokenFilter(BearerTokens tokens, ProblemResponses problems) {
		this.tokens = tokens;
		this.problems = problems;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String header = request.getHeader(HttpHeaders.AUTHORIZATION);
		if (!BearerTokens.isBearer(header)) {
			chain.doFilter(request, response);
			return;
		}
		Optional<AccessTokens.Verified> verified;
		try {
			verified = tokens.verify(header);
		}
		catch (ServiceUnavailable unavailable) {
			// the revocations cannot be read: the token is not taken unchecked
			problems.write(response, unavailable);
			return;
		}
		if (verified.isEmpty()) {
			RefusalLog.of("token")
				.refused(request.getMethod() + " " + RefusalLog.shape(request.getRequestURI()), "auth.invalid_token");
			response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"");
			problems.write(response, HttpStatus.UNAUTHORIZED, "auth.invalid_token",
					"The access token is not valid. Refresh it or sign in again.");
			return;
		}
		request.setAttribute(VERIFIED_TOKEN, verified.get());
		SecurityContextHolder.getContext().setAuthentication(authentication(verified.get()));
		try {
			chain.doFilter(request, response);
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}

	static UsernamePasswordAuthenticationToken authentication(AccessTokens.Verified token) {
		List<GrantedAuthority> authorities = new ArrayList<>();
		token.roles().forEach(role -> authorities.add(new SimpleGrantedAuthority("ROLE_" + role.name())));
		if (token.guest()) {
			authorities.add(new SimpleGrantedAuthority("GUEST"));
		}
		return UsernamePasswordAuthenticationToken.authenticated(token.accountId().toString(), null, authorities);
	}

}
