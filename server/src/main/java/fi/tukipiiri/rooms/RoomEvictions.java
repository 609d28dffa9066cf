package fi.tukipiiri.rooms;

import java.util.UUID;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Ends a person's live subscriptions to a room on every node. It travels on the relay's ordered channel, so a
 * message stored after the removal can no longer reach them on any node.
 */
@Component
class RoomEvictions {

	/** Looked up when first needed: the relay needs the broker, whose configuration needs the room service that uses this. */
	private final ObjectProvider<ClusterRelay> relay;

	RoomEvictions(ObjectProvider<ClusterRelay> relay) {
		this.relay = relay;
	}

	void evictAfterCommit(UUID roomId, UUID accountId) {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			relay.getObject().publishEviction(roomId, accountId);
			return;
		}
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				relay.getObject().publishEviction(roomId, accountId);
			}
		});
	}
}
