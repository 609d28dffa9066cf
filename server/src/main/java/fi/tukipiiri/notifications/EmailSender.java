package fi.tukipiiri.notifications;

import java.util.UUID;

/**
 * A second channel for notices. The default only logs that a notice would have gone out,
 * never its content.
 */
public interface EmailSender {

	void send(UUID accountId, Notification notification);

}
