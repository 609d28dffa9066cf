package fi.tukipiiri.series;

import java.time.Clock;
import java.util.Optional;
import java.util.Set;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import fi.tukipiiri.accounts.Account;
import fi.tukipiiri.accounts.AccountService;
import fi.tukipiiri.accounts.Role;
import fi.tukipiiri.presence.PersonArrived;
import fi.tukipiiri.presence.PersonLeft;
import fi.tukipiiri.rooms.RoomMember;
import fi.tukipiiri.rooms.RoomRole;
import fi.tukipiiri.rooms.RoomService;

/**
 * Turns presence in a session's room into attendance of that session, noting in what part
 * each person was there ({@link AttendanceService.PresentAs}).
 */
@Component
class AttendanceRecorder {

	private final Attendance attendance;

	private final RoomService rooms;

	private final AccountService accounts;

	private final Clock clock;

	AttendanceRecorder(Attendance attendance, RoomService rooms, AccountService accounts, Clock clock) {
		this.attendance = attendance;
		this.rooms = rooms;
		this.accounts = accounts;
		this.clock = clock;
	}

	@EventListener
	@Transactional
	void on(PersonArrived arrived) {
		attendance.openSessionIn(arrived.roomId(), arrived.accountId())
			.ifPresent(session -> attendance.arrived(session.sessionId(), arrived.accountId(),
					presentAs(session, rooms.member(arrived.roomId(), arrived.accountId()).map(RoomMember::role),
							accounts.findActive(arrived.accountId()).map(Account::roles).orElse(Set.of())),
					clock.instant()));
	}

	@EventListener
	@Transactional
	void on(PersonLeft left) {
		attendance.left(left.roomId(), left.accountId(), clock.instant());
	}

	/**
	 * The part a person arriving now is there in: staff by their room role or, failing
	 * that, by the series' staff list (the two agree unless someone was appointed to or
	 * taken off the room directly, and either way they are staff); an overseer when they
	 * hold the administrator's or the coordinator's role (subscribing to an open room
	 * makes anyone a participant member, so the room role alone would count them as a
	 * parent) or are no member at all; otherwise a participant.
	 */
	static AttendanceService.PresentAs presentAs(Attendance.OpenSession session, Optional<RoomRole> roomRole,
			Set<Role> accountRoles) {
		if (roomRole.isPresent() && roomRole.get() != RoomRole.PARTICIPANT) {
			return roomRole.get() == RoomRole.FACILITATOR ? AttendanceService.PresentAs.FACILITATOR
					: AttendanceService.PresentAs.PEER_SUPPORTER;
		}
		if (session.seriesStaffRole() != null) {
			return session.seriesStaffRole() == Series.StaffRole.FACILITATOR ? AttendanceService.PresentAs.FACILITATOR
					: AttendanceService.PresentAs.PEER_SUPPORTER;
		}
		if (roomRole.isEmpty() || accountRoles.contains(Role.ADMIN) || accountRoles.contains(Role.COORDINATOR)) {
			return AttendanceService.PresentAs.OVERSEER;
		}
		return AttendanceService.PresentAs.PARTICIPANT;
	}

}
