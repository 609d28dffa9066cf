package fi.tukipiiri.series;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import fi.tukipiiri.accounts.Account;
import fi.tukipiiri.accounts.AccountService;
import fi.tukipiiri.accounts.Role;
import fi.tukipiiri.platform.ApiProblem;
import fi.tukipiiri.rooms.Room;
import fi.tukipiiri.rooms.RoomKind;
import fi.tukipiiri.rooms.RoomRole;
import fi.tukipiiri.rooms.RoomService;
import fi.tukipiiri.series.SeriesProblems.SeriesNotFound;
import fi.tukipiiri.text.TextFields;

/**
 * A series' or a room's own house rules, written in place of its template's. A series'
 * own rules are followed in every session room of the series; a room's own rules are for
 * a room outside any series (an open chat or a closed group a coordinator created). They
 * are read and written by coordinators and administrators, and by the series' (or the
 * room's) facilitators; a change asks every member to accept the rules again (see
 * {@link RoomGuides}).
 */
@Service
public class HouseRulesService {

	private static final Set<Role> MANAGERS = Set.of(Role.COORDINATOR, Role.ADMIN);

	private final OwnHouseRules own;

	private final GuideTexts texts;

	private final PlannedSeries series;

	private final SessionRooms sessionRooms;

	private final RoomService rooms;

	private final AccountService accounts;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	HouseRulesService(OwnHouseRules own, GuideTexts texts, PlannedSeries series, SessionRooms sessionRooms,
			RoomService rooms, AccountService accounts, ApplicationEventPublisher events, Clock clock) {
		this.own = own;
		this.texts = texts;
		this.series = series;
		this.sessionRooms = sessionRooms;
		this.rooms = rooms;
		this.accounts = accounts;
		this.events = events;
		this.clock = clock;
	}

	/** Whose rules a view is of. */
	public enum Owner {

		SERIES, ROOM

	}

	/**
	 * A series' or room's house rules as their editors see them.
	 *
	 * @param own its own rules (language code → text); null when it follows its
	 * template's
	 * @param template the rules of the template it follows otherwise; empty when none
	 * @param templateId that template; null when none applies
	 * @param version the version of the rules in force (its own, else the template's), as
	 * in the room guide; null when there are none
	 * @param updatedAt when its own rules were last saved; null when it has none
	 * @param updatedByName by whom; null when it has none or that account is gone
	 */
	public record View(Owner owner, UUID id, Map<String, String> own, Map<String, String> template, UUID templateId,
			String version, Instant updatedAt, String updatedByName) {
	}

	/** The caller may not read or change these rules. */
	public static final class RulesForbidden extends ApiProblem {

		RulesForbidden() {
			super(HttpStatus.FORBIDDEN, "series.house_rules_forbidden",
					"Only coordinators, administrators and the group's facilitators set its house rules.");
		}

	}

	/** A session room follows its series' rules; they are set on the series. */
	public static final class RulesOfSeries extends ApiProblem {

		RulesOfSeries(UUID seriesId) {
			super(HttpStatus.CONFLICT, "series.house_rules_of_series",
					"This room follows its series' house rules; set them on the series.",
					Map.of("seriesId", seriesId.toString()));
		}

	}

	/** A private talk has no house rules. */
	public static final class NoHouseRules extends ApiProblem {

		NoHouseRules() {
			super(HttpStatus.CONFLICT, "series.no_house_rules", "A private talk has no house rules.");
		}

	}

	/**
	 * @throws SeriesNotFound {@code series.not_found}
	 * @throws RulesForbidden {@code series.house_rules_forbidden} for anyone but a
	 * coordinator, an administrator or a facilitator on the series' staff
	 */
	@Transactional(readOnly = true)
	public View ofSeries(UUID seriesId, UUID caller) {
		return view(Owner.SERIES, seriesId, seriesTemplate(seriesId, caller));
	}

	/**
	 * Saves the series' own house rules, in place of its template's, for every session
	 * room of the series: {@code fi} is required, {@code sv} and {@code en} optional
	 * (empty or null: left out), each 1–2,000 code points of multi-line text.
	 * @throws SeriesNotFound {@code series.not_found}
	 * @throws RulesForbidden {@code series.house_rules_forbidden}
	 * @throws fi.tukipiiri.platform.InvalidFields {@code validation.failed} naming each
	 * refused text as {@code houseRules.language}
	 */
	@Transactional
	public View editSeries(UUID seriesId, Map<String, String> rules, UUID caller) {
		UUID template = seriesTemplate(seriesId, caller);
		series.lock(seriesId);
		return save(Owner.SERIES, seriesId, template, rules, caller);
	}

	/**
	 * Removes the series' own house rules: its template's apply again.
	 * @throws SeriesNotFound {@code series.not_found}
	 * @throws RulesForbidden {@code series.house_rules_forbidden}
	 */
	@Transactional
	public View resetSeries(UUID seriesId, UUID caller) {
		UUID template = seriesTemplate(seriesId, caller);
		series.lock(seriesId);
		return remove(Owner.SERIES, seriesId, template, caller);
	}

	/**
	 * @throws fi.tukipiiri.rooms.RoomProblems.RoomNotFound {@code rooms.not_found} (to
	 * coordinators and administrators; to anyone else every room they do not lead is
	 * {@code series.house_rules_forbidden})
	 * @throws RulesForbidden {@code series.house_rules_forbidden} for anyone but a
	 * coordinator, an administrator or the room's facilitator
	 * @throws RulesOfSeries {@code series.house_rules_of_series} for a session room
	 * @throws NoHouseRules {@code series.no_house_rules} for a private talk
	 */
	@Transactional(readOnly = true)
	public View ofRoom(UUID roomId, UUID caller) {
		return view(Owner.ROOM, roomId, roomTemplate(roomId, caller));
	}

