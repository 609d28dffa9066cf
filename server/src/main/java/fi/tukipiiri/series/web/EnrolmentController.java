package fi.tukipiiri.series.web;

import java.util.List;
import java.util.UUID;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import fi.tukipiiri.series.AttendanceService;
import fi.tukipiiri.series.Enrolment;
import fi.tukipiiri.series.EnrolmentService;

/**
 * A person's own enrolments only; the fill and attendance of a series for those who plan
 * it.
 */
@RestController
class EnrolmentController {

	private final EnrolmentService enrolments;

	private final AttendanceService attendance;

	EnrolmentController(EnrolmentService enrolments, AttendanceService attendance) {
		this.enrolments = enrolments;
		this.attendance = attendance;
	}

	@PostMapping("/api/series/{id}/enrolment")
	Enrolment enrol(@PathVariable UUID id, Authentication caller) {
		return enrolments.enrol(id, UUID.fromString(caller.getName()));
	}

	@DeleteMapping("/api/series/{id}/enrolment")
	Enrolment withdraw(@PathVariable UUID id, Authentication caller) {
		return enrolments.withdraw(id, UUID.fromString(caller.getName()))
			.orElseThrow(EnrolmentService.NotEnrolled::new);
	}

	@GetMapping("/api/series/{id}/enrolment")
	Enrolment mine(@PathVariable UUID id, Authentication caller) {
		return enrolments.of(id, UUID.fromString(caller.getName())).orElseThrow(EnrolmentService.NotEnrolled::new);
	}

	@GetMapping("/api/me/enrolments")
	List<Enrolment> allMine(Authentication caller) {
		return enrolments.ofAccount(UUID.fromString(caller.getName()));
	}

	@GetMapping("/api/series/{id}/attendance")
	@PreAuthorize("hasAnyRole('COORDINATOR', 'ADMIN')")
	List<AttendanceService.SessionAttendance> attendance(@PathVariable UUID id) {
		return attendance.ofSeries(id);
	}

	@GetMapping("/api/series/{id}/fill")
	@PreAuthorize("hasAnyRole('COORDINATOR', 'ADMIN')")
	EnrolmentService.Fill fill(@PathVariable UUID id) {
		return enrolments.fill(id);
	}

}
