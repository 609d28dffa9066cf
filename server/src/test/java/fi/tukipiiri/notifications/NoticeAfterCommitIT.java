package fi.tukipiiri.notifications;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import tools.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.messaging.simp.user.SimpUserRegistry;
import org.springframework.transaction.support.TransactionTemplate;

import fi.tukipiiri.support.ApiClient;
import fi.tukipiiri.support.ApiClient.Session;
import fi.tukipiiri.support.IntegrationTest;
import fi.tukipiiri.support.StompTestClient;

import static fi.tukipiiri.support.StompTestClient.next;
import static fi.tukipiiri.support.StompTestClient.nothing;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A notice is told live only once its transaction commits: one that rolls back reaches
 * nobody, live or stored.
 */
@IntegrationTest
class NoticeAfterCommitIT {

	@Autowired
	ApiClient api;

	@Autowired
	NotificationService notifications;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	SimpUserRegistry users;

	@Test
	void aNoticeWhoseTransactionRollsBackIsNeverDelivered() {
		Session parent = api.registerParent("Peruttu ilmoitus");
		UUID committed = UUID.randomUUID();
		try (var live = StompTestClient.connect(api.baseUrl(), parent.accessToken())) {
			var inbox = inbox(live, parent);

			UUID rolledBack = UUID.randomUUID();
			transactions.executeWithoutResult(status -> {
				notifications.notify(parent.id(), NoticeKind.REPORT_HANDLED, rolledBack,
						Map.of("roomTitle", "Ei koskaan"));
				status.setRollbackOnly();
			});
			nothing(inbox, 1_000);

			transactions.executeWithoutResult(status -> notifications.notify(parent.id(), NoticeKind.REPORT_HANDLED,
					committed, Map.of("roomTitle", "Tallennettu")));
			assertThat(next(inbox, "the committed notice").path("subjectId").asString())
				.isEqualTo(committed.toString());
			nothing(inbox, 500);
		}
		assertThat(notifications.latest(parent.id(), false, 10)).extracting(Notification::subjectId)
			.containsExactly(committed);
	}

	@Test
	void aNoticeWhoseTransactionFailsIsNeverDelivered() {
		Session parent = api.registerParent("Huoneen kuulija");
		try (var live = StompTestClient.connect(api.baseUrl(), parent.accessToken())) {
			var inbox = inbox(live, parent);
			UUID subject = UUID.randomUUID();
			try {
				transactions.executeWithoutResult(status -> {
					notifications.notify(parent.id(), NoticeKind.REPORT_HANDLED, subject,
							Map.of("roomTitle", "Kaatuu"));
					throw new IllegalStateException("the rest of the work failed");
				});
			}
			catch (IllegalStateException expected) {
				// the transaction rolled back with it
			}
			nothing(inbox, 1_000);
		}
		assertThat(notifications.latest(parent.id(), false, 10)).isEmpty();
	}

	/** The person's notices as they arrive, once the node has the subscription. */
	private BlockingQueue<JsonNode> inbox(StompTestClient live, Session person) {
		BlockingQueue<JsonNode> inbox = live.subscribe("/user/queue/notifications");
		await().atMost(5, TimeUnit.SECONDS)
			.until(() -> users
				.findSubscriptions(
						subscription -> subscription.getSession().getUser().getName().equals(person.id().toString()))
				.size() == 1);
		return inbox;
	}

}
