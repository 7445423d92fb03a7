package vn.thidua.award;

import java.util.ArrayList;
import java.util.List;

import org.springframework.http.ResponseEntity;

import vn.thidua.web.CsvExport;
import vn.thidua.web.Messages;
import vn.thidua.web.Xlsx;

/**
 * The register as a table for export: the same columns for the CSV of {@code GET /api/awards}, the
 * XLSX sheet (numbers and dates typed) and the pages' downloads.
 */
public final class AwardSheets {

	private AwardSheets() {
	}

	/** The columns, in the order of {@link #rows}. */
	static String[] header() {
		return new String[] { Messages.get("award.column.id"), Messages.get("award.column.year"),
				Messages.get("award.column.chapter"), Messages.get("award.column.nominee-type"),
				Messages.get("award.column.nominee"), Messages.get("award.column.award"),
				Messages.get("award.column.issuer"), Messages.get("award.column.status"),
				Messages.get("award.column.decision-number"), Messages.get("award.column.decision-date"),
				Messages.get("award.column.votes-agree"), Messages.get("award.column.votes-disagree"),
				Messages.get("award.column.votes-abstain"), Messages.get("award.column.outcome"),
				Messages.get("award.column.revocation"), Messages.get("award.column.process-instance") };
	}

	public static Xlsx.Table table(List<AwardEntry> rows) {
		return new Xlsx.Table(Messages.get("award.sheet.name"), List.of(header()), rows(rows));
	}

	/** One row per register entry, in the columns of {@link #header()}. */
	static List<List<Object>> rows(List<AwardEntry> rows) {
		List<List<Object>> values = new ArrayList<>();
		for (AwardEntry r : rows) {
			List<Object> v = new ArrayList<>();
			v.add(r.id());
			v.add(r.periodYear());
			v.add(r.chapterName());
			v.add("INDIVIDUAL".equals(r.nomineeType()) ? Messages.get("award.nominee-type.individual")
					: Messages.get("award.nominee-type.collective"));
			v.add(r.nomineeName());
			v.add(r.awardName());
			v.add(r.issuerName());
			v.add(statusLabel(r.currentStatus()));
			v.add(r.decisionNumber());
			v.add(r.decisionDate());
			v.add(r.votesAgree());
			v.add(r.votesDisagree());
			v.add(r.votesAbstain());
			v.add(r.outcome() == null ? null
					: statusLabel(r.outcome().outcome())
							+ (r.outcome().decisionNumber() == null ? "" : " (" + r.outcome().decisionNumber() + ")"));
			v.add(r.revocation() == null ? null
					: Messages.get("award.revoked-by", r.revocation().decisionNumber()));
			v.add(r.processInstanceId());
			values.add(v);
		}
		return values;
	}

	public static byte[] xlsx(List<AwardEntry> rows) {
		return Xlsx.write(List.of(table(rows)));
	}

	/** The rows as a CSV download (the one CSV writer: BOM, dd/mm/yyyy, formula cells neutralised). */
	public static ResponseEntity<byte[]> csv(String fileName, List<AwardEntry> rows) {
		return CsvExport.download(fileName, header(), rows(rows));
	}

	/** The register status in Vietnamese: Đã quyết định, Đã đề nghị cấp trên, Đã thu hồi, ... */
	public static String statusLabel(String status) {
		return switch (status) {
			case AwardEntry.DECIDED -> Messages.get("award.status.decided");
			case AwardEntry.RECOMMENDED -> Messages.get("award.status.recommended");
			case "GRANTED" -> Messages.get("award.status.granted");
			case "NOT_GRANTED" -> Messages.get("award.status.not-granted");
			case "REVOKED" -> Messages.get("award.status.revoked");
			default -> status;
		};
	}

	/** The statuses a register row can have now, in the order the filter lists them. */
	public static List<String> statuses() {
		return List.of(AwardEntry.DECIDED, AwardEntry.RECOMMENDED, "GRANTED", "NOT_GRANTED", "REVOKED");
	}

}
