package vn.thidua.identity.organisation;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The organisation's own tables ({@code V25__organisation_store.sql}): the one stored version of the
 * organisation, as JSON (a Jackson round trip of {@link Organisation}: whatever fields the record has
 * are kept), and the audit of every change.
 */
@Repository
class OrganisationStore {

	static final ObjectMapper JSON = new ObjectMapper()
		.configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

	private final JdbcClient jdbc;

	OrganisationStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The stored organisation and its version. */
	record Stored(Organisation organisation, long version) {
	}

	/** One change as the audit page lists it. */
	record AuditEntry(long id, long version, String changedBy, Instant changedAt, String wardCode, String subject,
			String summary, String before, String after) {
	}

	/** One part that a change touched, with its state before and after (null: absent). */
	record Change(String wardCode, String subject, String summary, Object before, Object after) {
	}

	Optional<Stored> load() {
		return jdbc.sql("SELECT version, document FROM thidua_organisation WHERE id = 1")
			.query((rs, n) -> new Stored(read(rs.getString(2)), rs.getLong(1)))
			.optional();
	}

	/** The stored version, or 0 while nothing is stored. */
	long version() {
		return jdbc.sql("SELECT version FROM thidua_organisation WHERE id = 1").query(Long.class).optional().orElse(0L);
	}

	/** The stored organisation, locked until the transaction ends: changes run one after the other. */
	Optional<Stored> lock() {
		return jdbc.sql("SELECT version, document FROM thidua_organisation WHERE id = 1 FOR UPDATE")
			.query((rs, n) -> new Stored(read(rs.getString(2)), rs.getLong(1)))
			.optional();
	}

	/**
	 * Stores the first version when none is stored yet; two nodes starting together insert once.
	 * @return whether this call stored it
	 */
	boolean insertFirst(Organisation organisation, String by, Instant at) {
		return jdbc.sql("INSERT INTO thidua_organisation (id, version, document, changed_by, changed_at) "
				+ "SELECT 1, 1, :document, :by, :at WHERE NOT EXISTS (SELECT 1 FROM thidua_organisation WHERE id = 1)")
			.param("document", write(organisation))
			.param("by", by)
			.param("at", Timestamp.from(at))
			.update() == 1;
	}

	void update(Organisation organisation, long version, String by, Instant at) {
		jdbc.sql("UPDATE thidua_organisation SET version = :version, document = :document, changed_by = :by, "
				+ "changed_at = :at WHERE id = 1")
			.param("version", version)
			.param("document", write(organisation))
			.param("by", by)
			.param("at", Timestamp.from(at))
			.update();
	}

	void audit(long version, String by, Instant at, Change change) {
		jdbc.sql("INSERT INTO thidua_organisation_audit (version, changed_by, changed_at, ward_code, subject, summary, "
				+ "before_json, after_json) VALUES (:version, :by, :at, :ward, :subject, :summary, :before, :after)")
			.param("version", version)
			.param("by", by)
			.param("at", Timestamp.from(at))
			.param("ward", change.wardCode())
			.param("subject", change.subject())
			.param("summary", change.summary().length() > 1000 ? change.summary().substring(0, 1000) : change.summary())
			.param("before", change.before() == null ? null : write(change.before()))
			.param("after", change.after() == null ? null : write(change.after()))
			.update();
	}

	/** The latest changes, newest first; only those of the given wards unless {@code wards} is null. */
	List<AuditEntry> audit(List<String> wards, int limit) {
		String where = wards == null ? "" : wards.isEmpty() ? " WHERE 1 = 0" : " WHERE ward_code IN (:wards)";
		var statement = jdbc.sql("SELECT id, version, changed_by, changed_at, ward_code, subject, summary, before_json, "
				+ "after_json FROM thidua_organisation_audit" + where + " ORDER BY id DESC LIMIT " + limit);
		if (wards != null && !wards.isEmpty()) {
			statement = statement.param("wards", wards);
		}
		return statement
			.query((rs, n) -> new AuditEntry(rs.getLong(1), rs.getLong(2), rs.getString(3),
					rs.getTimestamp(4).toInstant(), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
					rs.getString(9)))
			.list();
	}

	static Organisation read(String json) {
		try {
			return JSON.readValue(json, Organisation.class);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("The stored organisation cannot be read: " + ex.getOriginalMessage(), ex);
		}
	}

	static String write(Object value) {
		try {
			return JSON.writeValueAsString(value);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
