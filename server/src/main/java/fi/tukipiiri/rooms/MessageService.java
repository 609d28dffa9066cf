package fi.tukipiiri.rooms;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import fi.tukipiiri.rooms.Messages.LockedRoom;
import fi.tukipiiri.rooms.RoomProblems.EmptyMessage;
import fi.tukipiiri.rooms.RoomProblems.InvalidClientId;
import fi.tukipiiri.rooms.RoomProblems.MessageTooLong;
import fi.tukipiiri.rooms.RoomProblems.NotMember;
import fi.tukipiiri.rooms.RoomProblems.ReadOnly;
import fi.tukipiiri.rooms.RoomProblems.RoomNotFound;

/**
 * Stores messages: checks the sender, the room and the text, numbers the message without gaps and
 * returns only once it is committed. A repeated client id returns the original message instead.
 */
@Service
public class MessageService {

	private static final Pattern CLIENT_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
	/**
	 * Control characters other than line feed and tab, and bidirectional overrides and isolates (which can make
	 * text read differently from what was written) have no place in plain chat text.
	 */
	private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}&&[^\\n\\t]]|[\\u202A-\\u202E\\u2066-\\u2069]");
	/** White space and invisible formatting characters: a body of nothing else is empty. */
	private static final Pattern INVISIBLE = Pattern.compile("[\\s\\p{Cf}]*");

	private final Messages messages;
	private final Rooms rooms;
	private final ChatSettings settings;
	private final Clock clock;

	MessageService(Messages messages, Rooms rooms, ChatSettings settings, Clock clock) {
		this.messages = messages;
		this.rooms = rooms;
		this.settings = settings;
		this.clock = clock;
	}

	/** The stored message, and whether it had been stored before under the same client id. */
	public record Sent(ChatMessage message, boolean duplicate) {
	}

	public record History(List<ChatMessage> messages, long lastSeq) {
	}

	@Transactional
	public Sent send(UUID roomId, UUID authorId, String clientId, String rawBody) {
		if (clientId == null || !CLIENT_ID.matcher(clientId).matches()) {
			throw new InvalidClientId();
		}
		String body = normalise(rawBody);
		LockedRoom room = messages.lockRoom(roomId).orElseThrow(RoomNotFound::new);
		RoomMember author = rooms.member(roomId, authorId).orElseThrow(NotMember::new);
		Optional<ChatMessage> original = messages.findByClientId(roomId, authorId, clientId);
		if (original.isPresent()) {
			return new Sent(original.get(), true);
		}
		if (!room.state().acceptsMessages()) {
			throw new ReadOnly();
		}
		ChatMessage message = new ChatMessage(roomId, room.lastSeq() + 1, UUID.randomUUID(), authorId,
				author.displayName(), author.role(), body, clock.instant());
		messages.append(message, clientId);
		return new Sent(message, false);
	}

	/**
	 * Members read history by sequence number: after one (catching up, oldest first), before one (scrolling back,
	 * the newest before it), both (the range between), or neither (the latest).
	 */
	@Transactional(readOnly = true)
	public History history(UUID roomId, UUID readerId, Long afterSeq, Long beforeSeq, int limit) {
		Room room = rooms.find(roomId).orElseThrow(RoomNotFound::new);
		if (rooms.memberRole(roomId, readerId).isEmpty()) {
			throw new NotMember();
		}
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
		if (rawBody == null) {
			throw new EmptyMessage();
		}
		String body = CONTROL.matcher(rawBody.replace("\r\n", "\n").replace('\r', '\n')).replaceAll("").strip();
		if (INVISIBLE.matcher(body).matches()) {
			throw new EmptyMessage();
		}
		if (body.codePointCount(0, body.length()) > settings.maxMessageLength()) {
			throw new MessageTooLong(settings.maxMessageLength());
		}
		return body;
	}
}
