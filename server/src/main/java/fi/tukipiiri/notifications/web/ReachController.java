package fi.tukipiiri.notifications.web;

import java.time.LocalTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonFormat;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import fi.tukipiiri.notifications.NoticeKind.Category;
import fi.tukipiiri.notifications.ReachSettings;
import fi.tukipiiri.notifications.ReachSettingsService;
import fi.tukipiiri.platform.InvalidFields;

/** One's own settings for notices outside the app (e-mail, Web Push). */
@RestController
class ReachController {

	private final ReachSettingsService reach;

	ReachController(ReachSettingsService reach) {
		this.reach = reach;
	}

	/**
	 * The settings as the settings page edits them; the address only to its owner.
	 *
	 * @param quietFrom {@code HH:mm} Helsinki time, or null
	 */
	record Settings(String language, String email, boolean emailVerified, boolean fullTexts, boolean remindHourBefore,
			@JsonFormat(pattern = "HH:mm") LocalTime quietFrom, @JsonFormat(pattern = "HH:mm") LocalTime quietUntil,
			Set<Category> emailCategories, Set<Category> pushCategories) {

		static Settings of(ReachSettings s) {
			return new Settings(s.language(), s.email(), s.emailVerified(), s.fullTexts(), s.remindHourBefore(),
					s.quietFrom(), s.quietUntil(), s.emailCategories(), s.pushCategories());
		}

	}

	/** What may be changed here (the address has its own endpoints). */
	record Change(@NotNull @Size(min = 2, max = 12) String language, boolean fullTexts, boolean remindHourBefore,
			LocalTime quietFrom, LocalTime quietUntil, @NotNull @Size(max = 6) List<@NotNull Category> emailCategories,
			@NotNull @Size(max = 6) List<@NotNull Category> pushCategories) {
	}

	/** Just the language, as the language switch sets it. */
	record Language(@NotNull @Size(min = 2, max = 12) String language) {
	}

	@GetMapping("/api/me/reach")
	Settings get(Authentication caller) {
		return Settings.of(reach.of(id(caller)));
	}

	@PutMapping("/api/me/reach")
	Settings change(@RequestBody @jakarta.validation.Valid Change change, Authentication caller) {
		language(change.language());
		if ((change.quietFrom() == null) != (change.quietUntil() == null)) {
			throw InvalidFields.of(change.quietFrom() == null ? "quietFrom" : "quietUntil", "required",
					"Quiet hours need both a start and an end.");
		}
		if (change.quietFrom() != null && change.quietFrom().equals(change.quietUntil())) {
			throw InvalidFields.of("quietUntil", "invalid_value", "Quiet hours end at another time than they start.");
		}
		ReachSettings current = reach.of(id(caller));
		return Settings.of(reach.update(id(caller),
				new ReachSettings(change.language(), current.email(), current.emailVerified(), change.fullTexts(),
						change.remindHourBefore(), change.quietFrom(), change.quietUntil(),
						categories(change.emailCategories()), categories(change.pushCategories()))));
	}

	@PutMapping("/api/me/reach/language")
	@org.springframework.web.bind.annotation.ResponseStatus(HttpStatus.NO_CONTENT)
	void language(@RequestBody @jakarta.validation.Valid Language language, Authentication caller) {
		language(language.language());
		reach.useLanguage(id(caller), language.language());
	}

	private void language(String language) {
		if (!reach.offers(language)) {
			throw InvalidFields.of("language", "invalid_value", "No such language.");
		}
	}

	private static Set<Category> categories(List<Category> chosen) {
		return chosen.isEmpty() ? Set.of() : EnumSet.copyOf(chosen);
	}

	private static UUID id(Authentication caller) {
		return UUID.fromString(caller.getName());
	}

}
