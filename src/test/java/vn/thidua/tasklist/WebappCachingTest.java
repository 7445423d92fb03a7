package vn.thidua.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import vn.thidua.tasklist.WebappCaching.Webjar;

/**
 * Which of the web apps' files may be cached for a year, which for ten minutes, which not without
 * asking: against the Camunda webjar and our overrides on the test classpath. A file of ours that takes the place of the webjar's, or a script
 * WebappScriptPatches changes, carries Camunda's cache-buster but changes with our releases.
 */
class WebappCachingTest {

	private final Webjar webjar = Webjar.onClasspath();

	@Test
	void shouldReadTheCacheBusterOfTheWebjarsPages() {
		assertThat(webjar.buster()).isEqualTo("7.24.0");
	}

	@Test
	void shouldCacheOnlyTheWebjarsOwnFilesAskedForWithItsVersion() {
		assertThat(webjar.isVersioned("lib/runtime.js", "7.24.0")).isTrue();
		assertThat(webjar.isVersioned("app/tasklist/camunda-tasklist-bootstrap.css", "7.24.0")).isTrue();
		assertThat(webjar.isVersioned("assets/IBMPlexSans-Regular.woff2", "7.24.0")).isTrue();

		assertThat(webjar.isVersioned("lib/runtime.js", null)).as("no buster").isFalse();
		assertThat(webjar.isVersioned("lib/runtime.js", "7.23.0")).as("another version's buster").isFalse();
		assertThat(webjar.isVersioned("lib/deps.js", "7.24.0")).as("patched").isFalse();
		assertThat(webjar.isVersioned("app/tasklist/camunda-tasklist-bootstrap.js", "7.24.0")).as("patched").isFalse();
		assertThat(webjar.isVersioned("app/tasklist/styles/user-styles.css", "7.24.0")).as("ours, over the webjar's").isFalse();
		assertThat(webjar.isVersioned("app/tasklist/locales/vi.json", "7.24.0")).as("ours").isFalse();
		assertThat(webjar.isVersioned("assets/thidua/start-dialog-guard.js", "7.24.0")).as("ours").isFalse();
		assertThat(webjar.isVersioned("lib/../app/tasklist/index.html", "7.24.0")).isFalse();
	}

	@Test
	void shouldSetTheHeaderBeforeTheFileIsServed() throws Exception {
		WebappCaching.Filter filter = new WebappCaching.Filter("/camunda", webjar);

		assertThat(cacheControl(filter, "/camunda/lib/runtime.js", "7.24.0")).isEqualTo(WebappCaching.IMMUTABLE);
		assertThat(cacheControl(filter, "/camunda/app/tasklist/scripts/config.js", "1796132940148"))
			.as("ours").isEqualTo(WebappCaching.SHORT);
		assertThat(cacheControl(filter, "/camunda/assets/thidua/task-in-view.js", "7.24.0")).as("ours")
			.isEqualTo(WebappCaching.SHORT);
		assertThat(cacheControl(filter, "/camunda/app/tasklist/default/", null)).isEqualTo(WebappCaching.REVALIDATE);
		assertThat(cacheControl(filter, "/camunda/lib/deps.js", "7.24.0")).as("WebappScriptPatches sets its own").isNull();
		assertThat(cacheControl(filter, "/camunda/assets/thidua/branding.json", null)).as("its controller sets its own")
			.isNull();
	}

	private static String cacheControl(WebappCaching.Filter filter, String path, String bust) throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
		if (bust != null) {
			request.setParameter("bust", bust);
		}
		MockHttpServletResponse response = new MockHttpServletResponse();
		filter.doFilter(request, response, new MockFilterChain());
		return response.getHeader("Cache-Control");
	}

}
