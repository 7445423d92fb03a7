package vn.thidua.standin;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

import vn.thidua.standin.StandInRules.Period;

/** The tables of {@code V19__stand_ins.sql}: periods, the candidate links they gave, the acts done. */
@Repository
class StandInRepository {

	private static final String PERIOD = "SELECT id, person, stand_in, starts_on, ends_on, cancelled_at IS NOT NULL AS cancelled "
			+ "FROM thidua_stand_in ";

	private final JdbcClient jdbc;

	StandInRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A period as the page lists it. */
	record Named(long id, String person, String standIn, LocalDate from, LocalDate to, String namedBy,
			Instant namedAt, String cancelledBy, Instant cancelledAt) {
	}

	/** A task a stand-in completed for the person. */
	record Act(long standInId, String person, String standIn, String taskId, String taskName, String taskKey,
			String processInstanceId, Instant actedAt) {
	}

	/** A link given, with the period it belongs to. */
	record Link(long standInId, String standIn, String person, String taskId) {
	}

	long insert(String person, String standIn, LocalDate from, LocalDate to, String namedBy, Instant at) {
		KeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("INSERT INTO thidua_stand_in (person, stand_in, starts_on, ends_on, named_by, named_at) "
				+ "VALUES (:person, :standIn, :from, :to, :namedBy, :at)")
			.param("person", person)
			.param("standIn", standIn)
			.param("from", from)
			.param("to", to)
			.param("namedBy", namedBy)
			.param("at", Timestamp.from(at))
			.update(keys, "id");
		return keys.getKeyAs(Number.class).longValue();
	}

	/** Marks the period cancelled; false when it was no longer open (cancelled or not hers). */
	boolean cancel(long id, String person, String by, Instant at) {
		return jdbc.sql("UPDATE thidua_stand_in SET cancelled_by = :by, cancelled_at = :at "
				+ "WHERE id = :id AND person = :person AND cancelled_at IS NULL")
			.param("by", by)
			.param("at", Timestamp.from(at))
			.param("id", id)
			.param("person", person)
			.update() == 1;
	}

	/** The person's periods, locked until the transaction ends: two namings of one person run one after the other. */
	List<Period> periodsOfLocked(String person) {
		return jdbc.sql(PERIOD + "WHERE person = :person ORDER BY starts_on FOR UPDATE")
			.param("person", person)
			.query(StandInRepository::period)
			.list();
	}

	Optional<Period> period(long id) {
		return jdbc.sql(PERIOD + "WHERE id = :id").param("id", id).query(StandInRepository::period).optional();
	}

	/** The periods in force on the day (not cancelled, the day between their first and last). */
	List<Period> activeOn(LocalDate day) {
		return jdbc.sql(PERIOD + "WHERE cancelled_at IS NULL AND starts_on <= :day AND ends_on >= :day ORDER BY id")
			.param("day", day)
			.query(StandInRepository::period)
			.list();
	}

	/**
	 * Locks the periods in force on the day: a sweep of two nodes at once runs one after the other,
	 * the second finds the first one's links.
	 */
	List<Period> activeOnLocked(LocalDate day) {
		return jdbc
			.sql(PERIOD + "WHERE cancelled_at IS NULL AND starts_on <= :day AND ends_on >= :day ORDER BY id FOR UPDATE")
			.param("day", day)
			.query(StandInRepository::period)
			.list();
	}

	List<Named> namedBy(String person) {
		return named("person", person);
	}

	List<Named> standingInFor(String standIn) {
		return named("stand_in", standIn);
	}

	private List<Named> named(String column, String login) {
		return jdbc.sql("SELECT id, person, stand_in, starts_on, ends_on, named_by, named_at, cancelled_by, cancelled_at "
				+ "FROM thidua_stand_in WHERE " + column + " = :login ORDER BY starts_on DESC, id DESC")
			.param("login", login)
			.query(StandInRepository::named)
			.list();
	}

	/** Adds a link; false when the stand-in had it already (another node or an earlier sweep). */
	boolean addLink(long standInId, String taskId, Instant at) {
		return jdbc.sql("INSERT INTO thidua_stand_in_link (stand_in_id, task_id, linked_at) "
				+ "SELECT :id, :task, :at WHERE NOT EXISTS "
				+ "(SELECT 1 FROM thidua_stand_in_link WHERE stand_in_id = :id AND task_id = :task)")
			.param("id", standInId)
			.param("task", taskId)
			.param("at", Timestamp.from(at))
			.update() == 1;
	}

