package fi.tukipiiri.notifications.push;

import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import fi.tukipiiri.notifications.NoticeWording;
import fi.tukipiiri.notifications.Notification;
import fi.tukipiiri.notifications.OutboundChannel;
import fi.tukipiiri.notifications.ReachConfiguration;
import fi.tukipiiri.notifications.ReachSettings;

/**
 * Web Push as an outbox channel: the same discreet words as e-mail, one notification per
 * message on every device of the person. A burst is one notification; each kind of notice
 * has its own tag, so a newer one replaces an older one on the device.
 */
@Component
class PushChannel implements OutboundChannel {

	private final PushSender sender;

	private final PushSubscriptions subscriptions;

	private final ApplicationServerKeys keys;

	private final NoticeWording wording;

	private final ReachConfiguration config;

	PushChannel(PushSender sender, PushSubscriptions subscriptions, ApplicationServerKeys keys, NoticeWording wording,
			ReachConfiguration config) {
		this.sender = sender;
		this.subscriptions = subscriptions;
		this.keys = keys;
		this.wording = wording;
		this.config = config;
	}

	@Override
	public Channel channel() {
		return Channel.PUSH;
	}

	@Override
	public boolean reaches(UUID accountId, ReachSettings settings) {
		return keys.webPush().isPresent() && !subscriptions.of(accountId).isEmpty();
	}

	@Override
	public Outcome send(UUID accountId, ReachSettings settings, List<Notification> notices, UUID messageId) {
		List<NoticeWording.Worded> worded = notices.stream().map(n -> wording.word(n, settings)).toList();
		PushMessage message;
		if (worded.size() == 1) {
			NoticeWording.Worded one = worded.get(0);
			message = new PushMessage(cut(one.subject(), 100), cut(one.line(), 300), path(one.link().toString()),
					notices.get(0).kind());
		}
		else {
			message = new PushMessage(cut(wording.subjectOfMany(worded.size(), settings), 100),
					cut(worded.stream().map(NoticeWording.Worded::line).collect(Collectors.joining("\n")), 300),
					"/#/home", "many");
		}
		List<PushOutcome> outcomes = sender.send(accountId, message);
		if (outcomes.stream().anyMatch(o -> o.result() == PushOutcome.Result.DELIVERED)) {
			return Outcome.SENT;
		}
		if (outcomes.stream().anyMatch(o -> o.result() == PushOutcome.Result.RETRY_LATER)) {
			return Outcome.RETRY;
		}
		return Outcome.DROPPED;
	}

	/** The link as a path of this service, as the service worker opens it. */
	private String path(String link) {
		String base = config.publicUrl().toString();
		String rest = link.startsWith(base) ? link.substring(base.length()) : "/";
		return rest.startsWith("/") ? rest : "/" + rest;
	}

	private static String cut(String text, int max) {
		return text.length() <= max ? text : text.substring(0, max - 1) + "…";
	}

}
