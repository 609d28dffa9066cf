package fi.tukipiiri.platform;

import java.io.IOException;
import java.io.Writer;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;

import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

/**
 * Requests Tomcat refuses before they reach the application (a request line or headers
 * too large, an encoded slash in the path, a malformed URI) are answered as RFC 9457
 * problems with a stable {@code code}, like every other refusal, instead of Tomcat's HTML
 * error page: its error report valve is replaced by {@link ProblemReportValve}.
 */
@Component
class TomcatProblemReports implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

	@Override
	public void customize(TomcatServletWebServerFactory factory) {
		factory.addContextCustomizers(context -> {
			if (context.getParent() instanceof StandardHost host) {
				host.setErrorReportValveClass(ProblemReportValve.class.getName());
			}
		});
	}

	/**
	 * Writes {@code application/problem+json} for an error response nothing has written a
	 * body for: {@code request.malformed} for a 400, {@code request.too_large} for a 413
	 * or 431, {@code request.refused} for any other 4xx and {@code server.error} for a
	 * 5xx. Never the exception or the request's contents.
	 */
	public static class ProblemReportValve extends ErrorReportValve {

		@Override
		protected void report(Request request, Response response, Throwable throwable) {
			int status = response.getStatus();
			if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
				return;
			}
			String code = switch (status) {
				case 400 -> "request.malformed";
				case 413, 431 -> "request.too_large";
				default -> status >= 500 ? "server.error" : "request.refused";
			};
			HttpStatus known = HttpStatus.resolve(status);
			String title = known == null ? "Error" : known.getReasonPhrase();
			try {
				response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
				response.setCharacterEncoding("UTF-8");
				Writer writer = response.getReporter();
				if (writer != null) {
					writer.write("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status
							+ ",\"detail\":\"The request was refused before it reached the service.\",\"code\":\""
							+ code + "\"}");
					response.finishResponse();
				}
			}
			catch (IOException | IllegalStateException ex) {
				// the client went away; nothing more to tell it
			}
		}

	}

}
