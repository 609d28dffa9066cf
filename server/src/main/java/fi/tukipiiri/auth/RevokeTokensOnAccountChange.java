package fi.tukipiiri.auth;

import java.time.Clock;
import java.util.UUID;

import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

import fi.tukipiiri.accounts.AccountErased;
import fi.tukipiiri.accounts.PasswordChanged;
import fi.tukipiiri.accounts.RolesChanged;

/**
 * Access tokens carry roles, so a role change ends the old tokens at once; the person's
 * next refresh brings a token with the new roles. An erased account's tokens end the same
 * way, on every node, before the erasure is answered. A new password ends every other
 * sign-in of the person: their refresh families in PostgreSQL, in the changing
 * transaction, and their access tokens and live connections on every node. The tokens end
 * before the change commits: while Redis cannot record it, the change is refused
 * ({@code server.unavailable}) rather than made with the old tokens still good (decision
 * 23).
 */
@Component
class RevokeTokensOnAccountChange {

	private final TokenRevocations revocations;

	private final RefreshTokens refreshTokens;

	private final AuthSettings settings;

	private final Clock clock;

	RevokeTokensOnAccountChange(TokenRevocations revocations, RefreshTokens refreshTokens, AuthSettings settings,
			Clock clock) {
		this.revocations = revocations;
		this.refreshTokens = refreshTokens;
		this.settings = settings;
		this.clock = clock;
	}

	@TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
	void on(RolesChanged change) {
		revocations.revokeAllFor(change.accountId());
	}

	@TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
	void on(AccountErased erased) {
		revocations.revokeAllFor(erased.accountId());
	}

	/**
	 * Without a kept sign-in everything of the account ends (its token generation moves
	 * on); with one, each other sign-in that may still hold a good token ends by its
	 * family, so the kept one's tokens and connection stay.
	 */
	@TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
	void on(PasswordChanged changed) {
		if (changed.keptSignIn() == null) {
			refreshTokens.revokeAllOf(changed.accountId(), changed.changedAt());
			revocations.revokeAllFor(changed.accountId());
			return;
		}
		for (UUID family : refreshTokens.familiesWithLiveTokens(changed.accountId(), changed.keptSignIn(),
				clock.instant().minus(settings.accessTokenLifetime()))) {
			refreshTokens.revokeFamily(family, changed.changedAt());
			revocations.revokeFamily(family);
		}
	}

}
