package fi.tukipiiri.presence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.messaging.simp.SimpMessageType;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.messaging.SessionConnectEvent;
import org.springframework.web.socket.messaging.SessionDisconnectEvent;

import fi.tukipiiri.rooms.RoomSubscribed;

/**
 * A heartbeat brings back an entry that was swept while its session lived on, never one
 * whose session ended meanwhile: that would leave a ghost in the room and count
 * attendance until the entry expired again.
 */
class PresenceTrackerTest {

	private static final UUID ROOM = UUID.randomUUID();

	private static final UUID PERSON = UUID.randomUUID();

	/**
	 * Presence kept in memory, and {@code renew} can run something in its middle.
	 * Arrivals and departures answer as if the person had another session in the room, so
	 * nothing is announced (announcing needs the room service).
	 */
	private static final class RecordingRegistry extends PresenceRegistry {

		final List<String> live = new ArrayList<>();

		final AtomicReference<Runnable> duringRenew = new AtomicReference<>(() -> {
		});

		RecordingRegistry() {
			super(null, null, null);
		}

		@Override
		boolean arrive(Entry entry) {
			live.add(entry.member());
			return false;
		}

		@Override
		boolean depart(UUID roomId, String member) {
			live.remove(member);
			return false;
		}

		@Override
		List<Entry> renew(Collection<Entry> entries) {
			// every entry was swept (a long pause, a clock jump), and meanwhile something
			// else happens
			live.clear();
			duringRenew.get().run();
			return List.copyOf(entries);
		}

	}

	private final RecordingRegistry registry = new RecordingRegistry();

	private final List<Object> events = new ArrayList<>();

	private final PresenceTracker tracker = new PresenceTracker(registry, null, events::add);

	@Test
	void aSweptEntryOfALiveSessionComesBack() {
		connectAndSubscribe("s1");
		tracker.heartbeat();
		assertThat(registry.live).hasSize(1);
	}

	@Test
	void anEntryWhoseSessionEndedDuringTheHeartbeatStaysGone() {
		connectAndSubscribe("s1");
		registry.duringRenew.set(() -> tracker.on(new SessionDisconnectEvent(this,
				MessageBuilder.createMessage(new byte[0], headers("s1", SimpMessageType.DISCONNECT)), "s1",
				CloseStatus.NORMAL)));
		tracker.heartbeat();
		assertThat(registry.live).as("no ghost of the ended session").isEmpty();
	}

	private void connectAndSubscribe(String sessionId) {
		tracker.on(new SessionConnectEvent(this,
				MessageBuilder.createMessage(new byte[0], headers(sessionId, SimpMessageType.CONNECT))));
		tracker.on(new RoomSubscribed(ROOM, PERSON, sessionId, "sub-1"));
	}

	private static org.springframework.messaging.MessageHeaders headers(String sessionId, SimpMessageType type) {
		SimpMessageHeaderAccessor accessor = SimpMessageHeaderAccessor.create(type);
		accessor.setSessionId(sessionId);
		return accessor.getMessageHeaders();
	}

}
