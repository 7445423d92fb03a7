package vn.thidua.nomination;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import vn.thidua.calendar.WorkingDays;
import vn.thidua.identity.organisation.GroupIds;
import vn.thidua.identity.organisation.OrganisationDirectory;
import vn.thidua.notification.Notifier;
import vn.thidua.notification.Recipients;
import vn.thidua.web.Messages;

/**
 * The daily digest of the nominations that entered public disclosure (Task_PublishShortlist), one
 * mail per member of each ward group at {@code thidua.notification.disclosure-digest-time}
 * (Vietnam time), instead of one mail per nomination. Each entry is recorded in
 * {@code thidua_disclosure_entry} in the process step's transaction; a digest claims the ward's
 * unclaimed entries with one {@code UPDATE ... WHERE digest_id IS NULL} and queues its mails in the
 * outbox in the same transaction, so two nodes, a retry or a restart never send an entry twice, and
 * an entry is listed by the first digest that commits after its digest time has passed (a node down
 * at 17:00 sends it when it is back). Uses the engine clock: tests set it and call {@link #sendDue()}.
 */
@Component
class DisclosureDigest {

	private static final Logger LOG = LoggerFactory.getLogger(DisclosureDigest.class);

	static final String TEMPLATE = "disclosure-digest";

	/** The digest_id of an entry withdrawn before a digest listed it. */
	static final String WITHDRAWN = "withdrawn";

	static final String TIME_SETTING = "thidua.notification.disclosure-digest-time";

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

	private final JdbcClient jdbc;

	private final Notifier notifier;

	private final OrganisationDirectory directory;

	private final TransactionTemplate transaction;

	private final Clock clock;

	private final LocalTime time;

	DisclosureDigest(JdbcClient jdbc, Notifier notifier, OrganisationDirectory directory,
			PlatformTransactionManager transactionManager, Clock clock,
			@Value("${" + TIME_SETTING + ":17:00}") String time) {
		this.jdbc = jdbc;
		this.notifier = notifier;
		this.directory = directory;
		this.transaction = new TransactionTemplate(transactionManager);
		this.clock = clock;
		this.time = parseTime(time);
	}

	/** One nomination that entered disclosure. */
	record Entry(String processInstanceId, String wardCode, String nomineeName, String awardName, String chapterName,
			int periodYear, Instant disclosedAt, Instant disclosureEnds) {
	}

	/** Task_PublishShortlist: the nomination enters the ward's next digest (in the step's transaction). */
	void record(Entry entry) {
		jdbc.sql("""
				INSERT INTO thidua_disclosure_entry (process_instance_id, ward_code, nominee_name, award_name,
				  chapter_name, period_year, disclosed_at, disclosure_ends)
				VALUES (:pid, :ward, :nominee, :award, :chapter, :year, :disclosedAt, :ends)""")
			.param("pid", entry.processInstanceId())
			.param("ward", entry.wardCode())
			.param("nominee", entry.nomineeName())
			.param("award", entry.awardName())
			.param("chapter", entry.chapterName() == null ? "" : entry.chapterName())
			.param("year", entry.periodYear())
			.param("disclosedAt", utc(entry.disclosedAt()))
			.param("ends", utc(entry.disclosureEnds()))
			.update();
	}

	/**
	 * Task_RecordObjection: a nomination back at the board is no longer under disclosure; an entry
	 * no digest listed yet is closed without one (approved again, it enters again).
	 */
	void withdraw(String processInstanceId, Instant now) {
		jdbc.sql("UPDATE thidua_disclosure_entry SET digest_id = :id, digested_at = :now "
				+ "WHERE digest_id IS NULL AND process_instance_id = :pid")
			.param("id", WITHDRAWN)
			.param("now", utc(now))
			.param("pid", processInstanceId)
			.update();
	}

