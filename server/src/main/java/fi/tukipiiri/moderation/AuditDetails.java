package fi.tukipiiri.moderation;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import fi.tukipiiri.accounts.Role;
import fi.tukipiiri.rooms.RoomRole;

/**
 * What an audit line says beyond who did what to whom: a JSON object whose shape is fixed
 * by the line's {@link AuditAction} (see {@link AuditAction#details()}). Stored as that
 * object's JSON text; absent values are left out. A line written before details had
 * shapes, whose text could not be read back into one, comes back as {@link Text} with
 * that text; a line whose personal text was erased comes back as {@link None}
 * ({@code {}}).
 *
 * <p>
 * Personal text (what someone wrote) is only ever the whole of a {@link Text}, so that
 * erasure can blank a line's details without losing anything else.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public sealed interface AuditDetails {

	/** Nothing more to say: {@code {}}. */
	record None() implements AuditDetails {
	}

	/**
	 * {@code {text: string}}: a removed, edited or self-removed message's text, a pinned
	 * announcement, or an older line's words as written then.
	 */
	record Text(String text) implements AuditDetails {
	}

	/**
	 * {@code {until?: instant, untilLifted?: true}}: when a mute ends, or that it lasts
	 * until lifted.
	 */
	record Mute(Instant until, Boolean untilLifted) implements AuditDetails {

		static Mute of(Instant until) {
			return until == null ? new Mute(null, true) : new Mute(until, null);
		}

	}

	/** {@code {seriesId?: id}}: a ban from a whole series names it. */
	record Ban(UUID seriesId) implements AuditDetails {
	}

	/**
	 * {@code {appealId?: id}}: a mute or ban lifted by answering that appeal; without it
	 * a facilitator lifted it.
	 */
	record Lifted(UUID appealId) implements AuditDetails {
	}

	/** {@code {slowModeSeconds: integer}}: 0 turns slow mode off. */
	record SlowMode(Integer slowModeSeconds) implements AuditDetails {
	}

	/**
	 * {@code {reportId?: id, reportReason?: reason}}: a report's reason category
	 * ({@link Report.Reason}); a handled report also its id.
	 */
	record ReportDetails(UUID reportId, Report.Reason reportReason) implements AuditDetails {
	}

	/**
	 * {@code {source: signal, escalationId: id, previousHolderId?: id,
	 * previousHolderName?: string}}: what raised the concern ({@link Escalation.Signal})
	 * and, when taken over, from whom (the name is read when the line is, so an erased
	 * account's is its erased name).
	 */
	record EscalationStep(Escalation.Signal source, UUID escalationId, UUID previousHolderId,
			String previousHolderName) implements AuditDetails {

		EscalationStep withPreviousHolderName(String name) {
			return new EscalationStep(source, escalationId, previousHolderId, name);
		}

	}

	/** {@code {fromRoomId: id, again?: true}}: from which room; again when it existed. */
	record PrivateTalk(UUID fromRoomId, Boolean again) implements AuditDetails {
	}

	/**
	 * {@code {sanction: MUTE|BAN, sanctionId: id, outcome?: LIFTED|UPHELD}}: the appealed
	 * sanction, and for an answer its outcome.
	 */
	record AppealStep(Sanction.Kind sanction, UUID sanctionId, Appeal.Outcome outcome) implements AuditDetails {
	}

	/**
	 * {@code {rolesBefore: [role], rolesAfter: [role], invitationId?: id}}: the account's
	 * roles before and after, sorted; the invitation whose acceptance gave the role.
	 */
	record RolesChange(List<Role> rolesBefore, List<Role> rolesAfter, UUID invitationId) implements AuditDetails {
	}

	/** {@code {invitationId: id, seriesId: id}}: a peer-supporter invitation's step. */
	record Invitation(UUID invitationId, UUID seriesId) implements AuditDetails {
	}

	/**
	 * {@code {roomRole?: roomRole, previousRoomRole?: roomRole}}: the room role given
	 * (none when taken out) and the one held before (none when not a member).
	 */
	record Staffing(RoomRole roomRole, RoomRole previousRoomRole) implements AuditDetails {
	}

	/** {@code {seriesId?: id}}: a series' own house rules name it; a room's do not. */
	record HouseRules(UUID seriesId) implements AuditDetails {
	}

	/**
	 * {@code {readVia: string}}: what the administrator opened (e.g. {@code history},
	 * {@code members}, {@code subscribe}).
	 */
	record AdminRead(String readVia) implements AuditDetails {
	}

}
