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

	/**
	 * Writes a feature's refusal as it would leave a controller: its status, code, extra
	 * members and headers (e.g. {@code Retry-After}).
	 */
	public void write(HttpServletResponse response, ApiProblem problem) throws IOException {
		problem.getHeaders().forEach((name, values) -> values.forEach(value -> response.addHeader(name, value)));
		Map<String, Object> extra = new LinkedHashMap<>();
		if (problem.getBody().getProperties() != null) {
			extra.putAll(problem.getBody().getProperties());
		}
		extra.remove("code");
		write(response, HttpStatus.valueOf(problem.getStatusCode().value()), problem.code(),
				problem.getBody().getDetail(), extra);
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
