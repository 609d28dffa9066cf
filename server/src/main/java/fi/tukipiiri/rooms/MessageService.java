package fi.tukipiiri.rooms;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.context.event.EventListener;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import fi.tukipiiri.delivery.DeliverySettings;
import fi.tukipiiri.delivery.NodeDraining;
import fi.tukipiiri.rooms.MessageAppender.Draft;
import fi.tukipiiri.rooms.RoomProblems.EmptyMessage;
import fi.tukipiiri.rooms.RoomProblems.InvalidClientId;
import fi.tukipiiri.rooms.RoomProblems.InvalidText;
import fi.tukipiiri.rooms.RoomProblems.MessageNotFound;
import org.springframework.context.ApplicationEventPublisher;
import java.time.Instant;
import fi.tukipiiri.rooms.RoomProblems.MessageTooLong;
import fi.tukipiiri.text.TextPolicy;

/**
 * Stores messages: checks the sender, the room and the text, numbers the message without
 * gaps and returns only once it is committed. A repeated client id returns the original
 * message instead.
 */
@Service
public class MessageService implements DisposableBean {

	private static final Pattern CLIENT_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

	/**
	 * Most messages stored in one transaction: enough to take in a burst at once, few
	 * enough that the rooms' locks are held for milliseconds.
	 */
	private static final int MAX_BATCH = 100;

	private final Messages messages;

	private final RoomService roomService;

	private final MessageAppender appender;

	private final GroupCommit<Draft, Sent> groupCommit;

	private final ChatSettings settings;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	MessageService(Messages messages, RoomService roomService, MessageAppender appender, ChatSettings settings,
			DeliverySettings delivery, PlatformTransactionManager transactions, Clock clock,
			ApplicationEventPublisher events) {
		this.messages = messages;
		this.events = events;
		this.roomService = roomService;
		this.appender = appender;
		this.settings = settings;
		this.clock = clock;
		TransactionTemplate inTransaction = new TransactionTemplate(transactions);
		this.groupCommit = new GroupCommit<>("group-commit", delivery.maxSendsInFlight(), MAX_BATCH,
				drafts -> inTransaction.execute(status -> appender.append(drafts)), MessageService::outage);
	}

	/**
	 * The node has as many messages waiting to be stored as it takes
	 * ({@code tukipiiri.chat.max-sends-in-flight}); the sender is answered
	 * {@code server.busy} and sends the message again a moment later. A STOMP sender can
	 * meet it, and so can a workbook answer shared over REST.
	 */
	public static final class Busy extends RuntimeException {

		Busy() {
			super("server.busy", null, false, false);
		}

	}

	/**
	 * The stored message, and whether it had been stored before under the same client id.
	 */
	public record Sent(ChatMessage message, boolean duplicate) {
	}

	public record History(List<ChatMessage> messages, long lastSeq) {
	}

	/**
	 * Stores a message whose body passes the text policy for several lines
	 * ({@link TextPolicy#multiLine}): NFC, invisible characters and bidirectional
	 * controls removed, line feeds kept, 1 to {@code maxMessageLength} code points. The
	 * canonical body is what is stored and delivered. Messages that arrive together are
	 * stored in one transaction (group commit); the future completes once this one is
	 * committed, or fails with the refusal its sender sees ({@code rooms.not_member},
	 * also for a room that does not exist; {@code rooms.read_only}; a moderation rule's),
	 * never wrapped.
	 * @throws EmptyMessage {@code message.empty}: nothing but white space and invisible
	 * characters
	 * @throws MessageTooLong {@code message.too_long}: over the limit in code points
	 * @throws InvalidText {@code message.invalid_text}: a control character, an unpaired
	 * surrogate or too many marks
	 * @param sensitive the writer marks the message as sensitive (a content note); a
	 * repeated client id answers with the message as first stored, mark included
	 * @throws InvalidClientId {@code message.invalid_client_id}
	 * @throws Busy {@code server.busy}: as many messages as the node takes
	 * ({@code tukipiiri.chat.max-sends-in-flight}) wait to be stored already
	 */
	public CompletableFuture<Sent> send(UUID roomId, UUID authorId, String clientId, String rawBody,
			boolean sensitive) {
		requireClientId(clientId);
		String body = normalise(rawBody);
		try {
			return this.groupCommit
				.submit(new Draft(roomId, authorId, clientId, MessageKind.TEXT, body, null, sensitive));
		}
		catch (GroupCommit.Refused full) {
			throw new Busy();
		}
	}

