package fi.tukipiiri.feedback.web;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import fi.tukipiiri.feedback.CsvDialect;
import fi.tukipiiri.feedback.FeedbackService;
import fi.tukipiiri.feedback.FeedbackSettings;
import fi.tukipiiri.feedback.OutcomeReport;
import fi.tukipiiri.feedback.OutcomeReports;
import fi.tukipiiri.series.SeriesOverview;

@RestController
class FeedbackController {

	private final FeedbackService feedback;

	private final OutcomeReports reports;

	FeedbackController(FeedbackService feedback, OutcomeReports reports) {
		this.feedback = feedback;
		this.reports = reports;
	}

	/** The texts are checked by the feedback service under the text policy. */
	record Answer(@NotNull @Min(1) @Max(5) Integer rating, String helped, String better, String freeText,
			Boolean anonymous) {
	}

	record SelfAssessment(@NotNull @Size(max = 20) Map<String, Integer> values) {
	}

	@GetMapping("/api/me/feedback")
	List<FeedbackService.Pending> pending(Authentication caller) {
		return feedback.pending(id(caller));
	}

	@PutMapping("/api/feedback/sessions/{sessionId}")
	FeedbackService.Pending give(@PathVariable UUID sessionId, @Valid @RequestBody Answer answer,
			Authentication caller) {
		return feedback.give(sessionId, id(caller), new FeedbackService.Form(answer.rating(), answer.helped(),
				answer.better(), answer.freeText(), answer.anonymous() == null || answer.anonymous()));
	}

	@PutMapping("/api/feedback/sessions/{sessionId}/self-assessment")
	ResponseEntity<Void> assess(@PathVariable UUID sessionId, @Valid @RequestBody SelfAssessment answer,
			Authentication caller) {
		feedback.assess(sessionId, id(caller), answer.values());
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/api/feedback/self-assessment-items")
	List<FeedbackSettings.Item> items() {
		return feedback.selfAssessmentItems();
	}

	@GetMapping("/api/feedback/reports")
	List<SeriesOverview> reportable(Authentication caller) {
		return reports.reportable(id(caller));
	}

	@GetMapping("/api/feedback/reports/{seriesId}")
	OutcomeReport report(@PathVariable UUID seriesId, Authentication caller) {
		return reports.of(seriesId, id(caller));
	}

	/**
	 * {@code format}: {@code csv} (RFC 4180, the default) or {@code excel-fi} (semicolons
	 * and decimal commas).
	 */
	@GetMapping("/api/feedback/reports/{seriesId}/csv")
	ResponseEntity<byte[]> csv(@PathVariable UUID seriesId,
			@RequestParam(required = false) @Pattern(regexp = "csv|excel-fi") String format, Authentication caller) {
		CsvDialect dialect = CsvDialect.of(format);
		String suffix = dialect == CsvDialect.RFC_4180 ? "" : "-" + dialect.parameter();
		return ResponseEntity.ok()
			.contentType(new MediaType("text", "csv", Map.of("charset", "UTF-8", "header", "present")))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					"attachment; filename=\"tukipiiri-report-" + seriesId + suffix + ".csv\"")
			.body(reports.csv(seriesId, id(caller), dialect));
	}

	@GetMapping("/api/feedback/reports/{seriesId}/sessions/{sessionId}/signed")
	List<OutcomeReports.SignedAnswer> signed(@PathVariable UUID seriesId, @PathVariable UUID sessionId,
			Authentication caller) {
		return reports.signed(seriesId, sessionId, id(caller));
	}

	private static UUID id(Authentication caller) {
		return UUID.fromString(caller.getName());
	}

}
