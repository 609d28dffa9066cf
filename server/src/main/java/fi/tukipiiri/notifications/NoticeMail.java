package fi.tukipiiri.notifications;

import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Sends each stored notice by e-mail as well, once it is committed (a notice that rolled
 * back goes nowhere).
 */
@Component
class NoticeMail {

	private final EmailSender email;

	NoticeMail(EmailSender email) {
		this.email = email;
	}

	@TransactionalEventListener(fallbackExecution = true)
	void on(NoticeCreated created) {
		email.send(created.accountId(), created.notification());
	}

}
