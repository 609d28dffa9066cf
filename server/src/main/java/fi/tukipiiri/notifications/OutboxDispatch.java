package fi.tukipiiri.notifications;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import fi.tukipiiri.platform.JobRuns;

/**
 * Sends what is due in the outbox, on every node: each message is claimed, sent and
 * marked in one transaction that holds its rows locked, so exactly one node sends it; if
 * that node dies before marking, its locks go with its connection and another node sends
 * it. A failed attempt waits {@code first-retry} doubled per attempt (with jitter, at
 * most {@code max-retry}); after {@code max-attempts} the message is given up and
 * recorded. Reminders whose meeting has begun are dropped; nothing leaves in the person's
 * quiet hours.
 */
@Component
class OutboxDispatch {

	private static final Logger log = LoggerFactory.getLogger(OutboxDispatch.class);

	/** Messages per tick on one node, so a backlog does not hold one thread for long. */
	private static final int PER_TICK = 100;

	private final NoticeOutbox outbox;

	private final Notifications notifications;

	private final Map<OutboundChannel.Channel, OutboundChannel> channels;

	private final ReachSettingsService reach;

	private final ReachConfiguration config;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final JobRuns.Job runs;

	OutboxDispatch(NoticeOutbox outbox, Notifications notifications, List<OutboundChannel> channels,
			ReachSettingsService reach, ReachConfiguration config, TransactionTemplate transactions, Clock clock,
			JobRuns jobs) {
		this.outbox = outbox;
		this.notifications = notifications;
		this.channels = channels.stream()
			.collect(Collectors.toUnmodifiableMap(OutboundChannel::channel, Function.identity()));
		this.reach = reach;
		this.config = config;
		this.transactions = transactions;
		this.clock = clock;
		this.runs = jobs.job("notice-outbox");
	}

	@Scheduled(fixedDelayString = "${tukipiiri.reach.tick:2s}")
	void scheduledTick() {
		try {
			runs.run(() -> {
				tick();
				return true;
			});
		}
		catch (RuntimeException ex) {
			log.error("Sending notices failed; the next tick tries again", ex);
		}
	}

	/** Sends messages due now until none is left or {@link #PER_TICK} are done. */
	void tick() {
		for (int sent = 0; sent < PER_TICK; sent++) {
			Boolean more = transactions.execute(status -> sendNext());
			if (!Boolean.TRUE.equals(more)) {
				return;
			}
		}
	}

	private boolean sendNext() {
		Instant now = clock.instant();
		List<NoticeOutbox.Entry> claimed = outbox.claimNextDue(now);
		if (claimed.isEmpty()) {
			return false;
		}
		UUID accountId = claimed.get(0).accountId();
		OutboundChannel.Channel channelName = claimed.get(0).channel();
		OutboundChannel channel = channels.get(channelName);
		ReachSettings settings = reach.of(accountId);
		Map<UUID, NoticeOutbox.Entry> byNotice = claimed.stream()
			.collect(Collectors.toMap(NoticeOutbox.Entry::notificationId, Function.identity()));
		List<Notification> going = new ArrayList<>();
		List<UUID> unwanted = new ArrayList<>();
		List<UUID> stale = new ArrayList<>();
		for (Notification notice : notifications.byIds(List.copyOf(byNotice.keySet()))) {
			UUID row = byNotice.get(notice.id()).id();
			NoticeKind kind = NoticeKind.of(notice.kind());
			if (channel == null || !Wanted.by(settings, channelName, kind.category())
					|| !channel.reaches(accountId, settings)) {
				unwanted.add(row);
			}
			else if (kind.category() == NoticeKind.Category.REMINDERS && begun(notice, now)) {
				stale.add(row);
			}
			else {
				going.add(notice);
			}
		}
		drop(unwanted, "not_wanted", now);
		drop(stale, "meeting_begun", now);
		if (going.isEmpty()) {
			return true;
		}
		List<UUID> rows = going.stream().map(n -> byNotice.get(n.id()).id()).toList();
		Instant quietEnd = QuietHours.after(settings, now);
		if (quietEnd.isAfter(now)) {
			outbox.postpone(rows, quietEnd);
			return true;
		}
		log.debug("Sending {} notice(s) by {} for account {}", going.size(), channelName, accountId);
		OutboundChannel.Outcome outcome;
		try {
			outcome = channel.send(accountId, settings, going, claimed.get(0).id());
		}
		catch (RuntimeException ex) {
			log.warn("{} message for account {} failed: {}", channelName, accountId, ex.toString());
			outcome = OutboundChannel.Outcome.RETRY;
		}
		log.debug("{} for account {}: {}", channelName, accountId, outcome);
		switch (outcome) {
			case SENT -> outbox.markSent(rows, now);
			case DROPPED -> outbox.markDropped(rows, "unreachable", now);
			case RETRY -> retry(rows, claimed.get(0).attempts() + 1, now);
		}
		return true;
	}

	private void retry(List<UUID> rows, int attempts, Instant now) {
		if (attempts >= config.maxAttempts()) {
			outbox.markDropped(rows, "gave_up", now);
			return;
		}
		long wait = config.firstRetry().toMillis() << Math.min(attempts - 1, 20);
		wait = Math.min(wait, config.maxRetry().toMillis());
		// up to a fifth more, so messages that failed together do not all come back at
		// once
		wait += ThreadLocalRandom.current().nextLong(wait / 5 + 1);
		outbox.retryAt(rows, now.plus(Duration.ofMillis(wait)), "retry");
	}

	private void drop(List<UUID> rows, String reason, Instant now) {
		if (!rows.isEmpty()) {
			outbox.markDropped(rows, reason, now);
		}
	}

	private static boolean begun(Notification notice, Instant now) {
		String startsAt = notice.params().get("startsAt");
		return startsAt != null && !Instant.parse(startsAt).isAfter(now);
	}

}
