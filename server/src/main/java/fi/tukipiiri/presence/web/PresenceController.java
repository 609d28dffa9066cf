package fi.tukipiiri.presence.web;

import java.util.List;
import java.util.UUID;

import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import fi.tukipiiri.presence.PresenceService;
import fi.tukipiiri.rooms.RoomMember;

@RestController
class PresenceController {

	private final PresenceService presence;

	PresenceController(PresenceService presence) {
		this.presence = presence;
	}

	@GetMapping("/api/rooms/{roomId}/presence")
	List<RoomMember> present(@PathVariable UUID roomId, Authentication caller) {
		return presence.present(roomId, UUID.fromString(caller.getName()));
	}

}
