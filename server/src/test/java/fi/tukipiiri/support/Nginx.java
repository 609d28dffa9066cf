package fi.tukipiiri.support;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Debian's nginx in front of test nodes, configured by the very file operators get
 * ({@code deploy/nginx/tukipiiri.conf}) with only its upstream servers and its listening
 * address replaced: the test's nodes on the loopback, and a free loopback port.
 */
public final class Nginx implements AutoCloseable {

	/** Where Debian's package puts it ({@code .ci/run} installs it when missing). */
	private static final Path BINARY = Path.of("/usr/sbin/nginx");

	private static final Pattern UPSTREAM_SERVERS = Pattern
		.compile("(upstream tukipiiri \\{[^}]*?)((?:\\s*server [^;]+;)+)");

	/**
	 * What the shipped file says of each server after its address, e.g. its failure
	 * limits.
	 */
	private static final Pattern SERVER_PARAMETERS = Pattern.compile("server \\S+((?: [^;]*)?);");

	private final Process process;

	private final int port;

	private final Path directory;

	private Nginx(Process process, int port, Path directory) {
		this.process = process;
		this.port = port;
		this.directory = directory;
	}

	/**
	 * Starts nginx proxying to the nodes on {@code nodePorts}, and waits until it
	 * listens.
	 */
	public static Nginx inFrontOf(List<Integer> nodePorts) throws IOException, InterruptedException {
		if (!Files.isExecutable(BINARY)) {
			throw new IllegalStateException("This test needs Debian's nginx at " + BINARY
					+ ": install it with `apt-get install nginx` (.ci/run does)");
		}
		int port = freePort();
		Path directory = Files.createDirectories(Path.of("target", "nginx-" + port).toAbsolutePath());
		for (String temporary : List.of("client_body", "proxy", "fastcgi", "uwsgi", "scgi")) {
			// run as root, nginx's workers are nobody: they must be able to write here
			Files.createDirectories(directory.resolve(temporary)).toFile().setWritable(true, false);
		}
		Files.writeString(directory.resolve("tukipiiri.conf"), siteFor(nodePorts, port));
		Files.writeString(directory.resolve("nginx.conf"), """
				worker_processes 1;
				daemon off;
				pid %1$s/nginx.pid;
				error_log %1$s/error.log warn;
				events { worker_connections 4096; }
				http {
				    access_log off;
				    client_body_temp_path %1$s/client_body;
				    proxy_temp_path %1$s/proxy;
				    fastcgi_temp_path %1$s/fastcgi;
				    uwsgi_temp_path %1$s/uwsgi;
				    scgi_temp_path %1$s/scgi;
				    include %1$s/tukipiiri.conf;
				}
				""".formatted(directory));
		Process process = new ProcessBuilder(BINARY.toString(), "-p", directory.toString(), "-c",
				directory.resolve("nginx.conf").toString())
			.redirectErrorStream(true)
			.redirectOutput(directory.resolve("stdout.log").toFile())
			.start();
		Nginx nginx = new Nginx(process, port, directory);
		nginx.awaitListening(Duration.ofSeconds(10));
		return nginx;
	}

	/**
	 * The shipped site configuration, pointed at the test's nodes (with the shipped
	 * servers' parameters) and listening on the loopback only.
	 */
	static String siteFor(List<Integer> nodePorts, int port) throws IOException {
		String shipped = Files.readString(Path.of("..", "deploy", "nginx", "tukipiiri.conf"));
		Matcher upstream = UPSTREAM_SERVERS.matcher(shipped);
		if (!upstream.find()) {
			throw new IllegalStateException("deploy/nginx/tukipiiri.conf has no upstream tukipiiri with servers");
		}
		Matcher parameters = SERVER_PARAMETERS.matcher(upstream.group(2));
		String shippedParameters = parameters.find() ? parameters.group(1) : "";
		String servers = nodePorts.stream()
			.map(node -> "\n    server 127.0.0.1:" + node + shippedParameters + ";")
			.collect(Collectors.joining());
		String site = shipped.substring(0, upstream.start(2)) + servers + shipped.substring(upstream.end(2));
		if (!site.contains("listen 8080;")) {
			throw new IllegalStateException("deploy/nginx/tukipiiri.conf no longer listens on 8080");
		}
		return site.replace("listen 8080;", "listen 127.0.0.1:" + port + ";");
	}

	public String baseUrl() {
		return "http://localhost:" + this.port;
	}

	/** nginx's own error log, for a failing test's message. */
	public Path errorLog() {
		return this.directory.resolve("error.log");
	}

	@Override
	public void close() throws InterruptedException {
		this.process.destroy();
		if (!this.process.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) {
			this.process.destroyForcibly().waitFor();
		}
	}

	private void awaitListening(Duration timeout) throws InterruptedException, IOException {
		Instant deadline = Instant.now().plus(timeout);
		while (Instant.now().isBefore(deadline)) {
			if (!this.process.isAlive()) {
				throw new IllegalStateException("nginx exited: "
						+ Files.readString(this.directory.resolve("stdout.log")) + Files.readString(errorLog()));
			}
			try (Socket probe = new Socket(InetAddress.getLoopbackAddress(), this.port)) {
				return;
			}
			catch (IOException notYet) {
				Thread.sleep(50);
			}
		}
		throw new IllegalStateException("nginx not listening within " + timeout);
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
	}

}