	List<Link> linksOfTask(String taskId) {
		return jdbc.sql("SELECT l.stand_in_id, s.stand_in, s.person, l.task_id FROM thidua_stand_in_link l "
				+ "JOIN thidua_stand_in s ON s.id = l.stand_in_id WHERE l.task_id = :task ORDER BY l.stand_in_id")
			.param("task", taskId)
			.query((rs, n) -> new Link(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)))
			.list();
	}

	/** The links of periods no longer in force on the day: ended, or cancelled. */
	List<Link> staleLinks(LocalDate day) {
		return jdbc.sql("SELECT l.stand_in_id, s.stand_in, s.person, l.task_id FROM thidua_stand_in_link l "
				+ "JOIN thidua_stand_in s ON s.id = l.stand_in_id "
				+ "WHERE s.cancelled_at IS NOT NULL OR s.ends_on < :day OR s.starts_on > :day ORDER BY l.stand_in_id")
			.param("day", day)
			.query((rs, n) -> new Link(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)))
			.list();
	}

	List<Link> linksOf(long standInId) {
		return jdbc.sql("SELECT l.stand_in_id, s.stand_in, s.person, l.task_id FROM thidua_stand_in_link l "
				+ "JOIN thidua_stand_in s ON s.id = l.stand_in_id WHERE l.stand_in_id = :id")
			.param("id", standInId)
			.query((rs, n) -> new Link(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)))
			.list();
	}

	/** Deletes a link's row; false when another node (or an earlier call) deleted it. */
	boolean deleteLink(long standInId, String taskId) {
		return jdbc.sql("DELETE FROM thidua_stand_in_link WHERE stand_in_id = :id AND task_id = :task")
			.param("id", standInId)
			.param("task", taskId)
			.update() == 1;
	}

	void deleteLinksOfTask(String taskId) {
		jdbc.sql("DELETE FROM thidua_stand_in_link WHERE task_id = :task").param("task", taskId).update();
	}

	void insertAct(Act act) {
		jdbc.sql("INSERT INTO thidua_stand_in_act (stand_in_id, person, stand_in, task_id, task_name, "
				+ "task_definition_key, process_instance_id, acted_at) "
				+ "VALUES (:standInId, :person, :standIn, :taskId, :taskName, :taskKey, :pid, :at)")
			.param("standInId", act.standInId())
			.param("person", act.person())
			.param("standIn", act.standIn())
			.param("taskId", act.taskId())
			.param("taskName", act.taskName())
			.param("taskKey", act.taskKey())
			.param("pid", act.processInstanceId())
			.param("at", Timestamp.from(act.actedAt()))
			.update();
	}

	/** What was done for the person or by her as a stand-in, newest first. */
	List<Act> actsConcerning(String login, int limit) {
		return jdbc.sql("SELECT stand_in_id, person, stand_in, task_id, task_name, task_definition_key AS task_key, "
				+ "process_instance_id, acted_at FROM thidua_stand_in_act WHERE person = :login OR stand_in = :login "
				+ "ORDER BY acted_at DESC, id DESC FETCH FIRST " + limit + " ROWS ONLY")
			.param("login", login)
			.query(StandInRepository::act)
			.list();
	}

	/** The acts recorded on one process instance, oldest first (the instance's history). */
	List<Act> actsOfInstance(String processInstanceId) {
		return jdbc.sql("SELECT stand_in_id, person, stand_in, task_id, task_name, task_definition_key AS task_key, "
				+ "process_instance_id, acted_at FROM thidua_stand_in_act WHERE process_instance_id = :pid "
				+ "ORDER BY acted_at, id")
			.param("pid", processInstanceId)
			.query(StandInRepository::act)
			.list();
	}

	private static Period period(ResultSet rs, int row) throws SQLException {
		return new Period(rs.getLong("id"), rs.getString("person"), rs.getString("stand_in"),
				rs.getObject("starts_on", LocalDate.class), rs.getObject("ends_on", LocalDate.class),
				rs.getBoolean("cancelled"));
	}

	private static Named named(ResultSet rs, int row) throws SQLException {
		return new Named(rs.getLong("id"), rs.getString("person"), rs.getString("stand_in"),
				rs.getObject("starts_on", LocalDate.class), rs.getObject("ends_on", LocalDate.class),
				rs.getString("named_by"), instant(rs.getTimestamp("named_at")), rs.getString("cancelled_by"),
				instant(rs.getTimestamp("cancelled_at")));
	}

	private static Act act(ResultSet rs, int row) throws SQLException {
		return new Act(rs.getLong("stand_in_id"), rs.getString("person"), rs.getString("stand_in"),
				rs.getString("task_id"), rs.getString("task_name"), rs.getString("task_key"),
				rs.getString("process_instance_id"), instant(rs.getTimestamp("acted_at")));
	}

	private static Instant instant(Timestamp timestamp) {
		return timestamp == null ? null : timestamp.toInstant();
	}

}
