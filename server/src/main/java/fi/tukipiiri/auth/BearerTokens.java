package fi.tukipiiri.auth;

import java.util.Optional;

import org.springframework.stereotype.Component;

/**
 * Reads an {@code Authorization: Bearer …} value: a verified token that is not revoked,
 * or nothing.
 */
@Component
class BearerTokens {

	private static final String PREFIX = "Bearer ";

	private final AccessTokens tokens;

	private final TokenRevocations revocations;

	BearerTokens(AccessTokens tokens, TokenRevocations revocations) {
		this.tokens = tokens;
		this.revocations = revocations;
	}

	static boolean isBearer(String header) {
		return header != null && header.regionMatches(true, 0, PREFIX, 0, PREFIX.length());
	}

	/**
	 * Empty for a missing, malformed, forged, expired or revoked token.
	 * @throws fi.tukipiiri.platform.ServiceUnavailable when the revocations cannot be
	 * read
	 */
	Optional<AccessTokens.Verified> verify(String header) {
		if (!isBearer(header)) {
			return Optional.empty();
		}
		return tokens.verify(header.substring(PREFIX.length()).strip()).filter(revocations::isAccepted);
	}

}
