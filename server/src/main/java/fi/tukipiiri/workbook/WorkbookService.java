package fi.tukipiiri.workbook;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletionException;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import fi.tukipiiri.platform.InvalidFields;
import fi.tukipiiri.rooms.ChatMessage;
import fi.tukipiiri.rooms.MessageService;
import fi.tukipiiri.rooms.RoomProblems;
import fi.tukipiiri.rooms.RoomService;
import fi.tukipiiri.series.Series;
import fi.tukipiiri.series.SeriesProblems;
import fi.tukipiiri.series.SeriesService;
import fi.tukipiiri.series.SessionMaterial;
import fi.tukipiiri.series.SessionMaterials;
import fi.tukipiiri.text.TextFields;
import fi.tukipiiri.workbook.WorkbookProblems.AnswerNotFound;
import fi.tukipiiri.workbook.WorkbookProblems.SessionNotFound;
import fi.tukipiiri.workbook.WorkbookProblems.SessionNotOpen;

/**
 * A person's own workbook: their answer to each session's exercise, one per session of a
 * series (by its place in the series). Only the writer reads, changes or deletes an
 * answer; there is no way for anyone else, facilitators and administrators included, to
 * reach it. An answer is started in a session whose room has opened and that the writer
 * is a member of, and is theirs to change or delete afterwards, between sessions too.
 * Sharing posts the answer's text into the session's room as the writer's own message,
 * through the room's message path, so every rule of the room applies to it.
 */
@Service
public class WorkbookService {

	private final WorkbookAnswers answers;

	private final SeriesService series;

	private final SessionMaterials materials;

	private final RoomService rooms;

	private final MessageService messages;

	private final Clock clock;

	WorkbookService(WorkbookAnswers answers, SeriesService series, SessionMaterials materials, RoomService rooms,
			MessageService messages, Clock clock) {
		this.answers = answers;
		this.series = series;
		this.materials = materials;
		this.rooms = rooms;
		this.messages = messages;
		this.clock = clock;
	}

	/**
	 * The answer shared, as the room's message, and whether that client id had shared it
	 * already (nothing new was posted).
	 */
	public record Shared(ChatMessage message, boolean duplicate) {
	}

	/**
	 * One's own answers: the series whose answers were written last first, each by the
	 * sessions' places.
	 */
	@Transactional(readOnly = true)
	public List<WorkbookEntry> list(UUID caller) {
		Map<UUID, List<WorkbookAnswers.Answer>> bySeries = new LinkedHashMap<>();
		answers.of(caller)
			.forEach(answer -> bySeries.computeIfAbsent(answer.seriesId(), id -> new ArrayList<>()).add(answer));
		List<List<WorkbookAnswers.Answer>> groups = new ArrayList<>(bySeries.values());
		groups.sort(
				Comparator
					.comparing((List<WorkbookAnswers.Answer> group) -> group.stream()
						.map(WorkbookAnswers.Answer::updatedAt)
						.max(Comparator.naturalOrder())
						.orElse(Instant.EPOCH))
					.reversed());
		Map<UUID, Series> planned = new HashMap<>();
		List<WorkbookEntry> entries = new ArrayList<>();
		for (List<WorkbookAnswers.Answer> group : groups) {
			for (WorkbookAnswers.Answer answer : group) {
				entries.add(view(planned.computeIfAbsent(answer.seriesId(), series::get), answer));
			}
		}
		return entries;
	}

	/**
	 * One's own answer for a session.
	 * @throws AnswerNotFound {@code workbook.not_found} when there is none
	 */
	@Transactional(readOnly = true)
	public WorkbookEntry get(UUID caller, UUID seriesId, int position) {
		WorkbookAnswers.Answer answer = answers.find(caller, seriesId, position).orElseThrow(AnswerNotFound::new);
		return view(series.get(seriesId), answer);
	}

