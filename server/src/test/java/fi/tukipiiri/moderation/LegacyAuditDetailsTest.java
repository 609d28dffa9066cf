package fi.tukipiiri.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import fi.tukipiiri.accounts.Role;
import fi.tukipiiri.rooms.RoomRole;

/**
 * Audit lines written before details had shapes read back in their action's shape; an
 * unexpected text comes back as it is; new lines round-trip.
 */
class LegacyAuditDetailsTest {

	private static final UUID ID = UUID.fromString("0b6c1c3e-8f1d-4c55-9a63-1b2f3c4d5e6f");

	private static final UUID OTHER = UUID.fromString("7a1e2f30-4b5c-4d6e-8f90-a1b2c3d4e5f6");

	@Test
	void theServicesOwnTextsReadAsShapes() {
		assertThat(read(AuditAction.MUTE, "until 2026-03-01T18:30:00.123456Z", ""))
			.isEqualTo(new AuditDetails.Mute(Instant.parse("2026-03-01T18:30:00.123456Z"), null));
		assertThat(read(AuditAction.MUTE, "until lifted", "")).isEqualTo(new AuditDetails.Mute(null, true));
		assertThat(read(AuditAction.ROLES_CHANGED, "[PARENT] -> [FACILITATOR,PARENT]", "")).isEqualTo(
				new AuditDetails.RolesChange(List.of(Role.PARENT), List.of(Role.PARENT, Role.FACILITATOR), null));
		assertThat(read(AuditAction.ROLES_CHANGED, "[] -> []", ""))
			.isEqualTo(new AuditDetails.RolesChange(List.of(), List.of(), null));
		assertThat(read(AuditAction.ESCALATION_TAKEN_OVER, "REPORT " + ID + " from " + OTHER, ""))
			.isEqualTo(new AuditDetails.EscalationStep(Escalation.Signal.REPORT, ID, OTHER, null));
		assertThat(read(AuditAction.REPORT, "", "WORRY"))
			.isEqualTo(new AuditDetails.ReportDetails(null, Report.Reason.WORRY));
		assertThat(read(AuditAction.REPORT_RESOLVED, "report " + ID, ""))
			.isEqualTo(new AuditDetails.ReportDetails(ID, null));
		assertThat(read(AuditAction.APPEAL_ANSWERED, "LIFTED BAN " + ID, ""))
			.isEqualTo(new AuditDetails.AppealStep(Sanction.Kind.BAN, ID, Appeal.Outcome.LIFTED));
		assertThat(read(AuditAction.UNMUTE, "appeal " + ID, "")).isEqualTo(new AuditDetails.Lifted(ID));
		assertThat(read(AuditAction.SLOW_MODE, "0 s", "")).isEqualTo(new AuditDetails.SlowMode(0));
		assertThat(read(AuditAction.PRIVATE_TALK_OPENED, "again from room " + ID, ""))
			.isEqualTo(new AuditDetails.PrivateTalk(ID, true));
		assertThat(read(AuditAction.BAN_SERIES, "series " + ID, "")).isEqualTo(new AuditDetails.Ban(ID));
		assertThat(read(AuditAction.STAFF_APPOINTED, "PARTICIPANT", ""))
			.isEqualTo(new AuditDetails.Staffing(RoomRole.PARTICIPANT, null));
		assertThat(read(AuditAction.STAFF_DISMISSED, "", "")).isEqualTo(new AuditDetails.None());
	}

	@Test
	void anyOtherTextComesBackAsItIs() {
		assertThat(read(AuditAction.MUTE, "until tomorrow", "")).isEqualTo(new AuditDetails.Text("until tomorrow"));
		assertThat(read(AuditAction.REPORT, "", "NOT_A_REASON")).isEqualTo(new AuditDetails.None());
		assertThat(read(AuditAction.PIN, "{\"text\": 1, oops", ""))
			.isEqualTo(new AuditDetails.Text("{\"text\": 1, oops"));
		assertThat(read(AuditAction.REMOVE_MESSAGE, "", "")).isEqualTo(new AuditDetails.None());
	}

	@Test
	void newLinesReadBackAsWritten() {
		assertThat(read(AuditAction.MUTE, "{\"until\":\"2026-03-01T18:30:00Z\"}", ""))
			.isEqualTo(new AuditDetails.Mute(Instant.parse("2026-03-01T18:30:00Z"), null));
		assertThat(read(AuditAction.STAFF_DISMISSED, "{\"previousRoomRole\":\"FACILITATOR\"}", ""))
			.isEqualTo(new AuditDetails.Staffing(null, RoomRole.FACILITATOR));
	}

	private static AuditDetails read(AuditAction action, String stored, String reason) {
		return AuditLog.details(action, stored, reason);
	}

}
