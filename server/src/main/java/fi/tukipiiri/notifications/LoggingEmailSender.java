package fi.tukipiiri.notifications;

import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Without a real mail service, notices are logged by kind and account id only: no
 * addresses, no content.
 */
@Configuration(proxyBeanMethods = false)
class LoggingEmailSender {

	private static final Logger log = LoggerFactory.getLogger(LoggingEmailSender.class);

	@Bean
	@ConditionalOnMissingBean
	EmailSender emailSender() {
		return (UUID accountId, Notification notification) -> log.info("E-mail notice {} for account {} (logging only)",
				notification.kind(), accountId);
	}

}
