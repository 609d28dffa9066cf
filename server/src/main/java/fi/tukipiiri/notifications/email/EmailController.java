package fi.tukipiiri.notifications.email;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Date;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.mail.Address;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriUtils;

import fi.tukipiiri.auth.PasswordLinkRequests;
import fi.tukipiiri.notifications.NoticeKind.Category;
import fi.tukipiiri.notifications.ReachConfiguration;
import fi.tukipiiri.notifications.ReachSettingsService;
import fi.tukipiiri.platform.CapturedMail;
import fi.tukipiiri.platform.InvalidFields;

/**
 * One's e-mail address, the links in e-mails (verify an address, one-click unsubscribe),
 * and, for administrators of a service on the embedded SMTP server, the captured mail.
 */
@RestController
class EmailController {

	private final EmailAddresses addresses;

	private final PasswordResets resets;

	private final PasswordLinkRequests linkRequests;

	private final ReachSettingsService reach;

	private final ReachConfiguration config;

	private final ObjectProvider<CapturedMail> captured;

	EmailController(EmailAddresses addresses, PasswordResets resets, PasswordLinkRequests linkRequests,
			ReachSettingsService reach, ReachConfiguration config, ObjectProvider<CapturedMail> captured) {
		this.addresses = addresses;
		this.resets = resets;
		this.linkRequests = linkRequests;
		this.reach = reach;
		this.config = config;
		this.captured = captured;
	}

	record NewAddress(@NotNull @Size(max = EmailAddresses.MAX_LENGTH) String email) {
	}

	record Token(@NotNull @Size(max = 100) String token) {
	}

	/** Sends a link to the address; it becomes one's own once the link is opened. */
	@PostMapping("/api/me/email")
	@ResponseStatus(HttpStatus.ACCEPTED)
	void add(@RequestBody @Valid NewAddress address, Authentication caller) {
		addresses.requestVerification(id(caller), address.email());
	}

	@DeleteMapping("/api/me/email")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void remove(Authentication caller) {
		addresses.remove(id(caller));
	}

	record ForgotPassword(@NotNull @Size(max = EmailAddresses.MAX_LENGTH) String email) {
	}

	record NewPassword(@NotNull @Size(max = 100) String token, @NotNull @Size(max = 1000) String newPassword) {
	}

	/**
	 * Sends a link to set a new password, if the address is a verified one; the answer is
	 * the same either way.
	 */
	@PostMapping("/api/reach/password-reset")
	@ResponseStatus(HttpStatus.ACCEPTED)
	void forgotPassword(@RequestBody @Valid ForgotPassword forgot, HttpServletRequest http) {
		linkRequests.count(http.getRemoteAddr(), config.passwordLinksPerAddress());
		resets.request(forgot.email());
	}

	/** The link from that e-mail: the new password, which ends every sign-in. */
	@PostMapping("/api/reach/password-reset/confirm")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void resetPassword(@RequestBody @Valid NewPassword reset) {
		resets.reset(reset.token(), reset.newPassword());
	}

	/** The link from the e-mail, opened in the web client, which posts its token here. */
	@PostMapping("/api/reach/verify")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void verify(@RequestBody @Valid Token token) {
		addresses.verify(token.token());
	}

	/**
	 * RFC 8058 one-click unsubscribe: a mail program posts
	 * {@code List-Unsubscribe=One-Click} to the URL of the {@code List-Unsubscribe}
	 * header; the web client's confirmation page posts the same.
	 */
	@PostMapping("/api/reach/unsubscribe")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void unsubscribe(@RequestParam @Size(max = 100) String key, @RequestParam @Size(max = 100) String categories) {
		Set<Category> stopped = categories(categories);
		for (Category category : stopped) {
			if (!reach.unsubscribe(key, category)) {
				throw new EmailProblems.UnsubscribeUnknown();
			}
		}
	}

	/**
	 * A person who clicks the link lands on the web client's page that asks them to
	 * confirm (a GET must not unsubscribe: mail scanners open links).
	 */
	@GetMapping("/api/reach/unsubscribe")
	ResponseEntity<Void> unsubscribePage(@RequestParam @Size(max = 100) String key,
			@RequestParam @Size(max = 100) String categories) {
		categories(categories);
		URI page = config.link("#/unsubscribe?key=" + UriUtils.encode(key, StandardCharsets.UTF_8) + "&categories="
				+ UriUtils.encode(categories, StandardCharsets.UTF_8));
		return ResponseEntity.status(HttpStatus.SEE_OTHER).header(HttpHeaders.LOCATION, page.toString()).build();
	}

	/**
	 * A message the embedded SMTP server received, for the administrators' mail viewer;
	 * {@code attachments} as {@code name (content type)}, e.g. a meeting's calendar
	 * entry.
	 */
	record Captured(int index, List<String> to, String subject, Date sentAt, String text, List<String> attachments) {
	}

	/** What the embedded SMTP server received, newest first (administrators only). */
	@GetMapping("/api/admin/captured-mail")
	List<Captured> capturedMail() throws MessagingException {
		CapturedMail mail = captured.getIfAvailable();
		if (mail == null) {
			throw new EmailProblems.NoCapturedMail();
		}
		List<MimeMessage> messages = mail.messages();
		List<Captured> listed = new java.util.ArrayList<>();
		for (int i = messages.size() - 1; i >= 0; i--) {
			MimeMessage message = messages.get(i);
			Address[] to = message.getAllRecipients();
			listed.add(new Captured(i, to == null ? List.of() : Arrays.stream(to).map(Address::toString).toList(),
					message.getSubject(), message.getSentDate(), MailText.plainOf(message),
					MailText.attachmentsOf(message)));
		}
		return listed;
	}

	private static Set<Category> categories(String raw) {
		Set<Category> chosen = EnumSet.noneOf(Category.class);
		for (String name : raw.split(",")) {
			try {
				chosen.add(Category.valueOf(name.strip()));
			}
			catch (IllegalArgumentException ex) {
				throw InvalidFields.of("categories", "invalid_value", "No such category.");
			}
		}
		return chosen;
	}

	private static UUID id(Authentication caller) {
		return UUID.fromString(caller.getName());
	}

}
