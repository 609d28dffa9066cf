package fi.tukipiiri.rooms;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import fi.tukipiiri.platform.ApiProblem;
import fi.tukipiiri.rooms.GroupCommit.Outcome;
import fi.tukipiiri.rooms.MessageService.Sent;
import fi.tukipiiri.rooms.Messages.ClientKey;
import fi.tukipiiri.rooms.Messages.LockedRoom;
import fi.tukipiiri.rooms.RoomProblems.InfoSessionStaffOnly;
import fi.tukipiiri.rooms.RoomProblems.NotMember;
import fi.tukipiiri.rooms.RoomProblems.ReadOnly;
import fi.tukipiiri.rooms.RoomRules.Sender;
import fi.tukipiiri.rooms.Rooms.Membership;

/**
 * Numbers and stores messages in the caller's transaction, any number at once, with the
 * same rounds to the database for one message as for a hundred: the rooms' rows are
 * locked (in id order), then the authors' memberships, earlier messages with the same
 * client ids and the rooms' rules are read for all of them together, and the accepted
 * ones are written in two statements. Each message is judged as if it had come alone, in
 * arrival order: a room's numbers stay gap-free and in that order, a client id seen
 * before (stored earlier, or earlier in the same batch) answers with the first message as
 * it was stored (its text and its sensitive mark, whatever the repeat carries), and one
 * message's refusal does not touch the others.
 */
@Component
class MessageAppender {

	private final Messages messages;

	private final Rooms rooms;

