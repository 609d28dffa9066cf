package fi.tukipiiri.moderation;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Component;

import fi.tukipiiri.platform.AfterCommit;
import fi.tukipiiri.rooms.ClusterRelay;

/**
 * Tells a room ({@code /topic/rooms/{id}/moderation}) and the people concerned ({@code /user/queue/moderation})
 * what was done, on every node, once it is committed.
 */
@Component
class ModerationEvents {

	static final String USER_QUEUE = "/queue/moderation";

	private final ClusterRelay relay;

	ModerationEvents(ClusterRelay relay) {
		this.relay = relay;
	}

	void toRoom(UUID roomId, String type, Map<String, Object> fields) {
		AfterCommit.run(() -> relay.publish("/topic/rooms/" + roomId + "/moderation", event(type, roomId, fields)));
	}

	void toPerson(UUID accountId, UUID roomId, String type, Map<String, Object> fields) {
		AfterCommit.run(() -> relay.publish("/user/" + accountId + USER_QUEUE, event(type, roomId, fields)));
	}

	private static Map<String, Object> event(String type, UUID roomId, Map<String, Object> fields) {
		Map<String, Object> event = new HashMap<>(fields);
		event.put("type", type);
		if (roomId != null) {
			event.put("roomId", roomId);
		}
		return event;
	}
}
