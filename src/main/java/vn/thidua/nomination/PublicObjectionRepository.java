package vn.thidua.nomination;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.Year;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Objections lodged on the public disclosure page ({@code thidua_public_objection}): the reference
 * number the person was given, their name and contact for the board, the reason.
 */
@Repository
class PublicObjectionRepository {

	/** No 0/O, 1/I: a reference read out over the phone. */
	private static final char[] ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ".toCharArray();

	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcClient jdbc;

	PublicObjectionRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** PA-2026-7KQ4XM: the year and six random characters (not a count of objections). */
	String newReference() {
		StringBuilder code = new StringBuilder("PA-").append(Year.now().getValue()).append('-');
		for (int i = 0; i < 6; i++) {
			code.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
		}
		return code.toString();
	}

	void save(String reference, String processInstanceId, String name, String contact, String reason, String login) {
		jdbc.sql("""
				INSERT INTO thidua_public_objection (reference, process_instance_id, objector_name, objector_contact,
				  reason, lodged_by, lodged_at)
				VALUES (:ref, :pid, :name, :contact, :reason, :login, :now)""")
			.param("ref", reference)
			.param("pid", processInstanceId)
			.param("name", name)
			.param("contact", contact)
			.param("reason", reason)
			.param("login", login)
			.param("now", Timestamp.valueOf(LocalDateTime.now()))
			.update();
	}

	long count(String processInstanceId) {
		return jdbc.sql("SELECT COUNT(*) FROM thidua_public_objection WHERE process_instance_id = :pid")
			.param("pid", processInstanceId)
			.query(Long.class)
			.single();
	}

}
