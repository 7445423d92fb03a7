package vn.thidua.award;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import vn.thidua.web.CsvExport;
import vn.thidua.award.AwardAccess.Scope;
import vn.thidua.award.AwardEntry.AwardAct;
import vn.thidua.web.Xlsx;

/**
 * The award register API: {@code GET /api/awards?year=&chapter=} as JSON, or as CSV with
 * {@code Accept: text/csv} or {@code format=csv}, or as XLSX with {@code format=xlsx}; {@code POST /api/awards/{id}/outcome} (board or
 * chair: the higher level's answer to a recommendation) and {@code POST /api/awards/{id}/revocations}
 * (chair: a revocation). Both are new acts; a register row itself is never changed.
 */
@RestController
@RequestMapping("/api/awards")
class AwardController {

	private static final Logger LOG = LoggerFactory.getLogger(AwardController.class);


	private static final int NOTE_MAX = 2000;

	private static final int NUMBER_MAX = 64;

	private final AwardRegister register;

	private final AwardAccess access;

	AwardController(AwardRegister register, AwardAccess access) {
		this.register = register;
		this.access = access;
	}

	@GetMapping
	ResponseEntity<?> list(@RequestParam(required = false) Integer year,
			@RequestParam(required = false) String chapter, @RequestParam(required = false) String format,
			@RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
		Scope scope = access.scope();
		if (scope.wards().isEmpty() && scope.chapters().isEmpty()) {
			return problem(HttpStatus.FORBIDDEN, "Chị không có quyền xem sổ khen thưởng.");
		}
		List<AwardEntry> rows = register.list(scope.wards(), scope.chapters(), year, chapter);
		if ("xlsx".equalsIgnoreCase(format)) {
			return ResponseEntity.ok()
				.contentType(Xlsx.MEDIA_TYPE)
				.header(HttpHeaders.CONTENT_DISPOSITION,
						"attachment; filename=\"so-khen-thuong" + (year == null ? "" : "-" + year) + ".xlsx\"")
				.body(AwardSheets.xlsx(rows));
		}
		if (!CsvExport.wanted(format, accept)) {
			return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(rows);
		}
		return CsvExport.download("so-khen-thuong" + (year == null ? "" : "-" + year) + ".csv", CSV_HEADER,
				AwardSheets.rows(rows));
	}

	static final String[] CSV_HEADER = { "Mã", "Năm", "Chi hội", "Đối tượng", "Họ tên / Tập thể",
			"Hình thức khen thưởng", "Cấp ban hành", "Trạng thái", "Số quyết định", "Ngày quyết định",
			"Phiếu tán thành", "Phiếu không tán thành", "Không bỏ phiếu", "Kết quả cấp trên", "Thu hồi",
			"Mã quy trình" };

	static String statusLabel(String status) {
		return switch (status) {
			case AwardEntry.DECIDED -> "Đã quyết định";
			case AwardEntry.RECOMMENDED -> "Đã đề nghị cấp trên";
			case "GRANTED" -> "Cấp trên đã khen";
			case "NOT_GRANTED" -> "Cấp trên không khen";
			case "REVOKED" -> "Đã thu hồi";
			default -> status;
		};
	}

	private static String outcomeText(AwardAct act) {
		return statusLabel(act.outcome()) + (act.decisionNumber() == null ? "" : " (" + act.decisionNumber() + ")");
	}

	/** The answer of the higher level to a recommendation. */
	record OutcomeRequest(String outcome, String decisionNumber, String decisionDate, String note) {
	}

