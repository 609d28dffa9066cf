package fi.tukipiiri.series;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import fi.tukipiiri.platform.ApiProblem;
import fi.tukipiiri.platform.RetentionRule;
import fi.tukipiiri.rooms.Room;
import fi.tukipiiri.rooms.RoomKind;
import fi.tukipiiri.rooms.RoomRole;
import fi.tukipiiri.rooms.RoomRules;
import fi.tukipiiri.rooms.RoomService;
import fi.tukipiiri.series.RoomGuide.Acceptance;
import fi.tukipiiri.series.RoomGuide.ReadyMessage;
import fi.tukipiiri.text.TextFields;

/**
 * House rules and ready-made facilitator messages, from the programme template a room
 * follows: its series' template, or for a room outside any series the first template of
 * its kind. A series may have house rules of its own, which every session room of the
 * series follows instead, and so may a room outside any series. A participant accepts the
 * house rules before their first message: once per series in a closed group's sessions,
 * once per room in another closed group, once a day (Helsinki) in open chats; an
 * acceptance holds for the rules as they were (their {@link RulesVersion}), so a change
 * to them asks again. Staff (facilitators, peer supporters) and private talks are not
 * asked. With {@code tukipiiri.series.house-rules-required} a message from someone who
 * has not accepted is refused {@code rooms.rules_not_accepted}.
 */
@Service
public class RoomGuides implements RoomRules, RetentionRule {

	/** The languages texts are kept in. */
	static final List<String> LANGUAGES = List.of("fi", "sv", "en");

	/** The states of a session whose room has opened. */
	static final java.util.Set<Series.SessionState> OPENED = java.util.EnumSet.of(Series.SessionState.LOBBY,
			Series.SessionState.LIVE, Series.SessionState.ENDED);

	private final GuideTexts texts;

	private final OwnHouseRules ownRules;

	/**
	 * Taken when first used: the room service asks every {@link RoomRules}, this one too.
	 */
	private final ObjectProvider<RoomService> roomService;

	private final SessionRooms sessionRooms;

	private final TemplateService templates;

	private final SeriesSettings settings;

	private final Clock clock;

	private final SessionMaterials materials;

	RoomGuides(GuideTexts texts, OwnHouseRules ownRules, ObjectProvider<RoomService> roomService,
			SessionRooms sessionRooms, TemplateService templates, SeriesSettings settings, Clock clock,
			SessionMaterials materials) {
		this.texts = texts;
		this.ownRules = ownRules;
		this.materials = materials;
		this.roomService = roomService;
		this.sessionRooms = sessionRooms;
		this.templates = templates;
		this.settings = settings;
		this.clock = clock;
	}

	/** The house rules are not accepted yet: the client shows them, then sends again. */
	public static final class RulesNotAccepted extends ApiProblem {

		RulesNotAccepted() {
			super(HttpStatus.CONFLICT, "rooms.rules_not_accepted",
					"Read and accept the group's house rules before your first message.");
		}

	}

	/**
	 * Which rules a room follows, what an acceptance of them is called, and the rules
	 * themselves (language code → text; empty when there are none to accept).
	 */
	/**
	 * @param earlierKey where an acceptance of the rules this group followed before its
	 * own is kept, when that is elsewhere (an open chat's day under its template's
	 * rules); null otherwise
	 */
	private record Scope(UUID templateId, Acceptance acceptance, String key, Map<String, String> rules,
			RoomGuide.RulesSource source, String earlierKey) {

		Scope(UUID templateId, Acceptance acceptance, String key, Map<String, String> rules,
				RoomGuide.RulesSource source) {
			this(templateId, acceptance, key, rules, source, null);
		}

		String version() {
			return RulesVersion.of(rules);
		}

		boolean hasRules() {
			return !rules.isEmpty();
		}

	}

