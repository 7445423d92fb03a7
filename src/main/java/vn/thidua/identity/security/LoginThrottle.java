package vn.thidua.identity.security;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import vn.thidua.web.Messages;
import vn.thidua.web.Problems;

/**
 * Wrong passwords are counted per client address, never per person: after
 * {@code thidua.security.login-throttle.attempts} wrong passwords for one login from one address
 * (or four times as many for any logins), that address waits before its next try, the wait doubling
 * up to {@code max-wait}; the same login from another address is not held up, so nobody can lock a
 * colleague out by typing wrong passwords in her name. Covers HTTP Basic on every API and the web
 * apps' login form. The client address is the connection's, or a configured proxy's forwarded one
 * ({@code server.tomcat.remoteip.internal-proxies}).
 */
@Configuration(proxyBeanMethods = false)
class LoginThrottle {

	private static final Logger LOG = LoggerFactory.getLogger(LoginThrottle.class);

	@Bean
	FilterRegistrationBean<OncePerRequestFilter> loginThrottleFilter(
			@Value("${thidua.security.login-throttle.attempts:5}") int attempts,
			@Value("${thidua.security.login-throttle.max-wait:PT15M}") Duration maxWait) {
		FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(
				new Filter(new Counter(attempts, maxWait, Clock.systemUTC())));
		registration.setName("thidua-login-throttle");
		registration.addUrlPatterns("/*");
		// before the authentication filter (order 1), which checks the password
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
		return registration;
	}

	/** Failures per (address, login) and per address, with the time until which each waits. */
	static final class Counter {

		private static final int MAX_ENTRIES = 100_000;

		private record Failures(int count, Instant until) {
		}

		private final Map<String, Failures> failures = new ConcurrentHashMap<>();

		private final int attempts;

		private final Duration maxWait;

		private final Clock clock;

		Counter(int attempts, Duration maxWait, Clock clock) {
			this.attempts = attempts;
			this.maxWait = maxWait;
			this.clock = clock;
		}

		/** Seconds this address must still wait before trying this login, or 0. */
		long waitSeconds(String address, String login) {
			Instant now = clock.instant();
			long wait = 0;
			for (String key : new String[] { address + "|" + login, address }) {
				Failures f = failures.get(key);
				if (f != null && f.until() != null && f.until().isAfter(now)) {
					wait = Math.max(wait, Duration.between(now, f.until()).toSeconds() + 1);
				}
			}
			return wait;
		}

		void failed(String address, String login) {
			if (failures.size() > MAX_ENTRIES) {
				Instant now = clock.instant();
				failures.values().removeIf(f -> f.until() == null || f.until().isBefore(now.minus(maxWait)));
			}
			count(address + "|" + login, attempts);
			count(address, attempts * 4);
		}

		private void count(String key, int allowed) {
			failures.compute(key, (k, f) -> {
				int count = f == null ? 1 : f.count() + 1;
				Instant until = null;
				if (count >= allowed) {
					long seconds = Math.min(maxWait.toSeconds(), 1L << Math.min(30, count - allowed));
					until = clock.instant().plusSeconds(seconds);
				}
				return new Failures(count, until);
			});
		}

		void succeeded(String address, String login) {
			failures.remove(address + "|" + login);
		}

	}

	static final class Filter extends OncePerRequestFilter {

		private final Counter counter;

		Filter(Counter counter) {
			this.counter = counter;
		}

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			String login = login(request);
			if (login == null) {
				chain.doFilter(request, response);
				return;
			}
			String address = request.getRemoteAddr();
			long wait = counter.waitSeconds(address, login);
			if (wait > 0) {
				response.setHeader("Retry-After", String.valueOf(wait));
				Problems.write(request, response, Problems.of(429, null,
						Messages.get("identity.login.throttled", String.valueOf(wait))));
				return;
			}
			chain.doFilter(request, response);
			if (response.getStatus() == HttpServletResponse.SC_UNAUTHORIZED) {
				counter.failed(address, login);
				LOG.warn("Wrong password for {} from {}", login, address);
			}
			else if (response.getStatus() < 400) {
				counter.succeeded(address, login);
			}
		}

		/** The login a request tries, from HTTP Basic or the web apps' login form; else null. */
		static String login(HttpServletRequest request) {
			String header = request.getHeader("Authorization");
			if (header != null && header.regionMatches(true, 0, "Basic ", 0, 6)) {
				try {
					String decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()),
							StandardCharsets.UTF_8);
					int colon = decoded.indexOf(':');
					return (colon < 0 ? decoded : decoded.substring(0, colon)).toLowerCase();
				}
				catch (IllegalArgumentException malformed) {
					return "";
				}
			}
			if ("POST".equals(request.getMethod()) && isWebappLogin(request)) {
				String user = request.getParameter("username");
				return user == null ? "" : user.toLowerCase();
			}
			return null;
		}

		/** {@code …/api/admin/auth/user/{engine}/login/{app}}, however the path is spelt. */
		private static boolean isWebappLogin(HttpServletRequest request) {
			String path = URLDecoder.decode(request.getRequestURI(), StandardCharsets.UTF_8)
				.replaceAll(";[^/]*", "")
				.replaceAll("/+", "/");
			return path.matches(".*/api/admin/auth/user/[^/]+/login/[^/]*/?");
		}

	}

}