	@PostMapping("/{id}/outcome")
	ResponseEntity<?> outcome(@PathVariable long id, @RequestBody OutcomeRequest request) {
		Optional<AwardEntry> found = visible(id);
		if (found.isEmpty()) {
			return problem(HttpStatus.NOT_FOUND, "Không có dòng sổ khen thưởng này.");
		}
		AwardEntry entry = found.get();
		if (!access.isBoardOrChair(entry.wardCode())) {
			return problem(HttpStatus.FORBIDDEN, "Chỉ Ban Thường vụ hoặc Chủ tịch Hội nhập kết quả của cấp trên.");
		}
		if (!AwardEntry.RECOMMENDED.equals(entry.status())) {
			return problem(HttpStatus.CONFLICT, "Chỉ nhập kết quả cho đề nghị đã gửi cấp trên.");
		}
		if (request == null || !List.of("GRANTED", "NOT_GRANTED").contains(request.outcome())) {
			return problem(HttpStatus.BAD_REQUEST, "Kết quả phải là GRANTED (được khen) hoặc NOT_GRANTED (không khen).");
		}
		boolean granted = "GRANTED".equals(request.outcome());
		Optional<String> invalid = checkAct(request.decisionNumber(), request.decisionDate(), request.note(), granted);
		if (invalid.isPresent()) {
			return problem(HttpStatus.BAD_REQUEST, invalid.get());
		}
		AwardAct act = new AwardAct(AwardAct.OUTCOME, request.outcome(), blankToNull(request.decisionNumber()),
				parse(request.decisionDate()), blankToNull(request.note()), access.userId(), LocalDateTime.now());
		if (!register.recordAct(id, act)) {
			return problem(HttpStatus.CONFLICT, "Kết quả của cấp trên đã được nhập; không sửa được.");
		}
		LOG.info("Outcome {} of recommendation {} recorded by {}", request.outcome(), id, access.userId());
		return ResponseEntity.status(HttpStatus.CREATED).body(register.find(id).orElseThrow());
	}

	/** A revocation: a new decision of the chair, recorded beside the one it revokes. */
	record RevocationRequest(String decisionNumber, String decisionDate, String reason) {
	}

	@PostMapping("/{id}/revocations")
	ResponseEntity<?> revoke(@PathVariable long id, @RequestBody RevocationRequest request) {
		Optional<AwardEntry> found = visible(id);
		if (found.isEmpty()) {
			return problem(HttpStatus.NOT_FOUND, "Không có dòng sổ khen thưởng này.");
		}
		AwardEntry entry = found.get();
		if (!access.isChair(entry.wardCode())) {
			return problem(HttpStatus.FORBIDDEN, "Chỉ Chủ tịch Hội ký quyết định thu hồi.");
		}
		if (!AwardEntry.DECIDED.equals(entry.status())) {
			return problem(HttpStatus.CONFLICT, "Chỉ thu hồi khen thưởng do phường quyết định.");
		}
		if (request == null || request.reason() == null || request.reason().isBlank()) {
			return problem(HttpStatus.BAD_REQUEST, "Cần ghi lý do thu hồi.");
		}
		Optional<String> invalid = checkAct(request.decisionNumber(), request.decisionDate(), request.reason(), true);
		if (invalid.isPresent()) {
			return problem(HttpStatus.BAD_REQUEST, invalid.get());
		}
		AwardAct act = new AwardAct(AwardAct.REVOCATION, null, request.decisionNumber().trim(),
				parse(request.decisionDate()), request.reason().trim(), access.userId(), LocalDateTime.now());
		if (!register.recordAct(id, act)) {
			return problem(HttpStatus.CONFLICT, "Khen thưởng này đã bị thu hồi.");
		}
		LOG.info("Award {} revoked by {}", id, access.userId());
		return ResponseEntity.status(HttpStatus.CREATED).body(register.find(id).orElseThrow());
	}

	private Optional<AwardEntry> visible(long id) {
		Scope scope = access.scope();
		return register.find(id).filter(scope::sees);
	}

	private static Optional<String> checkAct(String number, String date, String note, boolean decisionRequired) {
		if (decisionRequired && (number == null || number.isBlank())) {
			return Optional.of("Cần ghi số quyết định.");
		}
		if (number != null && number.length() > NUMBER_MAX) {
			return Optional.of("Số quyết định dài quá " + NUMBER_MAX + " ký tự.");
		}
		if (decisionRequired && (date == null || date.isBlank())) {
			return Optional.of("Cần ghi ngày quyết định (NNNN-TT-NN).");
		}
		if (date != null && !date.isBlank()) {
			try {
				if (LocalDate.parse(date).isAfter(LocalDate.now())) {
					return Optional.of("Ngày quyết định không thể ở tương lai.");
				}
			}
			catch (DateTimeParseException ex) {
				return Optional.of("Ngày quyết định phải có dạng NNNN-TT-NN.");
			}
		}
		if (note != null && note.length() > NOTE_MAX) {
			return Optional.of("Ghi chú dài quá " + NOTE_MAX + " ký tự.");
		}
		return Optional.empty();
	}

	private static LocalDate parse(String date) {
		return date == null || date.isBlank() ? null : LocalDate.parse(date);
	}

	private static String blankToNull(String s) {
		return s == null || s.isBlank() ? null : s.trim();
	}

	static ResponseEntity<Map<String, String>> problem(HttpStatus status, String message) {
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(Map.of("message", message));
	}

}