	/**
	 * Writes one's answer for a session (1–4,000 code points, several lines, under the
	 * text policy). A first answer needs the session's room to have opened and the writer
	 * to be its member; an answer already written can be changed at any time.
	 * @throws SessionNotFound {@code workbook.session_not_found}: no such series or
	 * session
	 * @throws SessionNotOpen {@code workbook.session_not_open}: the session's room has
	 * not opened (a first answer)
	 * @throws RoomProblems.NotMember {@code rooms.not_member}: not a member of the
	 * session's room (a first answer)
	 * @throws InvalidFields {@code validation.failed} naming {@code answer}
	 */
	@Transactional
	public WorkbookEntry write(UUID caller, UUID seriesId, int position, String answer) {
		Series planned = seriesOf(seriesId);
		Series.Session session = sessionOf(planned, position);
		if (answers.find(caller, seriesId, position).isEmpty()) {
			requireOpened(session);
			rooms.requireMember(session.roomId(), caller);
		}
		TextFields fields = new TextFields();
		String text = fields.check("answer", WorkbookFieldLimits.ANSWER, answer);
		fields.throwIfRefused();
		answers.save(caller, seriesId, position, text, now());
		return view(planned, answers.find(caller, seriesId, position).orElseThrow(AnswerNotFound::new));
	}

	/**
	 * Deletes one's answer for a session; deleting one that is not there changes nothing.
	 */
	@Transactional
	public void delete(UUID caller, UUID seriesId, int position) {
		answers.delete(caller, seriesId, position);
	}

	/**
	 * Posts one's answer into its session's room as one's own message, when one taps to
	 * share it: stored and delivered like any message sent there (the same client id
	 * again posts nothing new), and refused as such a message would be.
	 * @throws AnswerNotFound {@code workbook.not_found}: no answer to share
	 * @throws SessionNotOpen {@code workbook.session_not_open}
	 * @throws WorkbookProblems.Busy {@code server.busy}: the node takes no more messages
	 * now; share again in a moment
	 * @throws fi.tukipiiri.platform.ApiProblem whatever the room refuses the message
	 * with: {@code rooms.not_member}, {@code rooms.read_only} (the session has ended),
	 * {@code moderation.muted}, {@code moderation.slow_mode}, {@code rate_limited},
	 * {@code rooms.rules_not_accepted}, {@code message.too_long},
	 * {@code message.invalid_client_id}, …
	 */
	public Shared share(UUID caller, UUID seriesId, int position, String clientId) {
		WorkbookAnswers.Answer answer = answers.find(caller, seriesId, position).orElseThrow(AnswerNotFound::new);
		Series.Session session = sessionOf(seriesOf(seriesId), position);
		requireOpened(session);
		MessageService.Sent sent;
		try {
			sent = messages.send(session.roomId(), caller, clientId, answer.body(), false).join();
		}
		catch (MessageService.Busy busy) {
			throw new WorkbookProblems.Busy();
		}
		catch (CompletionException failed) {
			if (failed.getCause() instanceof MessageService.Busy) {
				throw new WorkbookProblems.Busy();
			}
			if (failed.getCause() instanceof RuntimeException refused) {
				throw refused;
			}
			throw failed;
		}
		answers.markShared(caller, seriesId, position, now());
		return new Shared(sent.message(), sent.duplicate());
	}

	private Series seriesOf(UUID seriesId) {
		try {
			return series.get(seriesId);
		}
		catch (SeriesProblems.SeriesNotFound unknown) {
			throw new SessionNotFound();
		}
	}

	private static Series.Session sessionOf(Series planned, int position) {
		return planned.sessions()
			.stream()
			.filter(session -> session.position() == position)
			.findFirst()
			.orElseThrow(SessionNotFound::new);
	}

	private static void requireOpened(Series.Session session) {
		if (session.roomId() == null || session.state() == Series.SessionState.SCHEDULED
				|| session.state() == Series.SessionState.CANCELLED) {
			throw new SessionNotOpen();
		}
	}

	private WorkbookEntry view(Series planned, WorkbookAnswers.Answer answer) {
		Optional<Series.Session> session = planned.sessions()
			.stream()
			.filter(found -> found.position() == answer.position())
			.findFirst();
		Map<String, String> exercise = materials.ofSeriesSession(planned.id(), answer.position())
			.map(SessionMaterial::exercise)
			.orElse(Map.of());
		return new WorkbookEntry(planned.id(), planned.title(), answer.position(),
				session.map(Series.Session::theme).orElse(null), exercise, answer.body(), answer.createdAt(),
				answer.updatedAt(), answer.sharedAt());
	}

	/**
	 * The time to store, in the microseconds PostgreSQL keeps, so an answer holds the
	 * same instant as the entry read back later.
	 */
	private Instant now() {
		return clock.instant().truncatedTo(ChronoUnit.MICROS);
	}

}
