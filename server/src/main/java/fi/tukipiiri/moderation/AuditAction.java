package fi.tukipiiri.moderation;

/**
 * Every action the audit log records, each with the shape of its details. The
 * {@code action} filter of {@code GET /api/moderation/audit} accepts exactly these names;
 * the web client's list and names of them are checked against this enum by a test.
 */
public enum AuditAction {

	/** A facilitator removed a message: its text. */
	REMOVE_MESSAGE(AuditDetails.Text.class),
	/** A mute in a room: until when. */
	MUTE(AuditDetails.Mute.class),
	/** A mute lifted, by a facilitator or an appeal's answer. */
	UNMUTE(AuditDetails.Lifted.class),
	/** A facilitator took a member out of the room as a moderation step. */
	REMOVE_MEMBER(AuditDetails.None.class),
	/** A ban from a room. */
	BAN(AuditDetails.Ban.class),
	/** A ban from every room of a series. */
	BAN_SERIES(AuditDetails.Ban.class),
	/** Bans lifted, by a facilitator or an appeal's answer. */
	UNBAN(AuditDetails.Lifted.class),
	/** The room locked. */
	LOCK(AuditDetails.None.class),
	/** The room opened again. */
	UNLOCK(AuditDetails.None.class),
	/** Slow mode set; 0 seconds is off. */
	SLOW_MODE(AuditDetails.SlowMode.class),
	/** An announcement pinned: its text. */
	PIN(AuditDetails.Text.class),
	/** The announcement taken down. */
	UNPIN(AuditDetails.None.class),
	/** The crisis message sent into the room. */
	CRISIS_MESSAGE(AuditDetails.None.class),
	/** A member reported a message or a person: the reason category. */
	REPORT(AuditDetails.ReportDetails.class),
	/** A report handled with action. */
	REPORT_RESOLVED(AuditDetails.ReportDetails.class),
	/** A report handled without action. */
	REPORT_DISMISSED(AuditDetails.ReportDetails.class),
	/** A concern on the safety desk taken. */
	ESCALATION_TAKEN(AuditDetails.EscalationStep.class),
	/** A concern taken from the one holding it. */
	ESCALATION_TAKEN_OVER(AuditDetails.EscalationStep.class),
	/** A concern closed as handled. */
	ESCALATION_CLOSED(AuditDetails.EscalationStep.class),
	/** A private talk opened with a participant. */
	PRIVATE_TALK_OPENED(AuditDetails.PrivateTalk.class),
	/** A person appealed a sanction on them. */
	APPEAL(AuditDetails.AppealStep.class),
	/** An appeal answered. */
	APPEAL_ANSWERED(AuditDetails.AppealStep.class),
	/** A writer edited their message: the text it replaced. */
	EDIT_OWN_MESSAGE(AuditDetails.Text.class),
	/** A writer removed their message: its text. */
	DELETE_OWN_MESSAGE(AuditDetails.Text.class),
	/** An account's roles changed. */
	ROLES_CHANGED(AuditDetails.RolesChange.class),
	/** Someone invited a person to be a peer supporter. */
	PEER_INVITED(AuditDetails.Invitation.class),
	/** The person invited accepted. */
	PEER_INVITATION_ACCEPTED(AuditDetails.Invitation.class),
	/** The person invited declined. */
	PEER_INVITATION_DECLINED(AuditDetails.Invitation.class),
	/** The one who invited withdrew the invitation. */
	PEER_INVITATION_WITHDRAWN(AuditDetails.Invitation.class),
	/**
	 * A facilitator or peer supporter appointed to a room (or their room role changed).
	 */
	STAFF_APPOINTED(AuditDetails.Staffing.class),
	/**
	 * A facilitator or peer supporter taken out of a room, or back to a participant's
	 * role in it.
	 */
	STAFF_DISMISSED(AuditDetails.Staffing.class),
	/** A coordinator or an administrator added a participant to a room. */
	MEMBER_ADDED(AuditDetails.Staffing.class),
	/** A coordinator or an administrator took a participant out of a room. */
	MEMBER_REMOVED(AuditDetails.Staffing.class),
	/** A series' or a room's own house rules saved. */
	HOUSE_RULES_CHANGED(AuditDetails.HouseRules.class),
	/** Own house rules removed: the template's apply again. */
	HOUSE_RULES_RESET(AuditDetails.HouseRules.class),
	/** An administrator who is not a member read a closed group or a private talk. */
	ADMIN_READ_ROOM(AuditDetails.AdminRead.class);

	private final Class<? extends AuditDetails> details;

	AuditAction(Class<? extends AuditDetails> details) {
		this.details = details;
	}

	/** The shape of this action's details; recording other details is refused. */
	public Class<? extends AuditDetails> details() {
		return details;
	}

}
