package fi.tukipiiri.questions;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import fi.tukipiiri.moderation.RiskFlagService;
import fi.tukipiiri.platform.InvalidFields;
import fi.tukipiiri.questions.QuestionProblems.AlreadyHandled;
import fi.tukipiiri.questions.QuestionProblems.NotInfoSession;
import fi.tukipiiri.questions.QuestionProblems.ParticipantsOnly;
import fi.tukipiiri.questions.QuestionProblems.QuestionNotFound;
import fi.tukipiiri.questions.QuestionProblems.TooManyWaiting;
import fi.tukipiiri.rooms.ChatMessage;
import fi.tukipiiri.rooms.MessageService;
import fi.tukipiiri.rooms.Room;
import fi.tukipiiri.rooms.RoomFormat;
import fi.tukipiiri.rooms.RoomRole;
import fi.tukipiiri.rooms.RoomService;
import fi.tukipiiri.text.TextFields;

/**
 * Questions in a live information session. A participant asks; the question waits in a
 * queue that only the room's staff (its facilitators and peer supporters, and
 * administrators) read, with who asked, for moderation. The staff publish it into the
 * stream without a name, answer it (in writing, published with the question, or aloud in
 * the stream) or set it aside, and the asker is told each time. A question counts as a
 * message for the room's rules (a mute, slow mode, the flood limit, the house rules) and
 * is read for risk words as a message is.
 */
@Service
public class QuestionService {

	private static final Pattern CLIENT_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

	private final Questions questions;

	private final RoomService rooms;

	private final MessageService messages;