	/**
	 * The room's guide as the caller sees it.
	 * @throws fi.tukipiiri.rooms.RoomProblems.NotMember {@code rooms.not_member} for
	 * anyone who may not read the room
	 */
	@Transactional(readOnly = true)
	public RoomGuide guide(UUID roomId, UUID accountId) {
		RoomService.Access access = rooms().requireReader(roomId, accountId, "guide");
		Optional<Scope> found = scopeOf(access.room());
		RoomGuide.SessionClock session = texts.sessionOfRoom(roomId).orElse(null);
		RoomGuide.Material material = materialOf(roomId, session);
		if (found.isEmpty()) {
			return new RoomGuide(null, Map.of(), Acceptance.NONE, true, List.of(), session, material, null, null,
					false);
		}
		Scope scope = found.get();
		boolean staff = staff(access.role());
		List<ReadyMessage> messages = new ArrayList<>();
		if ((staff || access.overseer()) && scope.templateId() != null) {
			texts.textsOf(scope.templateId()).forEach((kind, byLanguage) -> {
				if (kind != GuideText.HOUSE_RULES) {
					messages.add(new ReadyMessage(kind, byLanguage));
				}
			});
		}
		boolean asked = scope.hasRules() && !staff && !access.overseer();
		Optional<String> acceptedVersion = asked ? texts.acceptedVersion(accountId, scope.key()) : Optional.empty();
		boolean accepted = !asked || acceptedVersion.filter(scope.version()::equals).isPresent();
		// the group's first rules of its own replace ones accepted under its template's
		// today
		boolean acceptedEarlier = acceptedVersion.isPresent() || (asked && !accepted && scope.earlierKey() != null
				&& texts.acceptedVersion(accountId, scope.earlierKey()).isPresent());
		return new RoomGuide(scope.templateId(), scope.rules(), asked ? scope.acceptance() : Acceptance.NONE, accepted,
				messages, session, material, scope.hasRules() ? scope.version() : null,
				scope.hasRules() ? scope.source() : null, !accepted && acceptedEarlier);
	}

	/**
	 * The session's material, once its room has opened: in the lobby, while it is live,
	 * and afterwards while the room can still be read; never before.
	 */
	private RoomGuide.Material materialOf(UUID roomId, RoomGuide.SessionClock session) {
		if (session == null || !OPENED.contains(session.state())) {
			return null;
		}
		return sessionRooms.sessionOf(roomId)
			.flatMap(found -> materials.ofSeriesSession(found.seriesId(), found.position())
				.map(material -> new RoomGuide.Material(found.seriesId(), found.position(), material.material(),
						material.exercise())))
			.orElse(null);
	}

	/**
	 * The caller accepts the room's house rules as they are now, for as long as they hold
	 * (a series, a room, a day); accepting again changes nothing.
	 * @throws fi.tukipiiri.rooms.RoomProblems.NotMember {@code rooms.not_member}
	 */
	@Transactional
	public RoomGuide accept(UUID roomId, UUID accountId) {
		rooms().requireMember(roomId, accountId);
		RoomService.Access access = rooms().requireReader(roomId, accountId, "guide");
		scopeOf(access.room()).filter(Scope::hasRules)
			.ifPresent(scope -> texts.accept(accountId, scope.key(), scope.version(), clock.instant()));
		return guide(roomId, accountId);
	}

	/**
	 * A template's texts, for those who plan series: kind → language → text.
	 * @throws TemplateService.TemplateNotFound {@code series.template_not_found}
	 */
	@Transactional(readOnly = true)
	public Map<GuideText, Map<String, String>> textsOf(UUID templateId) {
		templates.get(templateId);
		return texts.textsOf(templateId);
	}

	/**
	 * Replaces the given texts of a template (kind → language → text; an empty text
	 * removes that language, a null one is left as it is; the house rules must keep their
	 * Finnish text). Each passes the multi-line text policy, at most 2,000 code points.
	 * @throws TemplateService.TemplateNotFound {@code series.template_not_found}
	 * @throws fi.tukipiiri.platform.InvalidFields {@code validation.failed} naming each
	 * refused text as {@code texts.KIND.language}
	 */
	@Transactional
	public Map<GuideText, Map<String, String>> edit(UUID templateId, Map<GuideText, Map<String, String>> edits) {
		templates.get(templateId);
		TextFields fields = new TextFields();
		Map<GuideText, Map<String, String>> checked = new LinkedHashMap<>();
		edits.forEach((kind, byLanguage) -> {
			if (byLanguage == null) {
				fields.refuse("texts." + kind.name(), "not_null", "Give the texts by language, e.g. {\"fi\": \"…\"}.");
				return;
			}
			byLanguage.forEach((language, body) -> {
				String path = "texts." + kind.name() + "." + language;
				if (!LANGUAGES.contains(language)) {
					fields.refuse(path, "invalid_value", "Texts are kept in " + String.join(", ", LANGUAGES) + ".");
					return;
				}
				if (body == null) {
					// not given: that text stays as it is
					return;
				}
				boolean removable = !(kind == GuideText.HOUSE_RULES && language.equals("fi"));
				String text = removable && body.isBlank() ? "" : fields.check(path, SeriesFieldLimits.GUIDE_TEXT, body);
				checked.computeIfAbsent(kind, k -> new LinkedHashMap<>()).put(language, text == null ? "" : text);
			});
		});
		fields.throwIfRefused();
		texts.replace(templateId, checked);
		return texts.textsOf(templateId);
	}

