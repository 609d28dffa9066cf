package fi.tukipiiri.moderation;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import org.junit.jupiter.api.Test;

import fi.tukipiiri.delivery.Audience;
import fi.tukipiiri.delivery.PersonalQueue;
import fi.tukipiiri.delivery.RoomTopic;
import fi.tukipiiri.moderation.ModerationService.BanScope;
import fi.tukipiiri.rooms.RoomState;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each update is written as the web client reads it: its fields, its {@code type}, never
 * whom it is for.
 */
class ModerationUpdateTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final UUID ROOM = UUID.fromString("6f1c0d4e-8a1b-4c55-9f5e-2d3b4a5c6d7e");

	private static final UUID PERSON = UUID.fromString("0b7e2c1a-3d4f-4e5a-8b6c-7d8e9f0a1b2c");

	@Test
	void aRoomUpdateCarriesItsTypeAndGoesToTheRoomsModerationTopic() {
		var muted = new ModerationUpdate.MemberMuted(ROOM, PERSON, null);
		JsonNode json = JSON.valueToTree(muted);
		assertThat(json.path("type").asString()).isEqualTo("member-muted");
		assertThat(json.path("roomId").asString()).isEqualTo(ROOM.toString());
		assertThat(json.path("accountId").asString()).isEqualTo(PERSON.toString());
		assertThat(json.has("until")).as("null when until lifted, present all the same").isTrue();
		assertThat(json.path("until").isNull()).isTrue();
		assertThat(muted.audience()).isEqualTo(Audience.room(ROOM, RoomTopic.MODERATION));
	}

	@Test
	void aLockAndAnOpeningAreNamedByTheState() {
		assertThat(JSON.valueToTree(new ModerationUpdate.RoomLockChanged(ROOM, RoomState.READ_ONLY))
			.path("type")
			.asString()).isEqualTo("room-locked");
		JsonNode opened = JSON.valueToTree(new ModerationUpdate.RoomLockChanged(ROOM, RoomState.OPEN));
		assertThat(opened.path("type").asString()).isEqualTo("room-unlocked");
		assertThat(opened.path("state").asString()).isEqualTo("OPEN");
	}

	@Test
	void aPersonalUpdateNeverNamesItsRecipientUnlessItIsAboutThem() {
		UUID facilitator = UUID.randomUUID();
		var flagged = new ModerationUpdate.RiskFlagged(facilitator, ROOM, UUID.randomUUID(), UUID.randomUUID(), 7,
				List.of("self-harm"), Map.of("fi", "Soita 112"));
		JsonNode json = JSON.valueToTree(flagged);
		assertThat(json.path("type").asString()).isEqualTo("risk-flag");
		assertThat(json.toString()).doesNotContain(facilitator.toString());
		assertThat(json.has("recipient")).isFalse();
		assertThat(json.path("seq").asLong()).isEqualTo(7);
		assertThat(flagged.audience()).isEqualTo(Audience.person(facilitator, PersonalQueue.MODERATION));

		JsonNode banned = JSON.valueToTree(new ModerationUpdate.Banned(PERSON, ROOM, BanScope.SERIES, null));
		assertThat(banned.path("type").asString()).isEqualTo("banned");
		assertThat(banned.path("scope").asString()).isEqualTo("SERIES");
		assertThat(banned.has("reason")).isTrue();
		assertThat(banned.has("recipient")).isFalse();

		var muted = new ModerationUpdate.Muted(ROOM, PERSON, Instant.parse("2026-12-01T10:00:00Z"), "kiroilu");
		assertThat(JSON.valueToTree(muted).path("until").asString()).isEqualTo("2026-12-01T10:00:00Z");
		assertThat(muted.audience()).isEqualTo(Audience.person(PERSON, PersonalQueue.MODERATION));
	}

	@Test
	void anEmptyReasonIsNoReason() {
		assertThat(ModerationUpdate.reasonOrNull("")).isNull();
		assertThat(ModerationUpdate.reasonOrNull("syy")).isEqualTo("syy");
	}

}