	/**
	 * Stores a message written in several languages (the crisis message) in the caller's
	 * transaction, under the same rules as {@link #send}: each reader reads it in their
	 * own language from {@code translations}; its body holds all of them, in the order
	 * given. The caller decides who may send one.
	 * @param translations language code → text, at least one
	 */
	@Transactional
	public Sent sendTranslated(UUID roomId, UUID authorId, String clientId, MessageKind kind,
			Map<String, String> translations) {
		requireClientId(clientId);
		if (translations.isEmpty()) {
			throw new EmptyMessage();
		}
		Map<String, String> texts = new LinkedHashMap<>(translations);
		GroupCommit.Outcome<Sent> outcome = this.appender
			.append(List
				.of(new Draft(roomId, authorId, clientId, kind, String.join("\n\n", texts.values()), texts, false)))
			.get(0);
		if (outcome.failure() != null) {
			throw outcome.failure();
		}
		return outcome.result();
	}

	/**
	 * Publishes a participant's question into the room's stream, in the caller's
	 * transaction: a {@link MessageKind#QUESTION} message without an author, so nobody
	 * reading learns who asked. Its text was checked when it was asked. The caller
	 * decides who may publish and that a question is published once.
	 * @param questionId the question's id; the message's client id is made of it
	 * @throws RoomProblems.NotMember {@code rooms.not_member} for a room that does not
	 * exist
	 * @throws RoomProblems.ReadOnly {@code rooms.read_only}
	 */
	@Transactional
	public ChatMessage publishQuestion(UUID roomId, UUID questionId, String body) {
		return appender.appendComposed(roomId, null, RoomRole.PARTICIPANT, MessageKind.QUESTION,
				"question-" + questionId, body, null);
	}

	/**
	 * A staff member's answer to a published question, in the caller's transaction: an
	 * {@link MessageKind#ANSWER} message by them naming the question's seq. Published in
	 * the same transaction as its question, it comes right after it. The body passes the
	 * same text policy as a message. The caller decides who may answer.
	 * @throws RoomProblems.NotMember {@code rooms.not_member} for a writer who is not a
	 * member, and for a room that does not exist
	 * @throws RoomProblems.ReadOnly {@code rooms.read_only}
	 * @throws EmptyMessage {@code message.empty}, {@link MessageTooLong}
	 * {@code message.too_long}, {@link InvalidText} {@code message.invalid_text}
	 */
	@Transactional
	public ChatMessage answerQuestion(UUID roomId, long questionSeq, UUID questionId, UUID writerId, String rawBody) {
		String body = normalise(rawBody);
		RoomMember writer = roomService.member(roomId, writerId).orElseThrow(RoomProblems.NotMember::new);
		return appender.appendComposed(roomId, writer, writer.role(), MessageKind.ANSWER, "answer-" + questionId, body,
				questionSeq);
	}

	/**
	 * Takes the text out of a published question whose asker is erasing their account: it
	 * keeps its place in the stream, and readers see it removed, as they see the messages
	 * of anyone erased. Only a {@link MessageKind#QUESTION} message is touched. Runs in
	 * the erasing transaction.
	 */
	@Transactional
	public void eraseQuestion(UUID messageId) {
		messages.eraseQuestion(messageId, clock.instant());
	}

	/**
	 * PostgreSQL cannot be reached or did not answer: no message would fare better alone.
	 */
	private static boolean outage(RuntimeException failure) {
		return failure instanceof CannotCreateTransactionException
				|| failure instanceof DataAccessResourceFailureException || failure instanceof QueryTimeoutException;
	}

	private static void requireClientId(String clientId) {
		if (clientId == null || !CLIENT_ID.matcher(clientId).matches()) {
			throw new InvalidClientId();
		}
	}

	/**
	 * The node drains: what waits is stored and its senders answered now, while they are
	 * still connected to hear it.
	 */
	@EventListener
	void draining(NodeDraining draining) {
		this.groupCommit.close();
	}

	/** Stores what waits to be stored, then takes no more. */
	@Override
	public void destroy() {
		this.groupCommit.close();
	}

	/**
	 * The writer edits their own message: the new text passes the same policy as a new
	 * message, within {@code tukipiiri.chat.edit-window} of sending, in a room open for
	 * messages to a member who may send there now. The text it replaces is kept for the
	 * room's facilitators ({@link #edits}); readers hear {@link MessageEdited}.
	 * @return the message as it is now
	 * @throws RoomProblems.NotMember {@code rooms.not_member}, also for a room that does
	 * not exist
	 * @throws MessageNotFound {@code message.not_found}
	 * @throws RoomProblems.NotWriter {@code message.not_writer}: someone else's message
	 * @throws RoomProblems.NotEditable {@code message.not_editable}: removed, or not a
	 * text message (the crisis message)
	 * @throws RoomProblems.EditWindowClosed {@code message.edit_window_closed}
	 * @throws RoomProblems.ReadOnly {@code rooms.read_only}
	 * @throws EmptyMessage {@code message.empty}, {@link MessageTooLong}
	 * {@code message.too_long}, {@link InvalidText} {@code message.invalid_text}
	 */
	@Transactional
	public ChatMessage edit(UUID roomId, UUID writerId, UUID messageId, String rawBody) {
		String body = normalise(rawBody);
		ChatMessage original = ownMessage(roomId, writerId, messageId);
		if (original.removed() || !original.kind().editable()) {
			throw new RoomProblems.NotEditable();
		}
		Instant now = clock.instant();
		if (now.isAfter(original.sentAt().plus(settings.editWindow()))) {
			throw new RoomProblems.EditWindowClosed(settings.editWindow());
		}
		roomService.requireWritable(roomId, writerId);
		if (body.equals(original.body())) {
			return original;
		}
		messages.edit(messageId, original.body(), body, now);
		ChatMessage edited = original.edited(body, now);
		events.publishEvent(new MessageEdited(edited, original.body()));
		return edited;
	}