	/**
	 * Refuses the messages of participants who have not accepted the house rules, when
	 * that is required; one query for the whole batch (rooms are looked up once each).
	 */
	@Override
	public List<Optional<ApiProblem>> checkSends(List<Sender> senders) {
		List<Optional<ApiProblem>> verdicts = new ArrayList<>(senders.size());
		if (!settings.houseRulesRequired()) {
			senders.forEach(sender -> verdicts.add(Optional.empty()));
			return verdicts;
		}
		Map<UUID, Optional<Scope>> scopes = new HashMap<>();
		List<UUID> askedIds = new ArrayList<>();
		List<String> askedScopes = new ArrayList<>();
		List<String> askedVersions = new ArrayList<>();
		for (Sender sender : senders) {
			Optional<Scope> scope = asked(sender, scopes);
			scope.ifPresent(found -> {
				askedIds.add(sender.author().accountId());
				askedScopes.add(found.key());
				askedVersions.add(found.version());
			});
		}
		java.util.Set<String> accepted = askedIds.isEmpty() ? java.util.Set.of()
				: texts.accepted(askedIds, askedScopes, askedVersions);
		for (Sender sender : senders) {
			Optional<Scope> scope = asked(sender, scopes);
			boolean ok = scope.isEmpty() || accepted.contains(sender.author().accountId() + " " + scope.get().key());
			verdicts.add(ok ? Optional.empty() : Optional.of(new RulesNotAccepted()));
		}
		return verdicts;
	}

	/**
	 * The rules the sender must have accepted; none for staff or a room without rules.
	 */
	private Optional<Scope> asked(Sender sender, Map<UUID, Optional<Scope>> scopes) {
		if (staff(sender.author().role())) {
			return Optional.empty();
		}
		return scopes.computeIfAbsent(sender.roomId(), this::scopeOfRoom).filter(Scope::hasRules);
	}

	@Override
	public boolean barred(UUID roomId, UUID accountId) {
		return false;
	}

	@Override
	public String name() {
		return "house-rules.open-chat-days";
	}

	/** An open chat's acceptance holds for its day; after two days it is not needed. */
	@Override
	public int purge(Instant now) {
		return texts.deleteDayAcceptancesBefore(now.minus(Duration.ofDays(2)));
	}

	private RoomService rooms() {
		return roomService.getObject();
	}

	private Optional<Scope> scopeOfRoom(UUID roomId) {
		return rooms().find(roomId).flatMap(this::scopeOf);
	}

	private Optional<Scope> scopeOf(Room room) {
		if (room.kind() == RoomKind.PRIVATE) {
			return Optional.empty();
		}
		Optional<UUID> seriesId = sessionRooms.seriesOf(room.id());
		Optional<GuideTexts.SeriesTemplate> series = seriesId.flatMap(texts::templateOfSeries);
		RoomKind kind = series.map(GuideTexts.SeriesTemplate::kind).orElse(room.kind());
		Optional<UUID> template = series.map(GuideTexts.SeriesTemplate::templateId)
			.or(() -> texts.defaultTemplate(kind, room.format()));
		Optional<OwnHouseRules.Stored> own = seriesId.isPresent()
				? ownRules.of(HouseRulesService.Owner.SERIES, seriesId.get())
				: ownRules.of(HouseRulesService.Owner.ROOM, room.id());
		if (template.isEmpty() && own.isEmpty()) {
			return Optional.empty();
		}
		RoomGuide.RulesSource source = own.isEmpty() ? RoomGuide.RulesSource.TEMPLATE
				: seriesId.isPresent() ? RoomGuide.RulesSource.SERIES : RoomGuide.RulesSource.ROOM;
		Map<String, String> rules = own.map(OwnHouseRules.Stored::rules)
			.orElseGet(() -> texts.textsOf(template.get()).getOrDefault(GuideText.HOUSE_RULES, Map.of()));
		UUID templateId = template.orElse(null);
		if (kind == RoomKind.OPEN) {
			// one acceptance a day covers every open chat following the same rules
			String followed = switch (source) {
				case TEMPLATE -> templateId.toString();
				case SERIES -> "series-" + seriesId.get();
				case ROOM -> "room-" + room.id();
			};
			LocalDate today = LocalDate.now(clock.withZone(Recurrence.HELSINKI));
			String earlier = source == RoomGuide.RulesSource.TEMPLATE || templateId == null ? null
					: "day:" + templateId + ":" + today;
			return Optional
				.of(new Scope(templateId, Acceptance.DAY, "day:" + followed + ":" + today, rules, source, earlier));
		}
		return Optional.of(seriesId.isPresent()
				? new Scope(templateId, Acceptance.SERIES, "series:" + seriesId.get(), rules, source)
				: new Scope(templateId, Acceptance.ROOM, "room:" + room.id(), rules, source));
	}

	private static boolean staff(RoomRole role) {
		return role == RoomRole.FACILITATOR || role == RoomRole.PEER_SUPPORTER;
	}

}
