package fi.tukipiiri.rooms;

import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

import fi.tukipiiri.accounts.AccountErased;
import fi.tukipiiri.accounts.RolesChanged;

/**
 * Live connections are authorised when they connect and subscribe. When a person's roles change or their account is
 * erased, every connection of theirs is closed on every node; a client that may still connect comes back with a
 * fresh token, and is authorised anew.
 */
@Component
class ConnectionsEndOnAccountChange {

	private final ClusterRelay relay;

	ConnectionsEndOnAccountChange(ClusterRelay relay) {
		this.relay = relay;
	}

	@TransactionalEventListener
	void on(RolesChanged changed) {
		relay.publishDisconnect(changed.accountId());
	}

	@TransactionalEventListener
	void on(AccountErased erased) {
		relay.publishDisconnect(erased.accountId());
	}
}
