package fi.tukipiiri.workbook.web;

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
import org.springframework.web.bind.annotation.RestController;

import fi.tukipiiri.rooms.ChatMessage;
import fi.tukipiiri.workbook.WorkbookEntry;
import fi.tukipiiri.workbook.WorkbookService;

/**
 * {@code /api/me/workbook}: the caller's own answers to their sessions' exercises; only
 * ever the caller's, so nobody reaches anyone else's.
 */
@RestController
@RequestMapping("/api/me/workbook")
class WorkbookController {

	private final WorkbookService workbook;

	WorkbookController(WorkbookService workbook) {
		this.workbook = workbook;
	}

	/** {@code answer} is checked by the workbook under the text policy. */
	record AnswerBody(@NotNull String answer) {
	}

	/** The client's id for the message, so a retry posts nothing twice. */
	record ShareBody(String clientId) {
	}

	@GetMapping
	List<WorkbookEntry> list(Authentication caller) {
		return workbook.list(id(caller));
	}

	@GetMapping("/series/{seriesId}/sessions/{position}")
	WorkbookEntry get(@PathVariable UUID seriesId, @PathVariable int position, Authentication caller) {
		return workbook.get(id(caller), seriesId, position);
	}

	@PutMapping("/series/{seriesId}/sessions/{position}")
	WorkbookEntry write(@PathVariable UUID seriesId, @PathVariable int position, @Valid @RequestBody AnswerBody body,
			Authentication caller) {
		return workbook.write(id(caller), seriesId, position, body.answer());
	}

	@DeleteMapping("/series/{seriesId}/sessions/{position}")
	ResponseEntity<Void> delete(@PathVariable UUID seriesId, @PathVariable int position, Authentication caller) {
		workbook.delete(id(caller), seriesId, position);
		return ResponseEntity.noContent().build();
	}

	/**
	 * {@code 201} with the message posted; {@code 200} when this client id had posted it.
	 */
	@PostMapping("/series/{seriesId}/sessions/{position}/share")
	ResponseEntity<ChatMessage> share(@PathVariable UUID seriesId, @PathVariable int position,
			@RequestBody ShareBody body, Authentication caller) {
		WorkbookService.Shared shared = workbook.share(id(caller), seriesId, position, body.clientId());
		return ResponseEntity.status(shared.duplicate() ? HttpStatus.OK : HttpStatus.CREATED).body(shared.message());
	}

	private static UUID id(Authentication caller) {
		return UUID.fromString(caller.getName());
	}

}
