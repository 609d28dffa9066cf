package fi.tukipiiri.rooms;

import java.util.UUID;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import fi.tukipiiri.platform.AfterCommit;

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
		AfterCommit.run(() -> relay.getObject().publishEviction(roomId, accountId));
	}
}
