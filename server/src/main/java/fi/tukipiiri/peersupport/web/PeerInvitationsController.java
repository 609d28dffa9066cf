package fi.tukipiiri.peersupport.web;

import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import fi.tukipiiri.peersupport.PeerCandidate;
import fi.tukipiiri.peersupport.PeerInvitation;
import fi.tukipiiri.peersupport.PeerInvitationService;

/**
 * Coordinators invite participants of a completed series to go on as peer supporters and
 * withdraw open invitations; the person invited reads, accepts and declines their own.
 */
@RestController
class PeerInvitationsController {

	private final PeerInvitationService invitations;

	PeerInvitationsController(PeerInvitationService invitations) {
		this.invitations = invitations;
	}

	record InviteRequest(@NotNull UUID seriesId, @NotNull UUID accountId) {
	}

	@GetMapping("/api/series/{id}/peer-candidates")
	@PreAuthorize("hasAnyRole('COORDINATOR', 'ADMIN')")
	List<PeerCandidate> candidates(@PathVariable UUID id) {
		return invitations.candidates(id);
	}

	@PostMapping("/api/peer-invitations")
	@ResponseStatus(HttpStatus.CREATED)
	@PreAuthorize("hasAnyRole('COORDINATOR', 'ADMIN')")
	PeerInvitation invite(@Valid @RequestBody InviteRequest request, Authentication coordinator) {
		return invitations.invite(request.seriesId(), request.accountId(), caller(coordinator));
	}

	@PostMapping("/api/peer-invitations/{id}/withdraw")
	@PreAuthorize("hasAnyRole('COORDINATOR', 'ADMIN')")
	PeerInvitation withdraw(@PathVariable UUID id, Authentication coordinator) {
		return invitations.withdraw(id, caller(coordinator));
	}

	@GetMapping("/api/me/peer-invitations")
	List<PeerInvitation> own(Authentication person) {
		return invitations.own(caller(person));
	}

	@PostMapping("/api/me/peer-invitations/{id}/accept")
	PeerInvitation accept(@PathVariable UUID id, Authentication person) {
		return invitations.accept(id, caller(person));
	}

	@PostMapping("/api/me/peer-invitations/{id}/decline")
	PeerInvitation decline(@PathVariable UUID id, Authentication person) {
		return invitations.decline(id, caller(person));
	}

	private static UUID caller(Authentication authentication) {
		return UUID.fromString(authentication.getName());
	}

}
