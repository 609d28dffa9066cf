package fi.tukipiiri.auth;

import java.security.Principal;
import java.time.Instant;

import org.springframework.http.HttpStatus;
import org.springframework.messaging.handler.annotation.Header;
import org.springframework.messaging.handler.annotation.MessageMapping;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.messaging.simp.annotation.SendToUser;
import org.springframework.stereotype.Controller;

import fi.tukipiiri.delivery.Destinations;
import fi.tukipiiri.platform.ApiProblem;

/**
 * {@code SEND /app/auth/renew} with a fresh {@code Authorization: Bearer} header: the
 * connection goes on standing on the new access token, so it outlives the one it was
 * opened with without reconnecting. Answered on {@code /user/queue/session} with
 * {@code {type: "renewed", expiresAt}}; a token that is not valid, or is another
 * person's, is refused on {@code /user/queue/errors} and the connection keeps its old
 * token (and ends when that expires). A token carrying other roles than the connection's
 * ends the connection ({@code auth.session_ended}), so the client connects again and is
 * authorised under its new roles.
 */
@Controller
class ConnectionRenewal {

	private final BearerTokens tokens;

	private final LiveConnections connections;

	ConnectionRenewal(BearerTokens tokens, LiveConnections connections) {
		this.tokens = tokens;
		this.connections = connections;
	}

	/**
	 * @param expiresAt when the connection's new token expires, unless renewed again
	 * before
	 */
	record Renewed(String type, Instant expiresAt) {
	}

	@MessageMapping(Destinations.RENEW)
	@SendToUser(destinations = Destinations.SESSION, broadcast = false)
	Renewed renew(@Header(name = "Authorization", required = false) String authorization,
			SimpMessageHeaderAccessor headers, Principal user) {
		AccessTokens.Verified token = tokens.verify(authorization).orElseThrow(InvalidToken::new);
		if (!token.accountId().toString().equals(user.getName())) {
			throw new OtherPerson();
		}
		AccessTokens.Verified current = connections.tokenOf(headers.getSessionId()).orElse(null);
		if (current == null || !current.roles().equals(token.roles()) || current.guest() != token.guest()) {
			connections.end(headers.getSessionId(), LiveConnections.SESSION_ENDED);
			return null;
		}
		connections.stand(headers.getSessionId(), token);
		return new Renewed("renewed", token.expiresAt());
	}

	static final class InvalidToken extends ApiProblem {

		InvalidToken() {
			super(HttpStatus.UNAUTHORIZED, "auth.invalid_token",
					"The access token is not valid. Refresh it or sign in again.");
		}

	}

	static final class OtherPerson extends ApiProblem {

		OtherPerson() {
			super(HttpStatus.FORBIDDEN, "auth.forbidden",
					"A connection can only be renewed with its own person's token.");
		}

	}

}
