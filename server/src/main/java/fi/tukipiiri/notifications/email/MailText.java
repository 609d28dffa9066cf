package fi.tukipiiri.notifications.email;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeUtility;

/** The plain-text body of a message, wherever it sits in its MIME tree. */
final class MailText {

	private MailText() {
	}

	/** Each attachment of the message as {@code name (content type)}, in order. */
	static List<String> attachmentsOf(Part part) throws MessagingException {
		List<String> found = new ArrayList<>();
		try {
			if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
				found.add(MimeUtility.decodeText(String.valueOf(part.getFileName())) + " ("
						+ part.getContentType().replaceAll("\\s+", " ") + ")");
			}
			else if (part.isMimeType("multipart/*")) {
				Multipart multipart = (Multipart) part.getContent();
				for (int i = 0; i < multipart.getCount(); i++) {
					found.addAll(attachmentsOf(multipart.getBodyPart(i)));
				}
			}
			return found;
		}
		catch (IOException ex) {
			throw new MessagingException("Unreadable message", ex);
		}
	}

	/** The first {@code text/plain} part that is not an attachment; empty if none. */
	static String plainOf(Part part) throws MessagingException {
		try {
			if (part.isMimeType("text/plain") && !Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
				return String.valueOf(part.getContent());
			}
			if (part.isMimeType("multipart/*")) {
				Multipart multipart = (Multipart) part.getContent();
				for (int i = 0; i < multipart.getCount(); i++) {
					BodyPart child = multipart.getBodyPart(i);
					String text = plainOf(child);
					if (!text.isEmpty()) {
						return text;
					}
				}
			}
			return "";
		}
		catch (IOException ex) {
			throw new MessagingException("Unreadable message", ex);
		}
	}

}
