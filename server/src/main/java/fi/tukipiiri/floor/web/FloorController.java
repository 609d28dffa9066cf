package fi.tukipiiri.floor.web;

import java.util.List;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import fi.tukipiiri.floor.FloorService;
import fi.tukipiiri.floor.RaisedHand;

/**
 * A room's raised hands over REST; the room hears every change on its floor topic.
 */
@RestController
@RequestMapping("/api/rooms/{roomId}")
class FloorController {

	private final FloorService floor;

	FloorController(FloorService floor) {
		this.floor = floor;
	}

	@GetMapping("/hands")
	List<RaisedHand> queue(@PathVariable UUID roomId, Authentication caller) {
		return floor.queue(roomId, id(caller));
	}

	/** 201 when raised now, 200 when it was up already (with its original time). */
	@PostMapping("/hand")
	ResponseEntity<RaisedHand> raise(@PathVariable UUID roomId, Authentication caller) {
		FloorService.Raised raised = floor.raise(roomId, id(caller));
		return ResponseEntity.status(raised.now() ? HttpStatus.CREATED : HttpStatus.OK).body(raised.hand());
	}

	@DeleteMapping("/hand")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void lower(@PathVariable UUID roomId, Authentication caller) {
		floor.lower(roomId, id(caller));
	}

	@PostMapping("/pass")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void pass(@PathVariable UUID roomId, Authentication caller) {
		floor.pass(roomId, id(caller));
	}

	@PostMapping("/hands/{accountId}/turn")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void giveTurn(@PathVariable UUID roomId, @PathVariable UUID accountId, Authentication caller) {
		floor.giveTurn(roomId, id(caller), accountId);
	}

	@DeleteMapping("/hands")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void clear(@PathVariable UUID roomId, Authentication caller) {
		floor.clear(roomId, id(caller));
	}

	private static UUID id(Authentication caller) {
		return UUID.fromString(caller.getName());
	}

}
