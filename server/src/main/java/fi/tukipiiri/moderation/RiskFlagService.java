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
import fi.tukipiiri.rooms.ChatMessage;
import fi.tukipiiri.rooms.MessageEdited;
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

	private final RiskFlagMetrics metrics;

	RiskFlagService(ModerationSettings settings, RiskFlags flags, Standings standings, ApplicationEventPublisher events,
			RoomService rooms, SafetySignals signals, ObjectProvider<RiskFlagService> self, Clock clock,
			RiskFlagMetrics metrics) {
		this.metrics = metrics;
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
		read(posted.message());
	}

	/** An edited message is read again, in its new words. */
	@TransactionalEventListener
	void on(MessageEdited edited) {
		read(edited.message());
	}

	private void read(ChatMessage message) {
		if (message.kind() != MessageKind.TEXT) {
			// the crisis message names violence and self-harm to offer help; it is not a
			// signal of either
			return;
		}
		List<String> categories = new ArrayList<>(terms.categoriesIn(message.body()));
		if (!categories.isEmpty()) {
			self.getObject().flag(message, categories);
		}
	}

	@Transactional(propagation = Propagation.REQUIRES_NEW)
	void flag(ChatMessage message, List<String> categories) {
		UUID id = UUID.randomUUID();
		UUID roomId = message.roomId();
		UUID authorId = message.authorId();
		flags.insert(id, roomId, message.id(), message.seq(), authorId, categories, clock.instant());
		metrics.raised(categories);
		String roomTitle = rooms.requireReader(roomId, authorId, "risk-flag").room().title();
		signals.raise(
				new SafetySignals.Signal(Escalation.Signal.RISK_FLAG, id, roomId, roomTitle, authorId, Set.of(authorId),
						recipient -> new ModerationUpdate.RiskFlagged(recipient, roomId, id, message.id(),
								message.seq(), categories, settings.crisisMessage()),
						"moderation.risk_flag", Map.of("roomId", roomId.toString(), "roomTitle", roomTitle)));
		if (categories.stream().anyMatch(settings.helpCardCategories()::contains)) {
			// only the writer sees it, in their own language (the client has the words);
			// nothing is blocked
			events.publishEvent(new ModerationUpdate.HelpCard(authorId, roomId, message.id(), categories));
		}
	}

	/**
	 * The risk categories a text names (e.g. {@code self-harm}), matched as a message's
	 * words are, on their canonical form; empty when it names none.
	 */
	public List<String> categoriesIn(String text) {
		return List.copyOf(terms.categoriesIn(text));
	}

	/**
	 * A question put to an information session's staff named a risk: flagged to the
	 * room's facilitators as a message would be (live, as a notice, and escalated to the
	 * coordinators and administrators on duty when no facilitator is present), and its
	 * asker gets the help card for self-harm or violence. Nothing is blocked and no other
	 * participant learns of it. Runs in the caller's transaction, so a question that is
	 * not stored raises nothing.
	 * @param categories what {@link #categoriesIn} found, not empty
	 */
	@Transactional
	public void flagQuestion(UUID roomId, UUID questionId, UUID askerId, List<String> categories) {
		UUID id = UUID.randomUUID();
		flags.insertForQuestion(id, roomId, questionId, askerId, categories, clock.instant());
		metrics.raised(categories);
		String roomTitle = rooms.requireReader(roomId, askerId, "risk-flag").room().title();
		signals.raise(
				new SafetySignals.Signal(Escalation.Signal.RISK_FLAG, id, roomId, roomTitle, askerId, Set.of(askerId),
						recipient -> new ModerationUpdate.QuestionFlagged(recipient, roomId, id, questionId, categories,
								settings.crisisMessage()),
						"moderation.risk_flag", Map.of("roomId", roomId.toString(), "roomTitle", roomTitle)));
		if (categories.stream().anyMatch(settings.helpCardCategories()::contains)) {
			events.publishEvent(new ModerationUpdate.HelpCard(askerId, roomId, null, categories));
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