	private final List<RoomRules> rules;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	MessageAppender(Messages messages, Rooms rooms, List<RoomRules> rules, ApplicationEventPublisher events,
			Clock clock) {
		this.messages = messages;
		this.rooms = rooms;
		this.rules = rules;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * A message to store, its text already checked.
	 *
	 * @param translations language → text for a message in several languages, else null
	 * @param sensitive the writer marked it as sensitive (a content note)
	 * @param verdict the rooms' rules' answer once asked: a batch that fails is tried
	 * again message by message, and asking again would count a message twice (slow mode
	 * would refuse the message its first try let through)
	 */
	record Draft(UUID roomId, UUID authorId, String clientId, MessageKind kind, String body,
			Map<String, String> translations, boolean sensitive, AtomicReference<Optional<ApiProblem>> verdict) {

		Draft(UUID roomId, UUID authorId, String clientId, MessageKind kind, String body,
				Map<String, String> translations, boolean sensitive) {
			this(roomId, authorId, clientId, kind, body, translations, sensitive, new AtomicReference<>());
		}

		ClientKey key() {
			return new ClientKey(roomId, authorId, clientId);
		}

		Membership membership() {
			return new Membership(roomId, authorId);
		}

	}

	/**
	 * Stores what may be stored and publishes {@link MessagePosted} for each new message.
	 * @return one outcome per draft, in order: the message (new, or stored before under
	 * its client id), or the refusal its sender sees ({@code rooms.not_member} (also for
	 * a room that does not exist), {@code rooms.read_only} or a rule's)
	 */
	List<Outcome<Sent>> append(List<Draft> drafts) {
		Map<UUID, LockedRoom> locked = this.messages
			.lockRooms(new LinkedHashSet<>(drafts.stream().map(Draft::roomId).toList()));
		Map<Membership, RoomMember> members = this.rooms
			.members(new LinkedHashSet<>(drafts.stream().map(Draft::membership).toList()));
		Map<ClientKey, ChatMessage> earlier = this.messages
			.findByClientIds(new LinkedHashSet<>(drafts.stream().map(Draft::key).toList()));

		List<Outcome<Sent>> outcomes = new ArrayList<>(drafts.size());
		Map<ClientKey, Integer> firstOfKey = new HashMap<>();
		Map<Integer, Integer> repeats = new HashMap<>();
		List<Integer> candidates = new ArrayList<>();
		for (int i = 0; i < drafts.size(); i++) {
			Draft draft = drafts.get(i);
			outcomes.add(null);
			LockedRoom room = locked.get(draft.roomId());
			RoomMember author = members.get(draft.membership());
			if (room == null || author == null) {
				// an unknown room answers as a room one is not in: an id reveals nothing
				outcomes.set(i, Outcome.failed(new NotMember()));
			}
			else if (earlier.containsKey(draft.key())) {
				outcomes.set(i, Outcome.of(new Sent(earlier.get(draft.key()), true)));
			}
			else if (firstOfKey.containsKey(draft.key())) {
				repeats.put(i, firstOfKey.get(draft.key()));
			}
			else if (!room.state().acceptsMessages()) {
				firstOfKey.put(draft.key(), i);
				outcomes.set(i, Outcome.failed(new ReadOnly()));
			}
			else if (!room.format().letsWrite(author.role())) {
				firstOfKey.put(draft.key(), i);
				outcomes.set(i, Outcome.failed(new InfoSessionStaffOnly()));
			}
			else {
				firstOfKey.put(draft.key(), i);
				candidates.add(i);
			}
		}

		List<Integer> unjudged = candidates.stream().filter(i -> drafts.get(i).verdict().get() == null).toList();
		List<Optional<ApiProblem>> verdicts = refusals(unjudged.stream()
			.map(i -> new Sender(drafts.get(i).roomId(), members.get(drafts.get(i).membership())))
			.toList());
		for (int u = 0; u < unjudged.size(); u++) {
			drafts.get(unjudged.get(u)).verdict().set(verdicts.get(u));
		}
		Map<UUID, Long> nextSeq = new HashMap<>();
		List<ChatMessage> posted = new ArrayList<>();
		List<String> clientIds = new ArrayList<>();
		for (int c = 0; c < candidates.size(); c++) {
			int i = candidates.get(c);
			Draft draft = drafts.get(i);
			if (draft.verdict().get().isPresent()) {
				outcomes.set(i, Outcome.failed(draft.verdict().get().get()));
				continue;
			}
			long seq = nextSeq.merge(draft.roomId(), locked.get(draft.roomId()).lastSeq() + 1,
					(last, ignored) -> last + 1);
			RoomMember author = members.get(draft.membership());
			ChatMessage message = new ChatMessage(draft.roomId(), seq, UUID.randomUUID(), draft.authorId(),
					author.displayName(), author.role(), draft.body(), this.clock.instant(), false, draft.kind(),
					draft.translations(), false, null, draft.sensitive(), null);
			posted.add(message);
			clientIds.add(draft.clientId());
			outcomes.set(i, Outcome.of(new Sent(message, false)));
		}
		if (!posted.isEmpty()) {
			this.messages.appendAll(posted, clientIds);
			for (int p = 0; p < posted.size(); p++) {
				this.events.publishEvent(new MessagePosted(posted.get(p), clientIds.get(p)));
			}
		}
		repeats.forEach((repeat, first) -> {
			Outcome<Sent> original = outcomes.get(first);
			outcomes.set(repeat,
					original.failure() != null ? original : Outcome.of(new Sent(original.result().message(), true)));
		});
		return outcomes;
	}

	/**
	 * Stores one message the service composes itself in the caller's transaction, under
	 * the room's lock (held until the transaction ends, so two composed in one
	 * transaction are numbered one after the other), and publishes {@link MessagePosted}.
	 * The rooms' rules are not asked: the caller decides who may do this.
	 * @param author who wrote it, or null for a message that names nobody (a published
	 * question)
	 * @param role the room role stored with it
	 * @param answersSeq the seq of the question an answer answers; null for other kinds
	 * @throws NotMember {@code rooms.not_member} for a room that does not exist
	 * @throws ReadOnly {@code rooms.read_only} when the room takes no messages now
	 */
	ChatMessage appendComposed(UUID roomId, RoomMember author, RoomRole role, MessageKind kind, String clientId,
			String body, Long answersSeq) {
		LockedRoom room = this.messages.lockRooms(List.of(roomId)).get(roomId);
		if (room == null) {
			throw new NotMember();
		}
		if (!room.state().acceptsMessages()) {
			throw new ReadOnly();
		}
		ChatMessage message = new ChatMessage(roomId, room.lastSeq() + 1, UUID.randomUUID(),
				author == null ? null : author.accountId(), author == null ? null : author.displayName(), role, body,
				this.clock.instant(), false, kind, null, false, null, false, answersSeq);
		this.messages.appendAll(List.of(message), List.of(clientId));
		this.events.publishEvent(new MessagePosted(message, clientId));
		return message;
	}

	/**
	 * Each sender's refusal by the first rule that refuses; a later rule is asked only
	 * about those not refused yet.
	 */
	private List<Optional<ApiProblem>> refusals(List<Sender> senders) {
		List<Optional<ApiProblem>> refusals = new ArrayList<>(Collections.nCopies(senders.size(), Optional.empty()));
		for (RoomRules rule : this.rules) {
			List<Integer> open = new ArrayList<>();
			for (int s = 0; s < senders.size(); s++) {
				if (refusals.get(s).isEmpty()) {
					open.add(s);
				}
			}
			if (open.isEmpty()) {
				break;
			}
			List<Optional<ApiProblem>> answers = rule.checkSends(open.stream().map(senders::get).toList());
			for (int o = 0; o < open.size(); o++) {
				refusals.set(open.get(o), answers.get(o));
			}
		}
		return refusals;
	}

}
