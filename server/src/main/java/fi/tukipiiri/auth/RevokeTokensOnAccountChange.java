package fi.tukipiiri.auth;

import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

import fi.tukipiiri.accounts.AccountErased;
import fi.tukipiiri.accounts.RolesChanged;

/**
 * Access tokens carry roles, so a role change ends the old tokens at once; the person's
 * next refresh brings a token with the new roles. An erased account's tokens end the same
 * way, on every node, before the erasure is answered. The tokens end before the change
 * commits: while Redis cannot record it, the change is refused
 * ({@code server.unavailable}) rather than made with the old tokens still good (decision
 * 23).
 */
@Component
class RevokeTokensOnAccountChange {

	private final TokenRevocations revocations;

	RevokeTokensOnAccountChange(TokenRevocations revocations) {
		this.revocations = revocations;
	}

	@TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
	void on(RolesChanged change) {
		revocations.revokeAllFor(change.accountId());
	}

	@TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
	void on(AccountErased erased) {
		revocations.revokeAllFor(erased.accountId());
	}

}
