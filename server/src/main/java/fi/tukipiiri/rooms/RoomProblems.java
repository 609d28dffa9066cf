package fi.tukipiiri.rooms;

import org.springframework.http.HttpStatus;

import fi.tukipiiri.platform.ApiProblem;

/**
 * The refusals of rooms and messages; the same codes reach REST callers and STOMP
 * senders.
 */
public final class RoomProblems {

	private RoomProblems() {
	}

	public static final class RoomNotFound extends ApiProblem {

		RoomNotFound() {
			super(HttpStatus.NOT_FOUND, "rooms.not_found", "No such room.");
		}

	}

	/**
	 * Also used for rooms that exist but are closed to the caller, so their existence is
	 * not revealed by a different answer.
	 */
	public static final class NotMember extends ApiProblem {

		NotMember() {
			super(HttpStatus.FORBIDDEN, "rooms.not_member", "You are not a member of this room.");
		}

	}

	public static final class ReadOnly extends ApiProblem {

		ReadOnly() {
			super(HttpStatus.CONFLICT, "rooms.read_only", "This room is not open for new messages.");
		}

	}

	/**
	 * A participant's ordinary message (or an edit, or a raised hand) in a live
	 * information session, where only the staff write; participants ask questions.
	 */
	public static final class InfoSessionStaffOnly extends ApiProblem {

		InfoSessionStaffOnly() {
			super(HttpStatus.FORBIDDEN, "rooms.info_session_staff_only",
					"In an information session only the hosts write messages. You can ask a question instead.");
		}

	}

	/**
	 * What only a room's staff (its facilitators and peer supporters, and administrators)
	 * may do or see, asked for by another member.
	 */
	public static final class StaffOnly extends ApiProblem {

		StaffOnly() {
			super(HttpStatus.FORBIDDEN, "rooms.staff_only",
					"Only the room's facilitators and peer supporters may do this.");
		}

	}

	public static final class GuestNotAllowed extends ApiProblem {

		GuestNotAllowed() {
			super(HttpStatus.CONFLICT, "rooms.guest_not_allowed", "A guest pass can only join open chats.");
		}

	}

	public static final class InvalidStaff extends ApiProblem {

		InvalidStaff(RoomRole role) {
			super(HttpStatus.CONFLICT, "rooms.invalid_staff",
					role == RoomRole.FACILITATOR ? "Only a person with the facilitator role can lead a room."
							: "Only a peer supporter or a facilitator can co-host a room.");
		}

	}

	public static final class PrivateTalkFixed extends ApiProblem {

		PrivateTalkFixed() {
			super(HttpStatus.CONFLICT, "rooms.private_talk_fixed", "A private talk keeps its two members.");
		}

	}

	public static final class MemberNotFound extends ApiProblem {

		MemberNotFound() {
			super(HttpStatus.NOT_FOUND, "rooms.member_not_found", "This person is not a member of the room.");
		}

	}

	public static final class Barred extends ApiProblem {

		Barred() {
			super(HttpStatus.FORBIDDEN, "rooms.barred", "You have been banned from this room.");
		}

	}

	public static final class MessageNotFound extends ApiProblem {

		MessageNotFound() {
			super(HttpStatus.NOT_FOUND, "message.not_found", "No such message in this room.");
		}

	}

	/** Only a message's writer may edit or remove it as their own. */
	public static final class NotWriter extends ApiProblem {

		NotWriter() {
			super(HttpStatus.FORBIDDEN, "message.not_writer", "Only the person who wrote a message may change it.");
		}

	}

	/** A removed message, or one that is not plain text (the crisis message). */
	public static final class NotEditable extends ApiProblem {

		NotEditable() {
			super(HttpStatus.CONFLICT, "message.not_editable", "This message can no longer be edited.");
		}

	}

	public static final class EditWindowClosed extends ApiProblem {

		EditWindowClosed(java.time.Duration window) {
			super(HttpStatus.CONFLICT, "message.edit_window_closed",
					"A message can be edited for " + window.toMinutes() + " minutes after sending.");
		}

	}

	public static final class EmptyMessage extends ApiProblem {

		EmptyMessage() {
			super(HttpStatus.BAD_REQUEST, "message.empty", "The message is empty.");
		}

	}

	public static final class MessageTooLong extends ApiProblem {

		MessageTooLong(int max) {
			super(HttpStatus.BAD_REQUEST, "message.too_long",
					"The message is longer than " + max + " characters (Unicode code points).");
		}

	}

	/**
	 * A message body the text policy refuses for what it holds rather than its length:
	 * see {@code TextPolicy}.
	 */
	public static final class InvalidText extends ApiProblem {

		InvalidText(String detail) {
			super(HttpStatus.BAD_REQUEST, "message.invalid_text", detail);
		}

	}

	public static final class InvalidClientId extends ApiProblem {

		InvalidClientId() {
			super(HttpStatus.BAD_REQUEST, "message.invalid_client_id",
					"Every message needs a clientId of 1–64 letters, digits, '-' or '_'.");
		}

	}

}
