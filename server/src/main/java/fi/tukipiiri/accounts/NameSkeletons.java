package fi.tukipiiri.accounts;

import java.util.List;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

import fi.tukipiiri.text.TextPolicy;

/**
 * Display names stored before the text policy get their NFC form and their look-alike
 * skeleton, once, before the node takes requests. Nodes starting together may both do it;
 * each row is written by one of them.
 */
@Component
class NameSkeletons implements SmartInitializingSingleton {

	private static final int BATCH = 500;

	private final Accounts accounts;

	NameSkeletons(Accounts accounts) {
		this.accounts = accounts;
	}

	@Override
	public void afterSingletonsInstantiated() {
		List<Accounts.Unkeyed> batch;
		do {
			batch = accounts.withoutSkeleton(BATCH);
			for (Accounts.Unkeyed row : batch) {
				String name = TextPolicy.nfc(row.displayName());
				accounts.keyName(row.id(), name, TextPolicy.skeleton(name));
			}
		}
		while (batch.size() == BATCH);
	}

}
