package fi.tukipiiri.moderation;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

import fi.tukipiiri.platform.RedisGuard;
import fi.tukipiiri.platform.ServiceUnavailable;

import fi.tukipiiri.moderation.ModerationProblems.Muted;
import fi.tukipiiri.moderation.Sanctions.Seat;
import fi.tukipiiri.moderation.ModerationProblems.RateLimited;
import fi.tukipiiri.moderation.ModerationProblems.SlowMode;
import fi.tukipiiri.rooms.RoomRole;
import fi.tukipiiri.platform.ApiProblem;
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

	private final RedisGuard guard;

	/**
	 * This node's slow-mode marks while Redis cannot be asked: key → epoch millis the
	 * mark ends.
	 */
	private final Map<String, Long> localSlowMarks = new ConcurrentHashMap<>();

	private final RateLimitMetrics metrics;

	ModerationRules(Sanctions sanctions, SessionRooms sessionRooms, FloodLimits limits, StringRedisTemplate redis,
			Clock clock, RateLimitMetrics metrics, RedisGuard guard) {
		this.guard = guard;
		this.metrics = metrics;
		this.sanctions = sanctions;
		this.sessionRooms = sessionRooms;
		this.limits = limits;
		this.redis = redis;
		this.clock = clock;
	}

	/**
	 * In order for each message: the flood limit ({@code rate_limited}), a mute
	 * ({@code moderation.muted}), then slow mode for participants
	 * ({@code moderation.slow_mode}); one query and one round of Redis calls for the
	 * whole batch, and slow mode's own Redis call only in a slow room.
	 */
	@Override
	public List<Optional<ApiProblem>> checkSends(List<Sender> senders) {
		List<Duration> waits = limits.takeSends(senders.stream().map(sender -> sender.author().accountId()).toList());
		Map<Seat, Sanctions.SendLimits> rules = sanctions.sendLimits(
				senders.stream().map(sender -> new Seat(sender.roomId(), sender.author().accountId())).toList(),
				clock.instant());
		List<Optional<ApiProblem>> refusals = new ArrayList<>(senders.size());
		for (int i = 0; i < senders.size(); i++) {
			Sender sender = senders.get(i);
			refusals.add(Optional.ofNullable(
					refusal(sender, waits.get(i), rules.get(new Seat(sender.roomId(), sender.author().accountId())))));
		}
		return refusals;
	}

	private ApiProblem refusal(Sender sender, Duration wait, Sanctions.SendLimits room) {
		if (!wait.isZero()) {
			metrics.message();
			return new RateLimited(wait);
		}
		if (room.muted()) {
			return new Muted(room.mutedUntil());
		}
		if (room.slowModeSeconds() > 0 && sender.author().role() == RoomRole.PARTICIPANT) {
			String key = "tukipiiri:slow:" + sender.roomId() + ":" + sender.author().accountId();
			Duration slow = slowModeWait(key, Duration.ofSeconds(room.slowModeSeconds()));
			if (!slow.isZero()) {
				metrics.slowMode();
				return new SlowMode(slow);
			}
		}
		return null;
	}

	/**
	 * Zero when this is the first message under {@code key} in the period, else how long
	 * until the next may go. While Redis cannot be asked, this node's own marks answer
	 * (decision 23): slow mode then holds per node.
	 */
	private Duration slowModeWait(String key, Duration period) {
		try {
			Boolean first = guard.call("slow mode", () -> redis.opsForValue().setIfAbsent(key, "1", period));
			if (!Boolean.FALSE.equals(first)) {
				return Duration.ZERO;
			}
			Long millis = guard.call("slow mode", () -> redis.getExpire(key, TimeUnit.MILLISECONDS));
			return Duration.ofMillis(millis == null || millis < 0 ? 1000 : millis);
		}
		catch (ServiceUnavailable unavailable) {
			long now = clock.millis();
			localSlowMarks.values().removeIf(until -> until <= now);
			long until = localSlowMarks.merge(key, now + period.toMillis(), (held, fresh) -> held);
			return until == now + period.toMillis() ? Duration.ZERO : Duration.ofMillis(until - now);
		}
	}

	/**
	 * A muted member may not change what they wrote either ({@code moderation.muted}).
	 */
	@Override
	public Optional<ApiProblem> checkEdit(Sender writer) {
		Optional<Sanction> mute = sanctions.muteOf(writer.roomId(), writer.author().accountId(), clock.instant());
		return mute.map(sanction -> new Muted(sanction.endsAt()));
	}

	@Override
	public boolean barred(UUID roomId, UUID accountId) {
		return sanctions.banned(roomId, sessionRooms.seriesOf(roomId).orElse(null), accountId, clock.instant());
	}

}
