package fi.tukipiiri.auth;

import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

import fi.tukipiiri.accounts.RolesChanged;

/**
 * Access tokens carry roles, so a role change ends the old tokens at once; the person's next refresh
 * brings a token with the new roles.
 */
@Component
class RevokeTokensOnRoleChange {

	private final TokenRevocations revocations;

	RevokeTokensOnRoleChange(TokenRevocations revocations) {
		this.revocations = revocations;
	}

	@TransactionalEventListener
	void on(RolesChanged change) {
		revocations.revokeAllFor(change.accountId());
	}
}
