package fi.tukipiiri.auth;

import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

import fi.tukipiiri.accounts.AccountErased;
import fi.tukipiiri.accounts.RolesChanged;

/**
 * Access tokens carry roles, so a role change ends the old tokens at once; the person's
 * next refresh brings a token with the new roles. An erased account's tokens end the same
 * way, on every node, before the erasure is answered.
 */
@Component
class RevokeTokensOnAccountChange {

	private final TokenRevocations revocations;

	RevokeTokensOnAccountChange(TokenRevocations revocations) {
		this.revocations = revocations;
	}

	@TransactionalEventListener
	void on(RolesChanged change) {
		revocations.revokeAllFor(change.accountId());
	}

	@TransactionalEventListener
	void on(AccountErased erased) {
		revocations.revokeAllFor(erased.accountId());
	}

}
