package fi.tukipiiri.sessionnotes;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import fi.tukipiiri.accounts.Account;
import fi.tukipiiri.accounts.AccountService;
import fi.tukipiiri.platform.InvalidFields;
import fi.tukipiiri.rooms.RoomProblems;
import fi.tukipiiri.rooms.RoomRole;
import fi.tukipiiri.rooms.RoomService;
import fi.tukipiiri.series.Series;
import fi.tukipiiri.series.SeriesService;
import fi.tukipiiri.series.SessionRooms;
import fi.tukipiiri.sessionnotes.SessionNoteProblems.NotAuthor;
import fi.tukipiiri.sessionnotes.SessionNoteProblems.NotFacilitator;
import fi.tukipiiri.sessionnotes.SessionNoteProblems.NoteNotFound;
import fi.tukipiiri.text.TextFields;

/**
 * Private notes of a session's facilitators. A note written in a session room of a series
 * belongs to the series: it is read from any of the series' rooms, so the next session's
 * facilitators find what the previous ones wrote. A note written in a room outside any
 * series belongs to that room.
 * <p>
 * Only facilitators read and write them: those who are {@code FACILITATOR} of the room
 * (their room role), and for a session room also the series' current facilitators (its
 * staff list), whether or not they are in this room. A facilitator taken off the series
 * keeps the room role in its rooms, but reads the series' notes through it only while
 * that session is open (lobby or live). Nobody else, whatever their account roles:
 * participants, peer supporters, coordinators and administrators alike. A note is changed
 * or removed only by its writer.
 */
@Service
public class SessionNoteService {

	private final Notes notes;

	private final RoomService rooms;

	private final SessionRooms sessionRooms;

	private final SeriesService series;

	private final AccountService accounts;

	private final Clock clock;

	SessionNoteService(Notes notes, RoomService rooms, SessionRooms sessionRooms, SeriesService series,
			AccountService accounts, Clock clock) {
		this.notes = notes;
		this.rooms = rooms;
		this.sessionRooms = sessionRooms;
		this.series = series;
		this.accounts = accounts;
		this.clock = clock;
	}

	/**
	 * Whose notes a room's are: its series' (with the place of each of its sessions), or
	 * its own outside any series.
	 */
	private record Scope(UUID roomId, SessionRooms.SessionRoom session, Map<UUID, Integer> positions) {

		UUID seriesId() {
			return session == null ? null : session.seriesId();
		}

		boolean holds(Notes.Note note) {
			return session != null ? session.seriesId().equals(note.seriesId())
					: note.seriesId() == null && note.roomId().equals(roomId);
		}

	}

	/**
	 * The notes of the room, newest first: for a session room of a series every note
	 * written in any of the series' rooms, otherwise the room's own.
	 * @throws RoomProblems.NotMember {@code rooms.not_member} (403) for someone neither a
	 * member of the room nor a facilitator of its series, and for a room that does not
	 * exist
	 * @throws NotFacilitator {@code notes.forbidden} (403) for a member who is not one of
	 * its facilitators nor a facilitator of its series
	 */
	@Transactional(readOnly = true)
	public List<SessionNote> list(UUID roomId, UUID caller) {
		Scope scope = requireFacilitator(roomId, caller);
		List<Notes.Note> found = scope.seriesId() != null ? notes.ofSeries(scope.seriesId()) : notes.ofRoom(roomId);
		Map<UUID, String> names = new HashMap<>();
		return found.stream().map(note -> view(note, scope, names)).toList();
	}

	/**
	 * A new note in the room, by the caller. The body (1–4,000 code points) passes the
	 * multi-line text policy and is stored in its canonical form. The room's state does
	 * not matter: a session room turns read-only when the session ends, and the
	 * facilitators still write down how it went.
	 * @throws RoomProblems.NotMember {@code rooms.not_member} (403) as {@link #list}
	 * @throws NotFacilitator {@code notes.forbidden} (403) as {@link #list}
	 * @throws InvalidFields {@code validation.failed} naming {@code body}
	 */
	@Transactional
	public SessionNote write(UUID roomId, UUID caller, String body) {
		Scope scope = requireFacilitator(roomId, caller);
		String text = checked(body);
		SessionRooms.SessionRoom session = scope.session();
		Notes.Note note = new Notes.Note(UUID.randomUUID(), roomId, scope.seriesId(),
				session == null ? null : session.sessionId(), caller, text, now(), null);
		notes.insert(note);
		return view(note, scope, new HashMap<>());
	}

