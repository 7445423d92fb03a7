package vn.thidua.pages;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser-like HTTP client for the pages: keeps cookies, logs in through the Camunda web apps'
 * own login endpoint (as Tasklist's login page does, with the web apps' CSRF header), and posts
 * the pages' forms with the {@code _csrf} token read from the last page.
 */
public final class WebSession {

	private final String base;

	private final CookieManager cookies = new CookieManager();

	private final HttpClient client;

	public WebSession(int port) {
		this.base = "http://localhost:" + port;
		this.client = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
	}

	public record Page(int status, String body, String location, String contentType, byte[] bytes) {
	}

	/** Logs in as Tasklist does: GET Tasklist (session, XSRF cookie), POST the login form with the header. */
	public WebSession login(String user, String password) {
		get("/camunda/app/tasklist/default/");
		Page login = send(HttpRequest.newBuilder(URI.create(base + "/camunda/api/admin/auth/user/default/login/tasklist"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("X-XSRF-TOKEN", xsrf())
			.POST(HttpRequest.BodyPublishers.ofString(form(Map.of("username", user, "password", password)))));
		if (login.status() != 200) {
			throw new AssertionError("login of " + user + ": " + login.status() + " " + login.body());
		}
		return this;
	}

	/** Logs out as Tasklist's header does (the web apps' logout endpoint). */
	Page tasklistLogout() {
		get("/camunda/app/tasklist/default/");
		return send(HttpRequest.newBuilder(URI.create(base + "/camunda/api/admin/auth/user/default/logout"))
			.header("X-XSRF-TOKEN", xsrf())
			.POST(HttpRequest.BodyPublishers.noBody()));
	}

	/** The web apps' own answer to "who is logged in" (200 with the user, 404 without). */
	public Page tasklistUser() {
		return get("/camunda/api/admin/auth/user/default");
	}

	/** A JSON POST to the web apps' API, with their CSRF header, as Tasklist sends it. */
	public Page postJson(String path, String json) {
		return postJson(path, json, "application/json");
	}

	/** The same with another {@code Accept} (Tasklist asks for a filter's list as {@code application/hal+json}). */
	public Page postJson(String path, String json, String accept) {
		return send(HttpRequest.newBuilder(URI.create(base + path))
			.header("Content-Type", "application/json")
			.header("Accept", accept)
			.header("X-XSRF-TOKEN", xsrf())
			.POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
	}

	public Page get(String path) {
		return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
	}

	public Page post(String path, Map<String, String> fields) {
		return send(HttpRequest.newBuilder(URI.create(base + path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form(fields))));
	}

	/** The {@code _csrf} value of a page's forms. */
	public static String csrf(Page page) {
		Matcher m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page.body());
		if (!m.find()) {
			throw new AssertionError("no _csrf in the page: " + page.body());
		}
		return m.group(1);
	}

	private String xsrf() {
		return cookies.getCookieStore()
			.getCookies()
			.stream()
			.filter(c -> c.getName().equals("XSRF-TOKEN"))
			.map(HttpCookie::getValue)
			.reduce((a, b) -> b)
			.orElseThrow(() -> new AssertionError("no XSRF-TOKEN cookie from the web apps"));
	}

	private static String form(Map<String, String> fields) {
		return new LinkedHashMap<>(fields).entrySet()
			.stream()
			.map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
					+ URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
	}

	private Page send(HttpRequest.Builder request) {
		try {
			HttpResponse<byte[]> r = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
			return new Page(r.statusCode(), new String(r.body(), StandardCharsets.UTF_8),
					r.headers().firstValue("Location").orElse(null), r.headers().firstValue("Content-Type").orElse(""),
					r.body());
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
