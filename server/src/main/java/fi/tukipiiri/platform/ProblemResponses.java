package fi.tukipiiri.platform;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

/**
 * Writes a problem response from places outside Spring MVC (servlet filters, security
 * entry points).
 */
@Component
public class ProblemResponses {

	private final JsonMapper json;

	private final ProblemMetrics metrics;

	ProblemResponses(JsonMapper json, ProblemMetrics metrics) {
		this.json = json;
		this.metrics = metrics;
	}

	public void write(HttpServletResponse response, HttpStatus status, String code, String detail) throws IOException {
		write(response, status, code, detail, Map.of());
	}

	public void write(HttpServletResponse response, HttpStatus status, String code, String detail,
			Map<String, Object> extra) throws IOException {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("type", "about:blank");
		body.put("title", status.getReasonPhrase());
		body.put("status", status.value());
		body.put("detail", detail);
		body.put("code", code);
		body.putAll(extra);
		this.metrics.answered(ProblemMetrics.REST, code);
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		json.writeValue(response.getOutputStream(), body);
	}

}
