package fi.tukipiiri.series;

import java.time.Clock;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import fi.tukipiiri.presence.PersonArrived;
import fi.tukipiiri.presence.PersonLeft;

/** Turns presence in a session's room into attendance of that session. */
@Component
class AttendanceRecorder {

	private final Attendance attendance;

	private final Clock clock;

	AttendanceRecorder(Attendance attendance, Clock clock) {
		this.attendance = attendance;
		this.clock = clock;
	}

	@EventListener
	@Transactional
	void on(PersonArrived arrived) {
		attendance.arrived(arrived.roomId(), arrived.accountId(), clock.instant());
	}

	@EventListener
	@Transactional
	void on(PersonLeft left) {
		attendance.left(left.roomId(), left.accountId(), clock.instant());
	}

}
