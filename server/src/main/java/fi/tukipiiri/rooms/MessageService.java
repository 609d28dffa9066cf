package fi.tukipiiri.rooms;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.regex.Pattern;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import fi.tukipiiri.rooms.Messages.LockedRoom;
import fi.tukipiiri.rooms.RoomProblems.EmptyMessage;
import fi.tukipiiri.rooms.RoomProblems.InvalidClientId;
import fi.tukipiiri.rooms.RoomProblems.InvalidText;
import fi.tukipiiri.rooms.RoomProblems.MessageNotFound;
import fi.tukipiiri.rooms.RoomProblems.MessageTooLong;
import fi.tukipiiri.rooms.RoomProblems.NotMember;
import fi.tukipiiri.rooms.RoomProblems.ReadOnly;
import fi.tukipiiri.rooms.RoomProblems.RoomNotFound;
import fi.tukipiiri.text.TextPolicy;

/**
 * Stores messages: checks the sender, the room and the text, numbers the message without
 * gaps and returns only once it is committed. A repeated client id returns the original
 * message instead.
 */
@Service
public class MessageService {

	private static final Pattern CLIENT_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

	private final Messages messages;

	private final Rooms rooms;

	private final RoomService roomService;

	private final List<RoomRules> rules;

	private final ApplicationEventPublisher events;

	private final ChatSettings settings;

	private final Clock clock;

	MessageService(Messages messages, Rooms rooms, RoomService roomService, List<RoomRules> rules,
			ApplicationEventPublisher events, ChatSettings settings, Clock clock) {
		this.messages = messages;
		this.rooms = rooms;
		this.roomService = roomService;
		this.rules = rules;
		this.events = events;
		this.settings = settings;
		this.clock = clock;
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
	 * canonical body is what is stored and delivered.
	 * @throws EmptyMessage {@code message.empty}: nothing but white space and invisible
	 * characters
	 * @throws MessageTooLong {@code message.too_long}: over the limit in code points
	 * @throws InvalidText {@code message.invalid_text}: a control character, an unpaired
	 * surrogate or too many marks
	 */
	@Transactional
	public Sent send(UUID roomId, UUID authorId, String clientId, String rawBody) {
		requireClientId(clientId);
		String body = normalise(rawBody);
		return store(roomId, authorId, clientId, (seq, author) -> new ChatMessage(roomId, seq, UUID.randomUUID(),
				authorId, author.displayName(), author.role(), body, clock.instant()));
	}

	/**
	 * Stores a message written in several languages (the crisis message), under the same
	 * rules as {@link #send}: each reader reads it in their own language from
	 * {@code translations}; its body holds all of them, in the order given. The caller
	 * decides who may send one.
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
		return store(roomId, authorId, clientId,
				(seq, author) -> new ChatMessage(roomId, seq, UUID.randomUUID(), authorId, author.displayName(),
						author.role(), String.join("\n\n", texts.values()), clock.instant(), false, kind, texts));
	}

	/**
	 * Numbers and stores the message {@code compose} makes, under the room's lock, once
	 * the room, the author's membership and the rooms' rules allow it; a client id sent
	 * before returns the message stored then.
	 */
	private Sent store(UUID roomId, UUID authorId, String clientId, BiFunction<Long, RoomMember, ChatMessage> compose) {
		LockedRoom room = messages.lockRoom(roomId).orElseThrow(RoomNotFound::new);
		RoomMember author = rooms.member(roomId, authorId).orElseThrow(NotMember::new);
		Optional<ChatMessage> original = messages.findByClientId(roomId, authorId, clientId);
		if (original.isPresent()) {
			return new Sent(original.get(), true);
		}
		if (!room.state().acceptsMessages()) {
			throw new ReadOnly();
		}
		rules.forEach(rule -> rule.checkSend(roomId, author));
		ChatMessage message = compose.apply(room.lastSeq() + 1, author);
		messages.append(message, clientId);
		events.publishEvent(new MessagePosted(message, clientId));
		return new Sent(message, false);
	}

	private static void requireClientId(String clientId) {
		if (clientId == null || !CLIENT_ID.matcher(clientId).matches()) {
			throw new InvalidClientId();
		}
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
