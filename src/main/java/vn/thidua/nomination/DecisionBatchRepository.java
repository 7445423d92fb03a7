package vn.thidua.nomination;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Batches of approved nominations waiting for the chair's signature ({@code thidua_decision_batch})
 * and their nominations ({@code thidua_decision_item}).
 */
@Repository
class DecisionBatchRepository {

	/** The process instance id of a batch claimed but not yet attached to its instance (never committed). */
	private static final String UNATTACHED = "claimed:";

	private final JdbcClient jdbc;

	/** A savepoint in the caller's transaction (PostgreSQL aborts a transaction at a failed statement). */
	private final TransactionTemplate nested;

	DecisionBatchRepository(JdbcClient jdbc, PlatformTransactionManager transactionManager) {
		this.jdbc = jdbc;
		this.nested = new TransactionTemplate(transactionManager);
		this.nested.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
	}

	record Batch(long id, String processInstanceId, String wardCode, String issuer, String kind, boolean open) {
	}

	record Item(long batchId, String processInstanceId, String documentNumber) {

		boolean signed() {
			return documentNumber != null;
		}
	}

	static String openKey(String wardCode, String issuer) {
		return wardCode + "|" + issuer;
	}

	/**
	 * Claims the open batch of the ward and issuer for a batch instance about to start: the row is
	 * inserted in a savepoint of the caller's transaction. When another transaction has inserted it
	 * (committed, or still running: the insert waits for it), nothing is written, the caller's
	 * transaction goes on, and the batch it opened is returned by {@link #lockOpenBatch} from then on.
	 *
	 * @return the new batch's id, or empty when the ward has an open batch for the issuer
	 */
	OptionalLong claim(String wardCode, String issuer, String kind, LocalDateTime now) {
		try {
			return OptionalLong.of(nested.execute(status -> {
				KeyHolder keys = new GeneratedKeyHolder();
				jdbc.sql("""
						INSERT INTO thidua_decision_batch (process_instance_id, ward_code, issuer, kind, opened_at, open_key)
						VALUES (:pid, :ward, :issuer, :kind, :now, :key)""")
					// the batch instance's id is set by attach() in the same transaction
					.param("pid", UNATTACHED + UUID.randomUUID())
					.param("ward", wardCode)
					.param("issuer", issuer)
					.param("kind", kind)
					.param("now", Timestamp.valueOf(now))
					.param("key", openKey(wardCode, issuer))
					.update(keys, "id");
				return keys.getKey().longValue();
			}));
		}
		catch (DuplicateKeyException opened) {
			return OptionalLong.empty();
		}
	}

	/** The claimed batch belongs to the batch instance that has just started. */
	void attach(long batchId, String processInstanceId) {
		int changed = jdbc.sql("UPDATE thidua_decision_batch SET process_instance_id = :pid WHERE id = :id AND process_instance_id LIKE :unattached")
			.param("pid", processInstanceId)
			.param("id", batchId)
			.param("unattached", UNATTACHED + "%")
			.update();
		if (changed != 1) {
			throw new IllegalStateException("Decision batch " + batchId + " is not claimed for a new batch instance");
		}
	}

	/**
	 * The open batch of the ward and issuer, its row locked until the caller's transaction ends (see
	 * {@link #lock}); a batch closed meanwhile is not returned.
	 */
	Optional<Batch> lockOpenBatch(String wardCode, String issuer) {
		return jdbc.sql("SELECT * FROM thidua_decision_batch WHERE open_key = :key FOR UPDATE")
			.param("key", openKey(wardCode, issuer))
			.query(DecisionBatchRepository::batch)
			.optional();
	}

	/**
	 * The batch, its row locked until the caller's transaction ends: a nomination joining it, a
	 * signature and the close run one after another, each seeing what the one before committed.
	 */
	Optional<Batch> lock(long id) {
		return jdbc.sql("SELECT * FROM thidua_decision_batch WHERE id = :id FOR UPDATE")
			.param("id", id)
			.query(DecisionBatchRepository::batch)
			.optional();
	}

	Optional<Batch> batch(long id) {
		return jdbc.sql("SELECT * FROM thidua_decision_batch WHERE id = :id")
			.param("id", id)
			.query(DecisionBatchRepository::batch)
			.optional();
	}

	/**
	 * Adds the nomination once to the batch: a retried job finds it there. (A recommendation above the
	 * ward is an item of its ward's batch and then of the city's.)
	 */
	void add(long batchId, String processInstanceId, LocalDateTime now) {
		if (items(batchId).stream().anyMatch(i -> i.processInstanceId().equals(processInstanceId))) {
			return;
		}
		jdbc.sql("""
				INSERT INTO thidua_decision_item (batch_id, process_instance_id, added_at)
				VALUES (:batch, :pid, :now)""")
			.param("batch", batchId)
			.param("pid", processInstanceId)
			.param("now", Timestamp.valueOf(now))
			.update();
	}

	List<Item> items(long batchId) {
		return jdbc.sql("SELECT * FROM thidua_decision_item WHERE batch_id = :batch ORDER BY id")
			.param("batch", batchId)
			.query((rs, n) -> new Item(rs.getLong("batch_id"), rs.getString("process_instance_id"),
					rs.getString("document_number")))
			.list();
	}

	/** Signs the given unsigned items of the batch; returns how many rows changed. */
	int sign(long batchId, Collection<String> processInstanceIds, String number, LocalDate date, String signer) {
		return jdbc.sql("""
				UPDATE thidua_decision_item SET document_number = :number, document_date = :date, signed_by = :signer
				WHERE batch_id = :batch AND document_number IS NULL AND process_instance_id IN (:pids)""")
			.param("number", number)
			.param("date", Date.valueOf(date))
			.param("signer", signer)
			.param("batch", batchId)
			.param("pids", processInstanceIds)
			.update();
	}

	/** Whether a document of this kind with this number was signed for the ward already. */
	boolean numberUsed(String wardCode, String kind, String number) {
		return jdbc.sql("""
				SELECT COUNT(*) FROM thidua_decision_item i JOIN thidua_decision_batch b ON b.id = i.batch_id
				WHERE b.ward_code = :ward AND b.kind = :kind AND UPPER(i.document_number) = UPPER(:number)""")
			.param("ward", wardCode)
			.param("kind", kind)
			.param("number", number)
			.query(Long.class)
			.single() > 0;
	}

	void close(long batchId, LocalDateTime now) {
		jdbc.sql("UPDATE thidua_decision_batch SET closed_at = :now, open_key = NULL WHERE id = :id")
			.param("now", Timestamp.valueOf(now))
			.param("id", batchId)
			.update();
	}

	private static Batch batch(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		return new Batch(rs.getLong("id"), rs.getString("process_instance_id"), rs.getString("ward_code"),
				rs.getString("issuer"), rs.getString("kind"), rs.getString("open_key") != null);
	}

}
