package vn.thidua.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A small HTTP client for integration tests, speaking to the running application as a user would
 * through the REST API: HTTP Basic with a login, JSON in and out.
 */
public final class Http {

	private static final ObjectMapper JSON = new ObjectMapper();

	private final HttpClient client = HttpClient.newHttpClient();

	private final String baseUrl;

	public Http(int port) {
		this.baseUrl = "http://localhost:" + port;
	}

	/** A response: status and body (parsed as JSON when it is JSON), redirect target, content type. */
	public record Reply(int status, String body, String location, String contentType) {

		public Reply(int status, String body, String location) {
			this(status, body, location, null);
		}

		public JsonNode json() {
			try {
				return JSON.readTree(body);
			}
			catch (IOException ex) {
				throw new AssertionError("Not JSON (" + status + "): " + body, ex);
			}
		}

	}

	public Reply get(String user, String path) {
		return send(user, HttpRequest.newBuilder(uri(path)).GET());
	}

	public Reply get(String user, String path, String accept) {
		return send(user, HttpRequest.newBuilder(uri(path)).header("Accept", accept).GET());
	}

	public Reply post(String user, String path, Object body) {
		return send(user, HttpRequest.newBuilder(uri(path))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(toJson(body), StandardCharsets.UTF_8)));
	}

	/** A multipart/form-data POST with one file part, as a deployment upload is sent. */
	public Reply postFile(String user, String path, String fileName, String content) {
		String boundary = "thidua" + System.nanoTime();
		String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\ntest\r\n"
				+ "--" + boundary + "\r\nContent-Disposition: form-data; name=\"data\"; filename=\"" + fileName
				+ "\"\r\nContent-Type: application/octet-stream\r\n\r\n" + content + "\r\n--" + boundary + "--\r\n";
		return send(user, HttpRequest.newBuilder(uri(path))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
	}

	/** Any method, a JSON body (or none) and extra headers: for tests of odd requests. */
	public Reply send(String user, String method, String path, Object body, java.util.Map<String, String> headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
			.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
					: HttpRequest.BodyPublishers.ofString(toJson(body), StandardCharsets.UTF_8));
		if (body != null) {
			request.header("Content-Type", "application/json");
		}
		headers.forEach(request::header);
		return send(user, request);
	}

	public Reply put(String user, String path, Object body) {
		return send(user, "PUT", path, body, java.util.Map.of());
	}

	public Reply delete(String user, String path) {
		return send(user, HttpRequest.newBuilder(uri(path)).DELETE());
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
		if (user != null) {
			String password = user.contains(":") ? user.substring(user.indexOf(':') + 1) : "demo";
			String login = user.contains(":") ? user.substring(0, user.indexOf(':')) : user;
			request.header("Authorization", "Basic " + Base64.getEncoder()
				.encodeToString((login + ":" + password).getBytes(StandardCharsets.UTF_8)));
		}
		try {
			HttpResponse<String> response = client.send(request.build(),
					HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
			return new Reply(response.statusCode(), response.body(),
					response.headers().firstValue("Location").orElse(null),
					response.headers().firstValue("Content-Type").orElse(null));
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
