package fi.tukipiiri.moderation;

import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

import fi.tukipiiri.moderation.ModerationProblems.Muted;
import fi.tukipiiri.moderation.ModerationProblems.RateLimited;
import fi.tukipiiri.moderation.ModerationProblems.SlowMode;
import fi.tukipiiri.rooms.RoomMember;
import fi.tukipiiri.rooms.RoomRole;
import fi.tukipiiri.rooms.RoomRules;
import fi.tukipiiri.series.SessionRooms;

/**
 * What moderation adds to every send and every entry: flood limits, mutes and slow mode
 * (the last in Redis so it holds on every node), and bans. Mutes and bans are read from
 * PostgreSQL on each use, so they take effect at once on all nodes.
 */
@Component
class ModerationRules implements RoomRules {

	private final Sanctions sanctions;

	private final SessionRooms sessionRooms;

	private final FloodLimits limits;

	private final StringRedisTemplate redis;

	private final Clock clock;

	ModerationRules(Sanctions sanctions, SessionRooms sessionRooms, FloodLimits limits, StringRedisTemplate redis,
			Clock clock) {
		this.sanctions = sanctions;
		this.sessionRooms = sessionRooms;
		this.limits = limits;
		this.redis = redis;
		this.clock = clock;
	}

	@Override
	public void checkSend(UUID roomId, RoomMember author) {
		Duration wait = limits.takeSend(author.accountId());
		if (!wait.isZero()) {
			throw new RateLimited(wait);
		}
		Sanctions.SendLimits room = sanctions.sendLimits(roomId, author.accountId(), clock.instant());
		if (room.muted()) {
			throw new Muted(room.mutedUntil());
		}
		if (room.slowModeSeconds() > 0 && author.role() == RoomRole.PARTICIPANT) {
			String key = "tukipiiri:slow:" + roomId + ":" + author.accountId();
			Boolean first = redis.opsForValue().setIfAbsent(key, "1", Duration.ofSeconds(room.slowModeSeconds()));
			if (Boolean.FALSE.equals(first)) {
				Long millis = redis.getExpire(key, TimeUnit.MILLISECONDS);
				throw new SlowMode(Duration.ofMillis(millis == null || millis < 0 ? 1000 : millis));
			}
		}
	}

	@Override
	public boolean barred(UUID roomId, UUID accountId) {
		return sanctions.banned(roomId, sessionRooms.seriesOf(roomId).orElse(null), accountId, clock.instant());
	}

}