	@Scheduled(fixedDelayString = "${thidua.notification.disclosure-digest-check:PT5M}", initialDelayString = "PT1M")
	void scheduledSend() {
		try {
			sendDue();
		}
		catch (RuntimeException ex) {
			LOG.warn("Disclosure digest failed: {}", ex.toString());
		}
	}

	/**
	 * Sends each ward's digest of the entries recorded before the latest digest time (today's if it
	 * has passed, else yesterday's), engine clock.
	 *
	 * @return the number of entries this call listed (0 when another node or an earlier call did)
	 */
	int sendDue() {
		Instant now = clock.instant();
		Instant cut = latestDigestTime(now);
		List<String> wards = jdbc.sql("SELECT DISTINCT ward_code FROM thidua_disclosure_entry "
				+ "WHERE digest_id IS NULL AND disclosed_at < :cut ORDER BY ward_code")
			.param("cut", utc(cut))
			.query(String.class)
			.list();
		int listed = 0;
		for (String ward : wards) {
			Integer sent = transaction.execute(status -> send(ward, cut, now));
			listed += sent == null ? 0 : sent;
		}
		return listed;
	}

	/** The most recent digest time at or before {@code now}. */
	Instant latestDigestTime(Instant now) {
		ZonedDateTime local = now.atZone(WorkingDays.VIETNAM);
		ZonedDateTime today = local.toLocalDate().atTime(time).atZone(WorkingDays.VIETNAM);
		return (local.isBefore(today) ? today.minusDays(1) : today).toInstant();
	}

	private int send(String ward, Instant cut, Instant now) {
		String digestId = UUID.randomUUID().toString();
		int claimed = jdbc.sql("UPDATE thidua_disclosure_entry SET digest_id = :id, digested_at = :now "
				+ "WHERE digest_id IS NULL AND ward_code = :ward AND disclosed_at < :cut")
			.param("id", digestId)
			.param("now", utc(now))
			.param("ward", ward)
			.param("cut", utc(cut))
			.update();
		if (claimed == 0) {
			return 0; // another node's digest took them
		}
		List<Map<String, Object>> entries = new ArrayList<>();
		jdbc.sql("SELECT nominee_name, award_name, chapter_name, period_year, disclosure_ends "
				+ "FROM thidua_disclosure_entry WHERE digest_id = :id ORDER BY disclosure_ends, nominee_name, id")
			.param("id", digestId)
			.query((rs, n) -> {
				Map<String, Object> e = new LinkedHashMap<>();
				e.put("nomineeName", rs.getString(1));
				e.put("awardName", rs.getString(2));
				e.put("chapterName", rs.getString(3));
				e.put("periodYear", rs.getInt(4));
				e.put("disclosureEnds", day(rs.getTimestamp(5).toLocalDateTime().toInstant(ZoneOffset.UTC)));
				return e;
			})
			.list()
			.forEach(entries::add);
		Map<String, Object> model = new LinkedHashMap<>();
		model.put("wardCode", ward);
		model.put("wardName", directory.ward(ward).map(w -> w.name()).orElse(ward));
		model.put("digestDate", day(now));
		model.put("count", String.valueOf(entries.size()));
		model.put("entries", entries);
		notifier.send(TEMPLATE, Recipients.groups(List.of(GroupIds.ward(ward))), model);
		LOG.info("Disclosure digest {} of ward {} lists {} nomination(s)", digestId, ward, entries.size());
		return entries.size();
	}

	private static String day(Instant instant) {
		return DAY.format(instant.atZone(WorkingDays.VIETNAM));
	}

	private static Timestamp utc(Instant instant) {
		return Timestamp.valueOf(LocalDateTime.ofInstant(instant, ZoneOffset.UTC));
	}

	private static LocalTime parseTime(String value) {
		try {
			return LocalTime.parse(value == null ? "" : value.strip());
		}
		catch (DateTimeParseException ex) {
			throw new IllegalStateException(Messages.get("nomination.digest.time", TIME_SETTING, String.valueOf(value)));
		}
	}

}
