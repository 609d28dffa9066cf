package fi.tukipiiri.rooms.web;

import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import fi.tukipiiri.platform.InvalidFields;
import fi.tukipiiri.rooms.ChatMessage;
import fi.tukipiiri.rooms.MessageService;

@RestController
class RoomMessagesController {

	private final MessageService messages;

	RoomMessagesController(MessageService messages) {
		this.messages = messages;
	}

	/**
	 * Members only. {@code afterSeq} catches up (ascending from it), {@code beforeSeq}
	 * scrolls back; neither gives the latest.
	 */
	@GetMapping("/api/rooms/{roomId}/messages")
	MessageService.History history(@PathVariable UUID roomId, @RequestParam(required = false) @Min(0) Long afterSeq,
			@RequestParam(required = false) @Min(1) Long beforeSeq,
			@RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit, Authentication caller) {
		return messages.history(roomId, UUID.fromString(caller.getName()), afterSeq, beforeSeq, limit);
	}

	/** A member's new text for their own message. */
	record EditMessage(String body) {
	}

	/** The writer edits their own message; see {@link MessageService#edit}. */
	@PutMapping("/api/rooms/{roomId}/messages/{messageId}")
	ChatMessage edit(@PathVariable UUID roomId, @PathVariable UUID messageId, @RequestBody EditMessage request,
			Authentication caller) {
		return messages.edit(roomId, UUID.fromString(caller.getName()), messageId,
				InvalidFields.required(request.body(), "body"));
	}

	/** The writer removes their own message; see {@link MessageService#deleteOwn}. */
	@DeleteMapping("/api/rooms/{roomId}/messages/{messageId}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void delete(@PathVariable UUID roomId, @PathVariable UUID messageId, Authentication caller) {
		messages.deleteOwn(roomId, UUID.fromString(caller.getName()), messageId);
	}

}
