package fi.tukipiiri.sessionnotes.web;

import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import fi.tukipiiri.sessionnotes.SessionNote;
import fi.tukipiiri.sessionnotes.SessionNoteService;

/**
 * {@code /api/rooms/{roomId}/notes}: the facilitators' private notes of a room or its
 * series; who may do what is decided by {@link SessionNoteService}.
 */
@RestController
@RequestMapping("/api/rooms/{roomId}/notes")
class SessionNotesController {

	private final SessionNoteService notes;

	SessionNotesController(SessionNoteService notes) {
		this.notes = notes;
	}

	/** {@code body} is checked by the notes service under the text policy. */
	record NoteBody(@NotNull String body) {
	}

	@GetMapping
	List<SessionNote> list(@PathVariable UUID roomId, Authentication caller) {
		return notes.list(roomId, id(caller));
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	SessionNote write(@PathVariable UUID roomId, @Valid @RequestBody NoteBody note, Authentication caller) {
		return notes.write(roomId, id(caller), note.body());
	}

	@PutMapping("/{noteId}")
	SessionNote edit(@PathVariable UUID roomId, @PathVariable UUID noteId, @Valid @RequestBody NoteBody note,
			Authentication caller) {
		return notes.edit(roomId, noteId, id(caller), note.body());
	}

	@DeleteMapping("/{noteId}")
	ResponseEntity<Void> remove(@PathVariable UUID roomId, @PathVariable UUID noteId, Authentication caller) {
		notes.remove(roomId, noteId, id(caller));
		return ResponseEntity.noContent().build();
	}

	private static UUID id(Authentication caller) {
		return UUID.fromString(caller.getName());
	}

}