	private final RiskFlagService risks;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	QuestionService(Questions questions, RoomService rooms, MessageService messages, RiskFlagService risks,
			ApplicationEventPublisher events, Clock clock) {
		this.questions = questions;
		this.rooms = rooms;
		this.messages = messages;
		this.risks = risks;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * One's question, and whether this request asked it (not a repeat of its client id).
	 */
	public record Asked(OwnQuestion question, boolean now) {
	}

	/**
	 * A participant asks the room's staff. The body (1–1,000 code points) passes the
	 * multi-line text policy; the same client id again answers with the question asked
	 * first and changes nothing. The staff hear {@link QuestionEvent.Asked}; a question
	 * naming a risk is flagged to the room's facilitators.
	 * @param clientId 1–64 of {@code A–Z a–z 0–9 - _}, chosen by the client per question
	 * @throws fi.tukipiiri.rooms.RoomProblems.NotMember {@code rooms.not_member} (403)
	 * for a non-member and a room that does not exist
	 * @throws NotInfoSession {@code questions.not_info_session} (409) in a discussion
	 * @throws ParticipantsOnly {@code questions.participants_only} (403) for the room's
	 * staff
	 * @throws InvalidFields {@code validation.failed} naming {@code clientId} and/or
	 * {@code body}
	 * @throws TooManyWaiting {@code questions.too_many_waiting} (409) with
	 * {@value QuestionFieldLimits#MOST_WAITING} questions waiting already
	 * @throws fi.tukipiiri.platform.ApiProblem {@code rooms.read_only},
	 * {@code moderation.muted}, {@code moderation.slow_mode}, {@code rate_limited},
	 * {@code rooms.rules_not_accepted}, as a message is refused
	 */
	@Transactional
	public Asked ask(UUID roomId, UUID askerId, String clientId, String rawBody) {
		RoomRole role = rooms.requireMember(roomId, askerId);
		Room room = rooms.find(roomId).orElseThrow();
		if (room.format() != RoomFormat.INFO_SESSION) {
			throw new NotInfoSession();
		}
		if (role != RoomRole.PARTICIPANT) {
			throw new ParticipantsOnly();
		}
		TextFields fields = new TextFields();
		if (clientId == null || !CLIENT_ID.matcher(clientId).matches()) {
			fields.refuse("clientId", clientId == null ? "not_null" : "pattern",
					"A clientId of 1–64 letters, digits, '-' or '_'.");
		}
		String body = fields.check("body", QuestionFieldLimits.BODY, rawBody);
		fields.throwIfRefused();
		var earlier = questions.byClientId(roomId, askerId, clientId);
		if (earlier.isPresent()) {
			return new Asked(earlier.get().own(), false);
		}
		if (questions.waiting(roomId, askerId) >= QuestionFieldLimits.MOST_WAITING) {
			throw new TooManyWaiting(QuestionFieldLimits.MOST_WAITING);
		}
		rooms.requireMaySend(roomId, askerId);
		List<String> categories = risks.categoriesIn(body);
		UUID id = UUID.randomUUID();
		if (!questions.insert(new Questions.NewQuestion(id, roomId, askerId, clientId, body, categories, now()))) {
			// the same client id arrived twice at once: the other request asked it
			return new Asked(questions.byClientId(roomId, askerId, clientId).orElseThrow().own(), false);
		}
		Question asked = questions.find(roomId, id).orElseThrow();
		if (!categories.isEmpty()) {
			risks.flagQuestion(roomId, id, askerId, categories);
		}
		events.publishEvent(new QuestionEvent.Asked(roomId, asked));
		events.publishEvent(new QuestionEvent.OwnChanged(askerId, roomId, asked.own()));
		return new Asked(asked.own(), true);
	}

	/**
	 * One's own questions in the room, first asked first.
	 * @throws fi.tukipiiri.rooms.RoomProblems.NotMember {@code rooms.not_member} (403)
	 */
	@Transactional(readOnly = true)
	public List<OwnQuestion> mine(UUID roomId, UUID askerId) {
		rooms.requireMember(roomId, askerId);
		return questions.ofAsker(roomId, askerId).stream().map(Question::own).toList();
	}

	/**
	 * The asker takes back a question nobody has taken up yet: it leaves the queue (the
	 * staff hear {@link QuestionEvent.Withdrawn}).
	 * @throws fi.tukipiiri.rooms.RoomProblems.NotMember {@code rooms.not_member} (403)
	 * @throws QuestionNotFound {@code questions.not_found} (404), also for someone else's
	 * question
	 * @throws AlreadyHandled {@code questions.already_handled} (409) once the staff have
	 * published, answered or set it aside
	 */
	@Transactional
	public void withdraw(UUID roomId, UUID askerId, UUID questionId) {
		rooms.requireMember(roomId, askerId);
		Question question = questions.lock(roomId, questionId)
			.filter(found -> found.askerId().equals(askerId))
			.orElseThrow(QuestionNotFound::new);
		if (question.state() != QuestionState.ASKED) {
			throw new AlreadyHandled();
		}
		questions.delete(questionId);
		events.publishEvent(new QuestionEvent.Withdrawn(roomId, questionId));
		events.publishEvent(new QuestionEvent.OwnWithdrawn(askerId, roomId, questionId));
	}

	/**
	 * The room's questions, first asked first, each with who asked: for its staff.
	 * @throws fi.tukipiiri.rooms.RoomProblems.NotMember {@code rooms.not_member} (403)
	 * for someone neither a member nor an administrator
	 * @throws fi.tukipiiri.rooms.RoomProblems.StaffOnly {@code rooms.staff_only} (403)
	 * for the room's participants
	 */
	@Transactional(readOnly = true)
	public List<Question> queue(UUID roomId, UUID staffId) {
		rooms.requireStaff(roomId, staffId, "questions");
		return questions.ofRoom(roomId);
	}

	/**
	 * Publishes a waiting question into the stream without a name (a {@code QUESTION}
	 * message), by one of the room's staff.
	 * @throws fi.tukipiiri.rooms.RoomProblems.StaffOnly {@code rooms.staff_only} (403)
	 * @throws QuestionNotFound {@code questions.not_found} (404)
	 * @throws AlreadyHandled {@code questions.already_handled} (409) unless it waits
	 * @throws fi.tukipiiri.rooms.RoomProblems.ReadOnly {@code rooms.read_only} (409)
	 */
	@Transactional
	public Question publish(UUID roomId, UUID staffId, UUID questionId) {
		rooms.requireStaff(roomId, staffId, "questions");
		Question question = questions.lock(roomId, questionId).orElseThrow(QuestionNotFound::new);
		if (question.state() != QuestionState.ASKED) {
			throw new AlreadyHandled();
		}
		ChatMessage published = messages.publishQuestion(roomId, questionId, question.body());
		questions.handle(questionId, QuestionState.PUBLISHED, staffId, now(), published.id(), published.seq(), null);
		return told(roomId, questionId, QuestionEvent.Published::new);
	}

	/**
	 * Marks a waiting or published question answered, by one of the room's staff. With an
	 * {@code answer} the staff member's written answer goes into the stream (an
	 * {@code ANSWER} message naming the question), right after the question when it is
	 * published now; without, the question was answered aloud in the stream and stays as
	 * it was (unpublished, if it was).
	 * @param answer the written answer (the text rules of a message), or null
	 * @throws fi.tukipiiri.rooms.RoomProblems.StaffOnly {@code rooms.staff_only} (403)
	 * @throws QuestionNotFound {@code questions.not_found} (404)
	 * @throws AlreadyHandled {@code questions.already_handled} (409) once answered or set
	 * aside
	 * @throws fi.tukipiiri.platform.ApiProblem {@code message.empty},
	 * {@code message.too_long}, {@code message.invalid_text} for the answer;
	 * {@code rooms.read_only} (409) for an answer in a room not open; and
	 * {@code rooms.not_member} (403) for a written answer by an administrator who is not
	 * a member
	 */
	@Transactional
	public Question answer(UUID roomId, UUID staffId, UUID questionId, String answer) {
		rooms.requireStaff(roomId, staffId, "questions");
		Question question = questions.lock(roomId, questionId).orElseThrow(QuestionNotFound::new);
		if (!question.state().open()) {
			throw new AlreadyHandled();
		}
		UUID messageId = null;
		Long questionSeq = question.messageSeq();
		Long answerSeq = null;
		if (answer != null) {
			if (questionSeq == null) {
				ChatMessage published = messages.publishQuestion(roomId, questionId, question.body());
				messageId = published.id();
				questionSeq = published.seq();
			}
			answerSeq = messages.answerQuestion(roomId, questionSeq, questionId, staffId, answer).seq();
		}
		questions.handle(questionId, QuestionState.ANSWERED, staffId, now(), messageId,
				messageId == null ? null : questionSeq, answerSeq);
		return told(roomId, questionId, QuestionEvent.Answered::new);
	}

	/**
	 * Sets a waiting or published question aside for this session, by one of the room's
	 * staff; the asker is told it was not taken up.
	 * @throws fi.tukipiiri.rooms.RoomProblems.StaffOnly {@code rooms.staff_only} (403)
	 * @throws QuestionNotFound {@code questions.not_found} (404)
	 * @throws AlreadyHandled {@code questions.already_handled} (409) once answered or set
	 * aside
	 */
	@Transactional
	public Question setAside(UUID roomId, UUID staffId, UUID questionId) {
		rooms.requireStaff(roomId, staffId, "questions");
		Question question = questions.lock(roomId, questionId).orElseThrow(QuestionNotFound::new);
		if (!question.state().open()) {
			throw new AlreadyHandled();
		}
		questions.handle(questionId, QuestionState.SET_ASIDE, staffId, now(), null, null, null);
		return told(roomId, questionId, QuestionEvent.SetAside::new);
	}

	/** The question as it is now, told to the staff and to its asker. */
	private Question told(UUID roomId, UUID questionId,
			java.util.function.BiFunction<UUID, Question, QuestionEvent> toStaff) {
		Question now = questions.find(roomId, questionId).orElseThrow();
		events.publishEvent(toStaff.apply(roomId, now));
		events.publishEvent(new QuestionEvent.OwnChanged(now.askerId(), roomId, now.own()));
		return now;
	}

	private Instant now() {
		return clock.instant();
	}

}
