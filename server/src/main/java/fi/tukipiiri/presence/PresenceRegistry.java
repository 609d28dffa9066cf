package fi.tukipiiri.presence;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.data.redis.connection.zset.DefaultTuple;
import org.springframework.data.redis.connection.zset.Tuple;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

/**
 * Presence in Redis: per room, a sorted set of sessions ({@code accountId|sessionKey}) scored by the instant
 * they expire. Heartbeats push the score forward; anything past its score is gone, whichever node held it.
 */
@Component
class PresenceRegistry {

	private static final String ROOMS = "presence:rooms";

	private final StringRedisTemplate redis;
	private final PresenceSettings settings;
	private final Clock clock;

	PresenceRegistry(StringRedisTemplate redis, PresenceSettings settings, Clock clock) {
		this.redis = redis;
		this.settings = settings;
		this.clock = clock;
	}

	record Entry(UUID roomId, UUID accountId, String sessionKey) {

		String member() {
			return accountId + "|" + sessionKey;
		}

		static UUID accountOf(String member) {
			return UUID.fromString(member.substring(0, member.indexOf('|')));
		}
	}

	/** Adds or renews the entries in one round trip: one ZADD and one PEXPIRE per room, one SADD for all rooms. */
	void renew(Collection<Entry> entries) {
		if (entries.isEmpty()) {
			return;
		}
		double expires = clock.millis() + settings.ttl().toMillis();
		Map<UUID, Set<Tuple>> byRoom = new HashMap<>();
		for (Entry entry : entries) {
			byRoom.computeIfAbsent(entry.roomId(), room -> new HashSet<>())
					.add(new DefaultTuple(entry.member().getBytes(StandardCharsets.UTF_8), expires));
		}
		redis.executePipelined((RedisCallback<Object>) connection -> {
			byRoom.forEach((roomId, members) -> {
				byte[] key = key(roomId).getBytes(StandardCharsets.UTF_8);
				connection.zSetCommands().zAdd(key, members);
				connection.keyCommands().pExpire(key, settings.ttl().toMillis() * 2);
			});
			connection.setCommands().sAdd(ROOMS.getBytes(StandardCharsets.UTF_8),
					byRoom.keySet().stream().map(id -> id.toString().getBytes(StandardCharsets.UTF_8)).toArray(byte[][]::new));
			return null;
		});
	}

	/** The accounts with at least one live session in the room. */
	Set<UUID> present(UUID roomId) {
		Set<String> members = redis.opsForZSet().rangeByScore(key(roomId), clock.millis(), Double.POSITIVE_INFINITY);
		Set<UUID> accounts = new LinkedHashSet<>();
		if (members != null) {
			members.forEach(member -> accounts.add(Entry.accountOf(member)));
		}
		return accounts;
	}

	boolean isPresent(UUID roomId, UUID accountId) {
		return present(roomId).contains(accountId);
	}

	/** Entries whose time ran out without a heartbeat. */
	List<String> expired(UUID roomId) {
		Set<String> members = redis.opsForZSet().rangeByScore(key(roomId), Double.NEGATIVE_INFINITY, clock.millis());
		return members == null ? List.of() : List.copyOf(members);
	}

	/** True if this call removed the entry; another node's sweeper may have been first. */
	boolean remove(UUID roomId, String member) {
		Long removed = redis.opsForZSet().remove(key(roomId), member);
		return removed != null && removed > 0;
	}

	Set<UUID> roomsWithPresence() {
		Set<String> rooms = redis.opsForSet().members(ROOMS);
		Set<UUID> ids = new LinkedHashSet<>();
		if (rooms != null) {
			rooms.forEach(room -> ids.add(UUID.fromString(room)));
		}
		return ids;
	}

	/** Forgets a room with nobody in it; the next heartbeat for it puts it back if someone arrived meanwhile. */
	void forgetIfEmpty(UUID roomId) {
		Long size = redis.opsForZSet().zCard(key(roomId));
		if (size == null || size == 0) {
			redis.opsForSet().remove(ROOMS, roomId.toString());
		}
	}

	/** Remembers that a typing notice was just sent; false if one was sent within the throttle time. */
	boolean claimTypingSlot(UUID roomId, UUID accountId) {
		Boolean claimed = redis.opsForValue().setIfAbsent("presence:typing:" + roomId + ":" + accountId, "1", settings.typingThrottle());
		return Boolean.TRUE.equals(claimed);
	}

	private static String key(UUID roomId) {
		return "presence:room:" + roomId;
	}
}
