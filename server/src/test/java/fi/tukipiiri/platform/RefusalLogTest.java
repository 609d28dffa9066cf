package fi.tukipiiri.platform;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(OutputCaptureExtension.class)
class RefusalLogTest {

	@Test
	void aFloodIsCutToItsBudgetAndTheNextLineCountsWhatWasLeftOut(CapturedOutput output) {
		AtomicLong now = new AtomicLong();
		RefusalLog refusals = new RefusalLog("test-flood", now::get);
		for (int i = 0; i < 75; i++) {
			refusals.refused("POST /api/series", "invalid_value capacity");
		}
		assertThat(lines(output, "Refused test-flood: POST /api/series (invalid_value capacity)"))
			.isEqualTo(RefusalLog.LINES_PER_MINUTE);
		assertThat(output.getOut()).doesNotContain("more not logged");

		now.addAndGet(TimeUnit.SECONDS.toNanos(61));
		refusals.refused("POST /api/series", "invalid_value capacity");
		assertThat(output.getOut()).contains("Refused test-flood: 55 more not logged (over 20 a minute)");
		assertThat(lines(output, "Refused test-flood: POST /api/series")).isEqualTo(RefusalLog.LINES_PER_MINUTE + 1);
	}

	@Test
	void linesCarryNoControlCharactersAndNoIds() {
		assertThat(RefusalLog.clean("GET /x\r\nFAKE ERROR line\u202E")).isEqualTo("GET /x??FAKE ERROR line?");
		assertThat(RefusalLog.clean("x".repeat(500))).hasSize(RefusalLog.MAX_DETAIL + 1);
		assertThat(RefusalLog.shape("/api/rooms/0f8fad5b-d9cb-469f-a165-70867728950e/messages?afterSeq=3"))
			.isEqualTo("/api/rooms/{}/messages");
		assertThat(RefusalLog.shape("/api/calendar/personal/ABCDEFGHJKMNPQRSTUVWXYZ234567890.ics"))
			.isEqualTo("/api/calendar/personal/{}");
		assertThat(RefusalLog.shape("/topic/rooms/1/typing")).isEqualTo("/topic/rooms/{}/typing");
	}

	private static long lines(CapturedOutput output, String text) {
		return output.getOut().lines().filter(line -> line.contains(text)).count();
	}

}
