package fi.tukipiiri.notifications;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Puts each new notice in the outbox for every channel the person wants it by, in the
 * transaction that stores the notice: a notice that rolls back never leaves, and one that
 * commits is never lost.
 */
@Component
class OutboxEnqueue {

	private final NoticeOutbox outbox;

	private final List<OutboundChannel> channels;

	private final ReachSettingsService reach;

	private final ReachConfiguration config;

	private final Clock clock;

	OutboxEnqueue(NoticeOutbox outbox, List<OutboundChannel> channels, ReachSettingsService reach,
			ReachConfiguration config, Clock clock) {
		this.outbox = outbox;
		this.channels = channels;
		this.reach = reach;
		this.config = config;
		this.clock = clock;
	}

	@EventListener
	void on(NoticeCreated created) {
		ReachSettings settings = reach.of(created.accountId());
		NoticeKind.Category category = NoticeKind.of(created.notification().kind()).category();
		Instant due = QuietHours.after(settings, clock.instant().plus(config.gather()));
		for (OutboundChannel channel : channels) {
			if (Wanted.by(settings, channel.channel(), category) && channel.reaches(created.accountId(), settings)) {
				outbox.enqueue(created.accountId(), created.notification().id(), channel.channel(), due);
			}
		}
	}

}
