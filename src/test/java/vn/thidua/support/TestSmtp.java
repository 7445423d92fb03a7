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

	/** The decoded text (every part) of each mail the server received for {@code address}. */
	public static java.util.List<String> bodiesTo(GreenMail smtp, String address) throws Exception {
		java.util.List<String> bodies = new java.util.ArrayList<>();
		for (jakarta.mail.internet.MimeMessage message : smtp.getReceivedMessages()) {
			for (var recipient : message.getAllRecipients()) {
				if (recipient.toString().contains(address)) {
					bodies.add(text(message.getContent()));
				}
			}
		}
		return bodies;
	}

	private static String text(Object content) throws Exception {
		if (content instanceof jakarta.mail.Multipart multipart) {
			StringBuilder text = new StringBuilder();
			for (int i = 0; i < multipart.getCount(); i++) {
				text.append(text(multipart.getBodyPart(i).getContent())).append('\n');
			}
			return text.toString();
		}
		return String.valueOf(content);
	}

}
