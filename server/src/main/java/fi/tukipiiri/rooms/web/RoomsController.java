package fi.tukipiiri.rooms.web;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
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

import fi.tukipiiri.platform.InvalidFields;
import fi.tukipiiri.platform.JsonRefusal;
import fi.tukipiiri.rooms.Room;
import fi.tukipiiri.rooms.RoomFormat;
import fi.tukipiiri.rooms.RoomKind;
import fi.tukipiiri.rooms.RoomMember;
import fi.tukipiiri.rooms.RoomRole;
import fi.tukipiiri.rooms.RoomService;
import fi.tukipiiri.rooms.RoomState;
import fi.tukipiiri.rooms.VisibleRoom;

@RestController
@RequestMapping("/api/rooms")
class RoomsController {

	private final RoomService rooms;

	RoomsController(RoomService rooms) {
		this.rooms = rooms;
	}

	record RoomView(UUID id, String title, String theme, RoomKind kind, RoomState state, boolean member,
			RoomRole myRole, Instant createdAt, RoomFormat format) {

		static RoomView of(VisibleRoom visible) {
			Room room = visible.room();
			return new RoomView(room.id(), room.title(), room.theme(), room.kind(), room.state(), visible.member(),
					visible.myRole(), room.createdAt(), room.format());
		}

		static RoomView of(Room room) {
			return new RoomView(room.id(), room.title(), room.theme(), room.kind(), room.state(), false, null,
					room.createdAt(), room.format());
		}
	}

	/**
	 * {@code title} and {@code theme} are checked by the room service under the text
	 * policy (a blank title here already); {@code format} left out is a discussion.
	 */
	record CreateRoom(@NotBlank String title, String theme, @NotNull RoomKind kind, RoomFormat format) {
	}

	record AddMember(@NotNull UUID userId, @NotNull RoomRole role) {
	}

	record ChangeState(@NotNull RoomState state) {
	}

	@GetMapping
	List<RoomView> list(Authentication caller) {
		return rooms.visibleTo(id(caller)).stream().map(RoomView::of).toList();
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@PreAuthorize("hasAnyRole('COORDINATOR', 'ADMIN')")
	RoomView create(@Valid @RequestBody CreateRoom request, Authentication caller) {
		if (request.kind() == RoomKind.PRIVATE) {
			// a private talk has its two people from the start: it is opened from a room,
			// never created empty
			throw InvalidFields.of("kind", JsonRefusal.INVALID_VALUE,
					"A room is OPEN or CLOSED; a private talk is opened from a room.");
		}
		return RoomView.of(rooms.create(request.title(), request.theme(), request.kind(),
				request.format() == null ? RoomFormat.DISCUSSION : request.format(), id(caller)));
	}

	@GetMapping("/{roomId}")
	RoomView get(@PathVariable UUID roomId, Authentication caller) {
		return RoomView.of(rooms.get(roomId, id(caller)));
	}

	@PostMapping("/{roomId}/join")
	RoomView join(@PathVariable UUID roomId, Authentication caller) {
		return RoomView.of(rooms.join(roomId, id(caller)));
	}

	@GetMapping("/{roomId}/members")
	List<RoomMember> members(@PathVariable UUID roomId, Authentication caller) {
		return rooms.members(roomId, id(caller));
	}

	@PostMapping("/{roomId}/members")
	@PreAuthorize("hasAnyRole('COORDINATOR', 'ADMIN')")
	RoomMember addMember(@PathVariable UUID roomId, @Valid @RequestBody AddMember request, Authentication caller) {
		return rooms.appoint(roomId, request.userId(), request.role(), id(caller));
	}

	@DeleteMapping("/{roomId}/members/{accountId}")
	@PreAuthorize("hasAnyRole('COORDINATOR', 'ADMIN')")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void removeMember(@PathVariable UUID roomId, @PathVariable UUID accountId, Authentication caller) {
		rooms.dismiss(roomId, accountId, id(caller));
	}

	/**
	 * A room with the people responsible in it, for the coordinators' staffing screen.
	 */
	record StaffingView(UUID id, String title, RoomKind kind, RoomState state, List<RoomMember> staff,
			boolean hasFacilitator) {

		static StaffingView of(RoomService.Staffing staffing) {
			Room room = staffing.room();
			return new StaffingView(room.id(), room.title(), room.kind(), room.state(), staffing.staff(),
					staffing.hasFacilitator());
		}
	}

	@GetMapping("/staffing")
	@PreAuthorize("hasAnyRole('COORDINATOR', 'ADMIN')")
	List<StaffingView> staffing() {
		return rooms.staffing().stream().map(StaffingView::of).toList();
	}

	@PutMapping("/{roomId}/state")
	@PreAuthorize("hasAnyRole('COORDINATOR', 'ADMIN')")
	RoomView changeState(@PathVariable UUID roomId, @Valid @RequestBody ChangeState request) {
		return RoomView.of(rooms.changeState(roomId, request.state()));
	}

	private static UUID id(Authentication caller) {
		return UUID.fromString(caller.getName());
	}

}
