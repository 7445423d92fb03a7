package vn.thidua.dossier;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Multipart uploads written byte by byte, so that a test sends exactly the file name, kind and
 * length it means (a path, a control character, a lying Content-Length), as an attacker could.
 */
final class Multipart {

	private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	private final int port;

	Multipart(int port) {
		this.port = port;
	}

	/** The body of a request with the part {@code kind} (if not null) and the part {@code file} (if name not null). */
	static byte[] body(String boundary, String kind, String fileNameHeader, byte[] content) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		if (kind != null) {
			write(out, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\n" + kind + "\r\n");
		}
		if (fileNameHeader != null) {
			write(out, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; " + fileNameHeader
					+ "\r\nContent-Type: application/octet-stream\r\n\r\n");
			out.writeBytes(content);
			write(out, "\r\n");
		}
		write(out, "--" + boundary + "--\r\n");
		return out.toByteArray();
	}

	private static void write(ByteArrayOutputStream out, String s) {
		out.writeBytes(s.getBytes(StandardCharsets.UTF_8));
	}

	/** {@code filename="…"} with the name's raw UTF-8 bytes, as browsers send it. */
	static String fileName(String name) {
		return "filename=\"" + name + "\"";
	}

	HttpResponse<String> upload(String user, String pid, String kind, String fileNameHeader, byte[] content) {
		String boundary = "----thidua" + System.nanoTime();
		HttpRequest request = HttpRequest
			.newBuilder(URI.create("http://localhost:" + port + "/api/nominations/" + pid + "/documents"))
			.header("Authorization", basic(user))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.expectContinue(true)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body(boundary, kind, fileNameHeader, content)))
			.build();
		return send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	HttpResponse<byte[]> download(String user, String path) {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Authorization", basic(user))
			.GET()
			.build();
		return send(request, HttpResponse.BodyHandlers.ofByteArray());
	}

	private <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
		try {
			return client.send(request, handler);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	static String basic(String user) {
		return "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
	}

}
