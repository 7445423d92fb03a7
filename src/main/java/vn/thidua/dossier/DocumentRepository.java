package vn.thidua.dossier;

import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The dossier's metadata ({@code thidua_document}, one row per version). */
@Repository
class DocumentRepository {

	private static final String COLUMNS = "id, process_instance_id, kind, version, file_name, media_type, size_bytes, "
			+ "sha256, added_by, added_at";

	private final JdbcClient jdbc;

	DocumentRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Stored row including where its bytes are. */
	record Stored(Document document, String storageKey) {
	}

	List<Document> list(String processInstanceId) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM thidua_document WHERE process_instance_id = :pid "
				+ "ORDER BY kind, version DESC")
			.param("pid", processInstanceId)
			.query((rs, i) -> new Document(rs.getLong(1), rs.getString(2), rs.getString(3), null, rs.getInt(4), false,
					rs.getString(5), rs.getString(6), rs.getLong(7), rs.getString(8), rs.getString(9),
					rs.getTimestamp(10).toLocalDateTime()))
			.list();
	}

	Optional<Stored> find(String processInstanceId, long id) {
		return jdbc.sql("SELECT " + COLUMNS + ", storage_key FROM thidua_document WHERE process_instance_id = :pid "
				+ "AND id = :id")
			.param("pid", processInstanceId)
			.param("id", id)
			.query((rs, i) -> new Stored(new Document(rs.getLong(1), rs.getString(2), rs.getString(3), null,
					rs.getInt(4), false, rs.getString(5), rs.getString(6), rs.getLong(7), rs.getString(8),
					rs.getString(9), rs.getTimestamp(10).toLocalDateTime()), rs.getString(11)))
			.optional();
	}

	long totalSize(String processInstanceId) {
		return jdbc.sql("SELECT COALESCE(SUM(size_bytes), 0) FROM thidua_document WHERE process_instance_id = :pid")
			.param("pid", processInstanceId)
			.query(Long.class)
			.single();
	}

	int nextVersion(String processInstanceId, String kind) {
		return jdbc.sql("SELECT COALESCE(MAX(version), 0) + 1 FROM thidua_document WHERE process_instance_id = :pid "
				+ "AND kind = :kind")
			.param("pid", processInstanceId)
			.param("kind", kind)
			.query(Integer.class)
			.single();
	}

	List<String> kindsPresent(String processInstanceId) {
		return jdbc.sql("SELECT DISTINCT kind FROM thidua_document WHERE process_instance_id = :pid")
			.param("pid", processInstanceId)
			.query(String.class)
			.list();
	}

	long insert(Document d, String storageKey) {
		jdbc.sql("""
				INSERT INTO thidua_document (process_instance_id, kind, version, file_name, media_type, size_bytes,
				  sha256, storage_key, added_by, added_at)
				VALUES (:pid, :kind, :version, :name, :type, :size, :sha, :key, :by, :at)""")
			.param("pid", d.processInstanceId())
			.param("kind", d.kind())
			.param("version", d.version())
			.param("name", d.fileName())
			.param("type", d.mediaType())
			.param("size", d.size())
			.param("sha", d.sha256())
			.param("key", storageKey)
			.param("by", d.addedBy())
			.param("at", Timestamp.valueOf(d.addedAt()))
			.update();
		return jdbc.sql("SELECT id FROM thidua_document WHERE process_instance_id = :pid AND kind = :kind "
				+ "AND version = :version")
			.param("pid", d.processInstanceId())
			.param("kind", d.kind())
			.param("version", d.version())
			.query(Long.class)
			.single();
	}

}
