package fi.tukipiiri.moderation;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import fi.tukipiiri.accounts.Role;
import fi.tukipiiri.rooms.RoomRole;

/**
 * Reads the free text that audit lines held before their details had shapes (such lines
 * stay as written: the table refuses updates) into the shape of their action where the
 * text is one the service wrote; any other text comes back as {@link AuditDetails.Text}.
 */
final class LegacyAuditDetails {

	private static final String ID = "([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})";

	private static final Pattern MUTE_UNTIL = Pattern.compile("until (\\S+)");

	private static final Pattern SECONDS = Pattern.compile("(\\d{1,6}) s");

	private static final Pattern ROLES = Pattern
		.compile("\\[([A-Z_,]*)\\] -> \\[([A-Z_,]*)\\](?: \\(invitation " + ID + "\\))?");

	private static final Pattern INVITATION = Pattern.compile("invitation " + ID + ", series " + ID);

	private static final Pattern SERIES = Pattern.compile("series " + ID);

	private static final Pattern ESCALATION = Pattern.compile("([A-Z_]+) " + ID + "(?: from " + ID + ")?");

	private static final Pattern REPORT = Pattern.compile("report " + ID);

	private static final Pattern APPEAL = Pattern.compile("(?:(LIFTED|UPHELD) )?(MUTE|BAN) " + ID);

	private static final Pattern LIFTED_BY_APPEAL = Pattern.compile("appeal " + ID);

	private static final Pattern PRIVATE_TALK = Pattern.compile("(again )?from room " + ID);

	private LegacyAuditDetails() {
	}

	/**
	 * @param reason the line's reason: an older {@code REPORT} line held its category
	 * there
	 */
	static AuditDetails read(AuditAction action, String text, String reason) {
		try {
			AuditDetails read = switch (action) {
				case MUTE -> "until lifted".equals(text) ? AuditDetails.Mute.of(null)
						: match(MUTE_UNTIL, text, m -> AuditDetails.Mute.of(Instant.parse(m.group(1))));
				case SLOW_MODE -> match(SECONDS, text, m -> new AuditDetails.SlowMode(Integer.valueOf(m.group(1))));
				case ROLES_CHANGED -> match(ROLES, text,
						m -> new AuditDetails.RolesChange(roles(m.group(1)), roles(m.group(2)), uuid(m.group(3))));
				case PEER_INVITED, PEER_INVITATION_ACCEPTED, PEER_INVITATION_DECLINED, PEER_INVITATION_WITHDRAWN ->
					match(INVITATION, text, m -> new AuditDetails.Invitation(uuid(m.group(1)), uuid(m.group(2))));
				case HOUSE_RULES_CHANGED, HOUSE_RULES_RESET -> text.isEmpty() ? new AuditDetails.HouseRules(null)
						: match(SERIES, text, m -> new AuditDetails.HouseRules(uuid(m.group(1))));
				case BAN, BAN_SERIES -> text.isEmpty() ? new AuditDetails.Ban(null)
						: match(SERIES, text, m -> new AuditDetails.Ban(uuid(m.group(1))));
				case ESCALATION_TAKEN, ESCALATION_TAKEN_OVER, ESCALATION_CLOSED ->
					match(ESCALATION, text, m -> new AuditDetails.EscalationStep(Escalation.Signal.valueOf(m.group(1)),
							uuid(m.group(2)), uuid(m.group(3)), null));
				case REPORT ->
					text.isEmpty() ? new AuditDetails.ReportDetails(null, Report.Reason.valueOf(reason)) : null;
				case REPORT_RESOLVED, REPORT_DISMISSED ->
					match(REPORT, text, m -> new AuditDetails.ReportDetails(uuid(m.group(1)), null));
				case APPEAL, APPEAL_ANSWERED ->
					match(APPEAL, text, m -> new AuditDetails.AppealStep(Sanction.Kind.valueOf(m.group(2)),
							uuid(m.group(3)), m.group(1) == null ? null : Appeal.Outcome.valueOf(m.group(1))));
				case UNMUTE, UNBAN -> text.isEmpty() ? new AuditDetails.Lifted(null)
						: match(LIFTED_BY_APPEAL, text, m -> new AuditDetails.Lifted(uuid(m.group(1))));
				case PRIVATE_TALK_OPENED -> match(PRIVATE_TALK, text,
						m -> new AuditDetails.PrivateTalk(uuid(m.group(2)), m.group(1) == null ? null : true));
				case STAFF_APPOINTED, MEMBER_ADDED ->
					text.isEmpty() ? null : new AuditDetails.Staffing(RoomRole.valueOf(text), null);
				case ADMIN_READ_ROOM -> text.isEmpty() ? null : new AuditDetails.AdminRead(text);
				default -> null;
			};
			if (read != null) {
				return read;
			}
		}
		catch (IllegalArgumentException | DateTimeParseException unreadable) {
			// Not a text the service wrote: shown as it is.
		}
		return text.isEmpty() ? new AuditDetails.None() : new AuditDetails.Text(text);
	}

	private static AuditDetails match(Pattern pattern, String text, Function<Matcher, AuditDetails> read) {
		Matcher matcher = pattern.matcher(text);
		return matcher.matches() ? read.apply(matcher) : null;
	}

	private static List<Role> roles(String names) {
		return names.isEmpty() ? List.of() : Arrays.stream(names.split(",")).map(Role::valueOf).sorted().toList();
	}

	private static UUID uuid(String text) {
		return text == null ? null : UUID.fromString(text);
	}

}