	/**
	 * The writer removes their own message, at any time: it keeps its place, readers see
	 * it as removed by its writer and hear {@link MessageDeleted}; the text stays stored
	 * for the room's facilitators, as with a facilitator's removal. Removing it again
	 * changes nothing.
	 * @throws RoomProblems.NotMember {@code rooms.not_member}, also for a room that does
	 * not exist
	 * @throws MessageNotFound {@code message.not_found}
	 * @throws RoomProblems.NotWriter {@code message.not_writer}: someone else's message
	 */
	@Transactional
	public void deleteOwn(UUID roomId, UUID writerId, UUID messageId) {
		ChatMessage original = ownMessage(roomId, writerId, messageId);
		if (messages.markRemoved(messageId, writerId, "", clock.instant())) {
			events.publishEvent(new MessageDeleted(original));
		}
	}

	/**
	 * The texts a message had before each of its writer's edits, oldest first, for those
	 * who moderate the room (callers check that right).
	 * @throws MessageNotFound {@code message.not_found}
	 */
	@Transactional(readOnly = true)
	public List<MessageEdit> edits(UUID roomId, UUID messageId) {
		original(roomId, messageId);
		return messages.editsOf(messageId);
	}

	/** The caller's own message in a room they are a member of, locked for a change. */
	private ChatMessage ownMessage(UUID roomId, UUID writerId, UUID messageId) {
		roomService.requireMember(roomId, writerId);
		ChatMessage message = messages.lockOriginal(roomId, messageId).orElseThrow(MessageNotFound::new);
		if (!writerId.equals(message.authorId())) {
			throw new RoomProblems.NotWriter();
		}
		return message;
	}

	/**
	 * The message as written, for those who moderate the room (callers check that right).
	 */
	@Transactional(readOnly = true)
	public ChatMessage original(UUID roomId, UUID messageId) {
		return messages.findOriginal(roomId, messageId).orElseThrow(MessageNotFound::new);
	}

	/** The messages around one, as readers see them. */
	@Transactional(readOnly = true)
	public List<ChatMessage> context(UUID roomId, long seq, int each) {
		return messages.around(roomId, seq, each);
	}

	/**
	 * Removes a message from what readers see; the text stays stored with who removed it
	 * and why. Returns the message as it was written, or empty if it had been removed
	 * already.
	 */
	@Transactional
	public Optional<ChatMessage> remove(UUID roomId, UUID messageId, UUID removedBy, String reason) {
		ChatMessage original = original(roomId, messageId);
		return messages.markRemoved(messageId, removedBy, reason, clock.instant()) ? Optional.of(original)
				: Optional.empty();
	}

	/**
	 * Members read history by sequence number: after one (catching up, oldest first),
	 * before one (scrolling back, the newest before it), both (the range between), or
	 * neither (the latest).
	 */
	@Transactional(readOnly = true)
	public History history(UUID roomId, UUID readerId, Long afterSeq, Long beforeSeq, int limit) {
		Room room = roomService.requireReader(roomId, readerId, "history").room();
		int pageSize = Math.max(1, Math.min(limit, settings.maxHistoryPage()));
		List<ChatMessage> page;
		if (afterSeq != null) {
			page = messages.between(roomId, afterSeq, beforeSeq != null ? beforeSeq : Long.MAX_VALUE, pageSize);
		}
		else {
			page = messages.before(roomId, beforeSeq != null ? beforeSeq : Long.MAX_VALUE, pageSize);
		}
		return new History(page, room.lastSeq());
	}

	private String normalise(String rawBody) {
		return RoomFieldLimits.message(settings).check(rawBody).orElseThrow(refused -> switch (refused.refusal()) {
			case EMPTY -> new EmptyMessage();
			case TOO_LONG -> new MessageTooLong(settings.maxMessageLength());
			default -> new InvalidText(refused.message());
		});
	}

}
