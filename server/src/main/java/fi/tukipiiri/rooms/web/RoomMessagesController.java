package fi.tukipiiri.rooms.web;

import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

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

}