	/**
	 * Saves a room's own house rules, in place of its template's; the texts as for
	 * {@link #editSeries}.
	 * @throws RulesForbidden {@code series.house_rules_forbidden}
	 * @throws RulesOfSeries {@code series.house_rules_of_series}
	 * @throws NoHouseRules {@code series.no_house_rules}
	 * @throws fi.tukipiiri.platform.InvalidFields {@code validation.failed}
	 */
	@Transactional
	public View editRoom(UUID roomId, Map<String, String> rules, UUID caller) {
		return save(Owner.ROOM, roomId, roomTemplate(roomId, caller), rules, caller);
	}

	/**
	 * Removes a room's own house rules: its template's apply again.
	 * @throws RulesForbidden {@code series.house_rules_forbidden}
	 * @throws RulesOfSeries {@code series.house_rules_of_series}
	 * @throws NoHouseRules {@code series.no_house_rules}
	 */
	@Transactional
	public View resetRoom(UUID roomId, UUID caller) {
		return remove(Owner.ROOM, roomId, roomTemplate(roomId, caller), caller);
	}

	private View save(Owner owner, UUID id, UUID template, Map<String, String> rules, UUID caller) {
		Map<String, String> checked = checked(rules);
		Instant now = clock.instant();
		Optional<OwnHouseRules.Stored> before = own.of(owner, id);
		if (before.isEmpty() || !before.get().rules().equals(checked)) {
			own.replace(owner, id, checked, caller, now);
			events.publishEvent(changed(owner, id, caller, now, false));
			tellRooms(owner, id);
		}
		return view(owner, id, template);
	}

	private View remove(Owner owner, UUID id, UUID template, UUID caller) {
		Instant now = clock.instant();
		if (own.delete(owner, id)) {
			events.publishEvent(changed(owner, id, caller, now, true));
			tellRooms(owner, id);
		}
		return view(owner, id, template);
	}

	/** Every room following the changed rules hears it live (after commit). */
	private void tellRooms(Owner owner, UUID id) {
		List<UUID> rooms = owner == Owner.ROOM ? List.of(id) : sessionRooms.roomsOfSeries(id);
		rooms.forEach(room -> events.publishEvent(new RoomRulesChanged(room)));
	}

	private static HouseRulesChanged changed(Owner owner, UUID id, UUID caller, Instant at, boolean removed) {
		return owner == Owner.SERIES ? new HouseRulesChanged(id, null, caller, at, removed)
				: new HouseRulesChanged(null, id, caller, at, removed);
	}

	/** Finnish is required, Swedish and English optional; no other language. */
	private static Map<String, String> checked(Map<String, String> rules) {
		TextFields fields = new TextFields();
		Map<String, String> checked = new LinkedHashMap<>();
		if (!rules.containsKey("fi")) {
			fields.refuse("houseRules.fi", "not_null", "The Finnish house rules are required.");
		}
		rules.forEach((language, body) -> {
			String path = "houseRules." + language;
			if (!RoomGuides.LANGUAGES.contains(language)) {
				fields.refuse(path, "invalid_value",
						"House rules are kept in " + String.join(", ", RoomGuides.LANGUAGES) + ".");
				return;
			}
			if (!language.equals("fi") && (body == null || body.isBlank())) {
				return;
			}
			String text = fields.check(path, SeriesFieldLimits.GUIDE_TEXT, body);
			if (text != null) {
				checked.put(language, text);
			}
		});
		fields.throwIfRefused();
		return checked;
	}

	private View view(Owner owner, UUID id, UUID template) {
		Optional<OwnHouseRules.Stored> stored = own.of(owner, id);
		Map<String, String> templateRules = template == null ? Map.of()
				: texts.textsOf(template).getOrDefault(GuideText.HOUSE_RULES, Map.of());
		Map<String, String> inForce = stored.map(OwnHouseRules.Stored::rules).orElse(templateRules);
		return new View(owner, id, stored.map(OwnHouseRules.Stored::rules).orElse(null), templateRules, template,
				RulesVersion.of(inForce), stored.map(OwnHouseRules.Stored::updatedAt).orElse(null),
				stored.map(OwnHouseRules.Stored::updatedByName).orElse(null));
	}

	/** The series' template, once the caller may set the series' rules. */
	private UUID seriesTemplate(UUID seriesId, UUID caller) {
		Series planned = series.find(seriesId).orElseThrow(SeriesNotFound::new);
		boolean facilitator = planned.staff()
			.stream()
			.anyMatch(member -> member.accountId().equals(caller) && member.role() == Series.StaffRole.FACILITATOR);
		if (!manager(caller) && !facilitator) {
			throw new RulesForbidden();
		}
		return planned.templateId();
	}

	/**
	 * The template a room outside any series follows (the first of its kind), once the
	 * caller may set the room's rules.
	 */
	private UUID roomTemplate(UUID roomId, UUID caller) {
		Room room;
		if (manager(caller)) {
			room = rooms.require(roomId);
		}
		else {
			boolean leads = rooms.member(roomId, caller).filter(m -> m.role() == RoomRole.FACILITATOR).isPresent();
			room = rooms.find(roomId).filter(found -> leads).orElseThrow(RulesForbidden::new);
		}
		if (room.kind() == RoomKind.PRIVATE) {
			throw new NoHouseRules();
		}
		Optional<UUID> seriesId = sessionRooms.seriesOf(roomId);
		if (seriesId.isPresent()) {
			throw new RulesOfSeries(seriesId.get());
		}
		return texts.defaultTemplate(room.kind(), room.format()).orElse(null);
	}

	private boolean manager(UUID caller) {
		Account account = accounts.get(caller);
		return account.roles().stream().anyMatch(MANAGERS::contains);
	}

}
