package vn.thidua.document;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The issued documents ({@code thidua_issued_document}): a row is inserted once per document key and
 * never updated or deleted, so a document downloaded twice is the same bytes with the same SHA-256.
 */
@Repository
class IssuedDocuments {

	private final JdbcClient jdbc;

	IssuedDocuments(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A stored document. */
	record Issued(long id, String key, String type, String wardCode, Long awardId, String processInstanceId,
			Integer round, String verificationCode, String fileName, byte[] content, String sha256, boolean signed,
			LocalDateTime issuedAt) {
	}

	Optional<Issued> find(String key) {
		return jdbc.sql("SELECT * FROM thidua_issued_document WHERE document_key = :key")
			.param("key", key)
			.query(IssuedDocuments::row)
			.optional();
	}

	Optional<Issued> findByCode(String code) {
		return jdbc.sql("SELECT * FROM thidua_issued_document WHERE verification_code = :code")
			.param("code", code)
			.query(IssuedDocuments::row)
			.optional();
	}

	/**
	 * Stores a new document; when another request stored one with the same key first, that one is
	 * returned and this one is dropped (its verification code never existed).
	 */
	Issued insertOnce(Issued d) {
		try {
			jdbc.sql("""
					INSERT INTO thidua_issued_document (document_key, document_type, ward_code, award_id,
					  process_instance_id, vote_round, verification_code, file_name, content, sha256, signed, issued_at)
					VALUES (:key, :type, :ward, :award, :pid, :round, :code, :file, :content, :sha, :signed, :at)""")
				.param("key", d.key())
				.param("type", d.type())
				.param("ward", d.wardCode())
				.param("award", d.awardId())
				.param("pid", d.processInstanceId())
				.param("round", d.round())
				.param("code", d.verificationCode())
				.param("file", d.fileName())
				.param("content", d.content())
				.param("sha", d.sha256())
				.param("signed", d.signed())
				.param("at", Timestamp.valueOf(d.issuedAt()))
				.update();
		}
		catch (DuplicateKeyException ex) {
			// the same document was issued meanwhile: the first one stays
		}
		return find(d.key()).orElseThrow();
	}

	private static Issued row(ResultSet rs, int n) throws SQLException {
		return new Issued(rs.getLong("id"), rs.getString("document_key"), rs.getString("document_type"),
				rs.getString("ward_code"), rs.getObject("award_id", Long.class), rs.getString("process_instance_id"),
				rs.getObject("vote_round", Integer.class), rs.getString("verification_code"), rs.getString("file_name"),
				rs.getBytes("content"), rs.getString("sha256"), rs.getBoolean("signed"),
				rs.getTimestamp("issued_at").toLocalDateTime());
	}

}
