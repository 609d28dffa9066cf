package fi.tukipiiri.presence;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.data.redis.connection.RedisZSetCommands.ZAddArgs;
import org.springframework.data.redis.connection.zset.DefaultTuple;
import org.springframework.data.redis.connection.zset.Tuple;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

/**
 * Presence in Redis: per room, a sorted set of sessions ({@code accountId|sessionKey})
 * scored by the instant they expire. Heartbeats push the score forward; anything past its
 * score is gone, whichever node held it. Arrivals and departures run as scripts, so "is
 * this the person's first (or last) session here?" is answered in the same step that adds
 * (or removes) the session, even with several nodes at once.
 */
@Component
class PresenceRegistry {

	private static final String ROOMS = "presence:rooms";

	/**
	 * Adds the session; returns 1 if the account had no live session in the room before.
	 */
	private static final RedisScript<Long> ARRIVE = RedisScript.of("""
			local live = redis.call('ZRANGEBYSCORE', KEYS[1], ARGV[3], '+inf')
			local already = 0
			for i = 1, #live do
			  if string.sub(live[i], 1, string.len(ARGV[4])) == ARGV[4] then already = 1 break end
			end
			redis.call('ZADD', KEYS[1], ARGV[2], ARGV[1])
			redis.call('PEXPIRE', KEYS[1], ARGV[5])
			redis.call('SADD', KEYS[2], ARGV[6])
			return 1 - already
			""", Long.class);

	/**
	 * Removes the session; returns 1 if it was there and the account now has no live
	 * session in the room.
	 */
	private static final RedisScript<Long> DEPART = RedisScript.of("""
			if redis.call('ZREM', KEYS[1], ARGV[1]) == 0 then return 0 end
			local live = redis.call('ZRANGEBYSCORE', KEYS[1], ARGV[2], '+inf')
			for i = 1, #live do
			  if string.sub(live[i], 1, string.len(ARGV[3])) == ARGV[3] then return 0 end
			end
			return 1
			""", Long.class);

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
			return prefix(accountId) + sessionKey;
		}

		static String prefix(UUID accountId) {
			return accountId + "|";
		}

		static UUID accountOf(String member) {
			return UUID.fromString(member.substring(0, member.indexOf('|')));
		}
	}

	/**
	 * Adds the entry; true if it makes the person present in the room (their first live
	 * session there).
	 */
	boolean arrive(Entry entry) {
		long now = clock.millis();
		Long first = redis.execute(ARRIVE, List.of(key(entry.roomId()), ROOMS), entry.member(),
				Long.toString(now + settings.ttl().toMillis()), Long.toString(now), Entry.prefix(entry.accountId()),
				Long.toString(settings.ttl().toMillis() * 2), entry.roomId().toString());
		return first != null && first == 1;
	}

	/**
	 * Removes the entry; true if this removed the person's last live session in the room.
	 */
	boolean depart(UUID roomId, String member) {
		Long last = redis.execute(DEPART, List.of(key(roomId)), member, Long.toString(clock.millis()),
				Entry.prefix(Entry.accountOf(member)));
		return last != null && last == 1;
	}

	/**
	 * Pushes the expiry of entries that still exist, in one round trip; never re-creates
	 * one that was removed meanwhile. Returns the entries that were missing (swept while
	 * this node could not renew them).
	 */
	List<Entry> renew(Collection<Entry> entries) {
		if (entries.isEmpty()) {
			return List.of();
		}
		double expires = clock.millis() + settings.ttl().toMillis();
		Map<UUID, List<Entry>> byRoom = new HashMap<>();
		entries.forEach(entry -> byRoom.computeIfAbsent(entry.roomId(), room -> new ArrayList<>()).add(entry));
		List<UUID> order = new ArrayList<>(byRoom.keySet());
		List<Object> updated = redis.executePipelined((RedisCallback<Object>) connection -> {
			for (UUID roomId : order) {
				byte[] key = bytes(key(roomId));
				Set<Tuple> tuples = new HashSet<>();
				byRoom.get(roomId).forEach(entry -> tuples.add(new DefaultTuple(bytes(entry.member()), expires)));
				connection.zSetCommands().zAdd(key, tuples, ZAddArgs.empty().ifExists().ch());
				connection.keyCommands().pExpire(key, settings.ttl().toMillis() * 2);
			}
			connection.setCommands()
				.sAdd(bytes(ROOMS), order.stream().map(id -> bytes(id.toString())).toArray(byte[][]::new));
			return null;
		});
		List<Entry> missing = new ArrayList<>();
		for (int i = 0; i < order.size(); i++) {
			List<Entry> roomEntries = byRoom.get(order.get(i));
			Object changed = updated.get(i * 2);
			if (changed instanceof Number count && count.intValue() < roomEntries.size()) {
				roomEntries.stream()
					.filter(entry -> redis.opsForZSet().score(key(entry.roomId()), entry.member()) == null)
					.forEach(missing::add);
			}
		}
		return missing;
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

	/** Entries whose time ran out without a heartbeat. */
	List<String> expired(UUID roomId) {
		Set<String> members = redis.opsForZSet().rangeByScore(key(roomId), Double.NEGATIVE_INFINITY, clock.millis());
		return members == null ? List.of() : List.copyOf(members);
	}

	Set<UUID> roomsWithPresence() {
		Set<String> rooms = redis.opsForSet().members(ROOMS);
		Set<UUID> ids = new LinkedHashSet<>();
		if (rooms != null) {
			rooms.forEach(room -> ids.add(UUID.fromString(room)));
		}
		return ids;
	}

	/**
	 * Forgets a room with nobody in it; the next heartbeat or arrival there puts it back.
	 */
	void forgetIfEmpty(UUID roomId) {
		Long size = redis.opsForZSet().zCard(key(roomId));
		if (size == null || size == 0) {
			redis.opsForSet().remove(ROOMS, roomId.toString());
		}
	}

	/**
	 * Remembers that a typing notice was just sent; false if one was sent within the
	 * throttle time.
	 */
	boolean claimTypingSlot(UUID roomId, UUID accountId) {
		Boolean claimed = redis.opsForValue()
			.setIfAbsent("presence:typing:" + roomId + ":" + accountId, "1", settings.typingThrottle());
		return Boolean.TRUE.equals(claimed);
	}

	private static String key(UUID roomId) {
		return "presence:room:" + roomId;
	}

	private static byte[] bytes(String value) {
		return value.getBytes(StandardCharsets.UTF_8);
	}

}
