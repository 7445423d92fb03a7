package vn.thidua.award;

import java.util.ArrayList;
import java.util.List;

import vn.thidua.web.Xlsx;
import vn.thidua.web.CsvExport;

/**
 * The register as a table for export: the same columns as the CSV of {@code GET /api/awards}, as an
 * XLSX sheet (numbers and dates typed) or as CSV. Used by the API and by the pages.
 */
public final class AwardSheets {

	private AwardSheets() {
	}

	public static Xlsx.Table table(List<AwardEntry> rows) {
		return new Xlsx.Table("Sổ khen thưởng", List.of(AwardController.CSV_HEADER), rows(rows));
	}

	/** One row per register entry, in the columns of {@link AwardController#CSV_HEADER}. */
	static List<List<Object>> rows(List<AwardEntry> rows) {
		List<List<Object>> values = new ArrayList<>();
		for (AwardEntry r : rows) {
			List<Object> v = new ArrayList<>();
			v.add(r.id());
			v.add(r.periodYear());
			v.add(r.chapterName());
			v.add("INDIVIDUAL".equals(r.nomineeType()) ? "Cá nhân" : "Tập thể");
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
			v.add(r.revocation() == null ? null : "Thu hồi theo " + r.revocation().decisionNumber());
			v.add(r.processInstanceId());
			values.add(v);
		}
		return values;
	}

	public static byte[] xlsx(List<AwardEntry> rows) {
		return Xlsx.write(List.of(table(rows)));
	}

	/** UTF-8 with a byte order mark (Excel shows the Vietnamese letters). */
	public static String csv(List<AwardEntry> rows) {
		return CsvExport.write(AwardController.CSV_HEADER, rows(rows));
	}

	/** The register status in Vietnamese: Đã quyết định, Đã đề nghị cấp trên, Đã thu hồi, ... */
	public static String statusLabel(String status) {
		return AwardController.statusLabel(status);
	}

	/** The statuses a register row can have now, in the order the filter lists them. */
	public static List<String> statuses() {
		return List.of(AwardEntry.DECIDED, AwardEntry.RECOMMENDED, "GRANTED", "NOT_GRANTED", "REVOKED");
	}

}
