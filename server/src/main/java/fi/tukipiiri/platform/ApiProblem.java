package fi.tukipiiri.platform;

import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A refusal the client can act on: an RFC 9457 problem with a stable machine-readable
 * {@code code}. Features name their refusals as subclasses close to where they happen
 * ({@code UsernameTaken}, ...).
 */
public abstract class ApiProblem extends ErrorResponseException {

	private final String code;

	protected ApiProblem(HttpStatus status, String code, String detail) {
		this(status, code, detail, Map.of());
	}

	protected ApiProblem(HttpStatus status, String code, String detail, Map<String, Object> properties) {
		super(status, problem(status, code, detail, properties), null);
		this.code = code;
	}

	public String code() {
		return code;
	}

	@Override
	public String getMessage() {
		return code + ": " + getBody().getDetail();
	}

	private static ProblemDetail problem(HttpStatus status, String code, String detail,
			Map<String, Object> properties) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setTitle(status.getReasonPhrase());
		problem.setProperty("code", code);
		properties.forEach(problem::setProperty);
		return problem;
	}

}
