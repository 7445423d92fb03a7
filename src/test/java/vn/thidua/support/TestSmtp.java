package vn.thidua.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The real SMTP server of the tests: GreenMail in-process on a free port of 127.0.0.1, and the
 * application pointed at it.
 *
 * <pre>
 * static final GreenMail SMTP = TestSmtp.start();
 *
 * &#64;DynamicPropertySource
 * static void mail(DynamicPropertyRegistry registry) {
 *     TestSmtp.use(SMTP, registry);
 * }
 * </pre>
 */
public final class TestSmtp {

	private TestSmtp() {
	}

	/** A started server on a port the system chose. */
	public static GreenMail start() {
		return start(0);
	}

	/** A started server on {@code port}: the same port again after a simulated outage. */
	public static GreenMail start(int port) {
		GreenMail smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
		smtp.start();
		return smtp;
	}

	/** Sends the application's mail to {@code smtp}. */
	public static void use(GreenMail smtp, DynamicPropertyRegistry registry) {
		use(smtp.getSmtp().getPort(), registry);
	}

	/** Sends the application's mail to 127.0.0.1:{@code port}. */
	public static void use(int port, DynamicPropertyRegistry registry) {
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", () -> port);
	}

	/** A port nobody listens on now. */
	public static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
