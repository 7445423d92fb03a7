package vn.thidua.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * HTTP/1.1 client of the benchmark: HTTP Basic with a login (password {@code demo}), JSON in and
 * out, one shared connection pool, and the time each request took.
 */
final class BenchHttp {

	static final ObjectMapper JSON = new ObjectMapper();

	private final HttpClient client = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(10))
		.build();

	private final String baseUrl;

	private final int port;

	BenchHttp(int port) {
		this.baseUrl = "http://127.0.0.1:" + port;
		this.port = port;
	}

	/** The application's port (the pages need a web apps' session: {@code vn.thidua.pages.WebSession}). */
	int port() {
		return port;
	}

	/** Status, body and the request's wall time in nanoseconds. */
	record Reply(int status, String body, long nanos) {

		JsonNode json() {
			try {
				return JSON.readTree(body);
			}
			catch (IOException ex) {
				throw new IllegalStateException("Not JSON (" + status + "): " + body, ex);
			}
		}

		Reply expect(int... statuses) {
			for (int s : statuses) {
				if (s == status) {
					return this;
				}
			}
			throw new IllegalStateException("HTTP " + status + ": " + body);
		}

	}

	Reply get(String user, String path) {
		return send(user, HttpRequest.newBuilder(uri(path)).header("Accept", "application/json").GET());
	}

	Reply post(String user, String path, Object body) {
		return post(user, path, body, "application/json");
	}

	Reply post(String user, String path, Object body, String accept) {
		return send(user, HttpRequest.newBuilder(uri(path))
			.header("Content-Type", "application/json")
			.header("Accept", accept)
			.POST(HttpRequest.BodyPublishers.ofString(toJson(body), StandardCharsets.UTF_8)));
	}

	/** A multipart upload of one file with a {@code kind} field (the nomination dossier). */
	Reply upload(String user, String path, String kind, String fileName, byte[] content) {
		String boundary = "----bench" + System.nanoTime();
		return multipart(user, path, boundary, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\n"
				+ kind + "\r\n", "file", fileName, content);
	}

	/**
	 * A PDF as an engine file variable: the multipart {@code data} part of
	 * {@code POST .../variables/{name}/data} (the floor model's documents).
	 */
	Reply uploadFileVariable(String user, String path, String fileName, byte[] content) {
		return multipart(user, path, "----bench" + System.nanoTime(), "", "data", fileName, content);
	}

	private Reply multipart(String user, String path, String boundary, String fields, String part, String fileName,
			byte[] content) {
		byte[] head = (fields + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + part + "\"; filename=\""
				+ fileName + "\"\r\nContent-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.UTF_8);
		byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
		byte[] body = new byte[head.length + content.length + tail.length];
		System.arraycopy(head, 0, body, 0, head.length);
		System.arraycopy(content, 0, body, head.length, content.length);
		System.arraycopy(tail, 0, body, head.length + content.length, tail.length);
		return send(user, HttpRequest.newBuilder(uri(path))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.header("Accept", "application/json")
			.POST(HttpRequest.BodyPublishers.ofByteArray(body)));
	}

	private URI uri(String path) {
		return URI.create(baseUrl + path);
	}

	private static String toJson(Object body) {
		try {
			return body instanceof String s ? s : JSON.writeValueAsString(body);
		}
		catch (IOException ex) {
			throw new IllegalArgumentException(ex);
		}
	}

	private Reply send(String user, HttpRequest.Builder request) {
		request.header("Authorization", "Basic "
				+ Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)));
		request.timeout(Duration.ofSeconds(120));
		long start = System.nanoTime();
		try {
			HttpResponse<String> response = client.send(request.build(),
					HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
			return new Reply(response.statusCode(), response.body(), System.nanoTime() - start);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