	/**
	 * Changes the text of one's own note; the same text again changes nothing.
	 * @throws RoomProblems.NotMember {@code rooms.not_member} (403) as {@link #list}
	 * @throws NotFacilitator {@code notes.forbidden} (403) as {@link #list}
	 * @throws NoteNotFound {@code notes.not_found} (404) for a note that is not among the
	 * room's notes
	 * @throws NotAuthor {@code notes.not_author} (403) for someone else's note
	 * @throws InvalidFields {@code validation.failed} naming {@code body}
	 */
	@Transactional
	public SessionNote edit(UUID roomId, UUID noteId, UUID caller, String body) {
		Scope scope = requireFacilitator(roomId, caller);
		Notes.Note note = ownNote(scope, noteId, caller);
		String text = checked(body);
		if (!text.equals(note.body())) {
			Instant now = now();
			notes.updateBody(noteId, text, now);
			note = new Notes.Note(note.id(), note.roomId(), note.seriesId(), note.sessionId(), note.authorId(), text,
					note.createdAt(), now);
		}
		return view(note, scope, new HashMap<>());
	}

	/**
	 * Deletes one's own note.
	 * @throws RoomProblems.NotMember {@code rooms.not_member} (403) as {@link #list}
	 * @throws NotFacilitator {@code notes.forbidden} (403) as {@link #list}
	 * @throws NoteNotFound {@code notes.not_found} (404) as {@link #edit}
	 * @throws NotAuthor {@code notes.not_author} (403) for someone else's note
	 */
	@Transactional
	public void remove(UUID roomId, UUID noteId, UUID caller) {
		Scope scope = requireFacilitator(roomId, caller);
		ownNote(scope, noteId, caller);
		notes.delete(noteId);
	}

	private Scope requireFacilitator(UUID roomId, UUID caller) {
		Optional<SessionRooms.SessionRoom> session = sessionRooms.sessionOf(roomId);
		Series planned = session.map(s -> series.get(s.seriesId())).orElse(null);
		// Someone taken off a series keeps their place in its rooms, but its notes only
		// while the session they were leading is still open.
		boolean leadsRoom = rooms.member(roomId, caller)
			.filter(member -> member.role() == RoomRole.FACILITATOR)
			.isPresent() && (planned == null || stillOpen(planned, session.get().sessionId()));
		boolean leadsSeries = planned != null && planned.staff()
			.stream()
			.anyMatch(
					staff -> staff.role() == Series.StaffRole.FACILITATOR && Objects.equals(staff.accountId(), caller));
		if (!leadsRoom && !leadsSeries) {
			// rooms.not_member for anyone outside the room, and for a room that does not
			// exist
			rooms.requireMember(roomId, caller);
			throw new NotFacilitator();
		}
		Map<UUID, Integer> positions = planned == null ? Map.of()
				: planned.sessions().stream().collect(Collectors.toMap(Series.Session::id, Series.Session::position));
		return new Scope(roomId, session.orElse(null), positions);
	}

	private static boolean stillOpen(Series planned, UUID sessionId) {
		return planned.sessions()
			.stream()
			.filter(s -> s.id().equals(sessionId))
			.anyMatch(s -> s.state() == Series.SessionState.LOBBY || s.state() == Series.SessionState.LIVE);
	}

	private Notes.Note ownNote(Scope scope, UUID noteId, UUID caller) {
		Notes.Note note = notes.find(noteId).filter(scope::holds).orElseThrow(NoteNotFound::new);
		if (!note.authorId().equals(caller)) {
			throw new NotAuthor();
		}
		return note;
	}

	/**
	 * The time to store, in the microseconds PostgreSQL keeps, so an answer holds the
	 * same instant as the note read back later.
	 */
	private Instant now() {
		return clock.instant().truncatedTo(ChronoUnit.MICROS);
	}

	private static String checked(String body) {
		TextFields fields = new TextFields();
		String text = fields.check("body", SessionNoteFieldLimits.BODY, body);
		fields.throwIfRefused();
		return text;
	}

	private SessionNote view(Notes.Note note, Scope scope, Map<UUID, String> names) {
		String author = names.computeIfAbsent(note.authorId(),
				id -> accounts.findActive(id).map(Account::displayName).orElse(null));
		return new SessionNote(note.id(), note.roomId(), note.sessionId(),
				note.sessionId() == null ? null : scope.positions().get(note.sessionId()), note.authorId(), author,
				note.body(), note.createdAt(), note.editedAt());
	}

}
