package fi.tukipiiri.notifications.push;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Component;

import fi.tukipiiri.accounts.PersonalData;

/**
 * A person's devices with push on. The export names each device and its push service but
 * not the endpoint or the keys: they are capabilities for sending to the device, of no
 * use to read. Erasure deletes them (as the account's cascade would).
 */
@Component
class PushPersonalData implements PersonalData {

	private final PushSubscriptions subscriptions;

	PushPersonalData(PushSubscriptions subscriptions) {
		this.subscriptions = subscriptions;
	}

	record ExportedDevice(UUID id, String deviceLabel, String pushService, Instant createdAt, Instant lastDeliveredAt) {
	}

	@Override
	public String part() {
		return "pushSubscriptions";
	}

	@Override
	public List<ExportedDevice> exportOf(UUID accountId) {
		return subscriptions.of(accountId)
			.stream()
			.map(device -> new ExportedDevice(device.id(), device.deviceLabel(),
					PushEndpoints.hostOf(device.endpoint()), device.createdAt(), device.lastDeliveredAt()))
			.toList();
	}

	@Override
	public void erase(UUID accountId) {
		subscriptions.deleteAllOf(accountId);
	}

}
