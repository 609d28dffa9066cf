package fi.tukipiiri.moderation;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import fi.tukipiiri.rooms.MessageKind;
import fi.tukipiiri.rooms.MessagePosted;
import fi.tukipiiri.rooms.RoomService;

/**
 * Reads each new message for risk words (self-harm, violence, threats) in Finnish,
 * Swedish and English and, on a match, tells the room's facilitators, with the crisis
 * message ready to send, or the coordinators and administrators on duty when no
 * facilitator is present ({@link SafetySignals}); the writer of a self-harm or violence
 * message gets a private help card. Nothing is blocked and no other participant learns of
 * the flag.
 */
@Service
public class RiskFlagService {

	private static final int MAX_FLAGS_LISTED = 100;

	/**
	 * This service through its proxy, so that flagging runs in a transaction of its own.
	 */
	private final ObjectProvider<RiskFlagService> self;

	private final RoomService rooms;

	private final SafetySignals signals;

	private final RiskTerms terms;

	private final RiskFlags flags;

	private final Standings standings;

	private final ApplicationEventPublisher events;

	private final ModerationSettings settings;

	private final Clock clock;

	RiskFlagService(ModerationSettings settings, RiskFlags flags, Standings standings, ApplicationEventPublisher events,
			RoomService rooms, SafetySignals signals, ObjectProvider<RiskFlagService> self, Clock clock) {
		this.self = self;
		this.rooms = rooms;
		this.signals = signals;
		this.terms = new RiskTerms(settings.riskTerms());
		this.flags = flags;
		this.standings = standings;
		this.events = events;
		this.settings = settings;
		this.clock = clock;
	}

	/**
	 * Reads the message on the sender's thread once it is committed (a few microseconds
	 * of matching); only a match costs a transaction of its own. Most messages match
	 * nothing, so they add no work to the database or a queue.
	 */
	@TransactionalEventListener
	void on(MessagePosted posted) {
		if (posted.message().kind() != MessageKind.TEXT) {
			// the crisis message names violence and self-harm to offer help; it is not a
			// signal of either
			return;
		}
		List<String> categories = new ArrayList<>(terms.categoriesIn(posted.message().body()));
		if (!categories.isEmpty()) {
			self.getObject().flag(posted, categories);
		}
	}

	@Transactional(propagation = Propagation.REQUIRES_NEW)
	void flag(MessagePosted posted, List<String> categories) {
		UUID id = UUID.randomUUID();
		flags.insert(id, posted.roomId(), posted.messageId(), posted.message().seq(), posted.authorId(), categories,
				clock.instant());
		String roomTitle = rooms.requireReader(posted.roomId(), posted.authorId(), "risk-flag").room().title();
		signals.raise(new SafetySignals.Signal(Escalation.Signal.RISK_FLAG, id, posted.roomId(), roomTitle,
				posted.authorId(), Set.of(posted.authorId()),
				recipient -> new ModerationUpdate.RiskFlagged(recipient, posted.roomId(), id, posted.messageId(),
						posted.message().seq(), categories, settings.crisisMessage()),
				"moderation.risk_flag", Map.of("roomId", posted.roomId().toString(), "roomTitle", roomTitle)));
		if (categories.stream().anyMatch(settings.helpCardCategories()::contains)) {
			// only the writer sees it, in their own language (the client has the words);
			// nothing is blocked
			events.publishEvent(
					new ModerationUpdate.HelpCard(posted.authorId(), posted.roomId(), posted.messageId(), categories));
		}
	}

	@Transactional(readOnly = true)
	public List<RiskFlag> of(UUID roomId, UUID reviewerId) {
		standings.require(roomId, reviewerId, Power.REVIEW);
		return flags.of(roomId, MAX_FLAGS_LISTED);
	}

	@Transactional
	public void markSeen(UUID roomId, UUID flagId, UUID reviewerId) {
		standings.require(roomId, reviewerId, Power.REVIEW);
		flags.markSeen(roomId, flagId, reviewerId, clock.instant());
	}

	/** The crisis message per language, for a facilitator to send. */
	public Map<String, String> crisisMessage() {
		return settings.crisisMessage();
	}

}
