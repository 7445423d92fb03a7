package vn.thidua.pages;

import vn.thidua.web.Xlsx;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import vn.thidua.award.Award;
import vn.thidua.award.AwardAccess;
import vn.thidua.award.AwardAccess.Scope;
import vn.thidua.award.AwardCatalogue;
import vn.thidua.award.AwardEntry;
import vn.thidua.award.AwardRegister;
import vn.thidua.award.AwardSheets;
import vn.thidua.nomination.NominationHistory;
import vn.thidua.identity.organisation.OrganisationDirectory;
import vn.thidua.identity.organisation.OrganisationDirectory.ChapterRef;

/**
 * {@code /so-khen-thuong} (login): the award register with filters (year, chapter, award, status)
 * and a name search where accents are optional; {@code /so-khen-thuong/ca-nhan}: one person's
 * awards and nominations across years; {@code /so-khen-thuong/tai-ve.xlsx} and {@code .csv}: the
 * filtered register. Who sees what is the register API's rule ({@link AwardAccess}): the board,
 * council and chair their ward, a chapter head her chapter.
 */
@Controller
@PageController
class RegisterPage {

	static final int QUERY_MAX = 100;

	private final AwardRegister register;

	private final AwardAccess access;

	private final AwardCatalogue catalogue;

	private final NominationHistory nominations;

	private final OrganisationDirectory directory;

	RegisterPage(AwardRegister register, AwardAccess access, AwardCatalogue catalogue, NominationHistory nominations,
			OrganisationDirectory directory) {
		this.register = register;
		this.access = access;
		this.catalogue = catalogue;
		this.nominations = nominations;
		this.directory = directory;
	}

	/** The filters as typed; blank means "all". */
	record Filter(Integer year, String chapter, String award, String status, String name) {
	}

	/** A choice of a filter's list. */
	record Option(String value, String label) {
	}

	@GetMapping("/so-khen-thuong")
	String register(@RequestParam(name = "nam", required = false) Integer year,
			@RequestParam(name = "chi-hoi", required = false) String chapter,
			@RequestParam(name = "hinh-thuc", required = false) String award,
			@RequestParam(name = "trang-thai", required = false) String status,
			@RequestParam(name = "ten", required = false) String name, HttpServletRequest request, Model model) {
		Scope scope = scope(request);
		Filter filter = check(new Filter(year, blank(chapter), blank(award), blank(status), blank(name)), scope);
		List<AwardEntry> rows = rows(scope, filter);
		model.addAttribute("filter", filter);
		model.addAttribute("rows", rows);
		model.addAttribute("years", years(scope));
		model.addAttribute("chapters", chapters(scope));
		model.addAttribute("awards", catalogue.all().stream().map(a -> new Option(a.code(), a.name())).toList());
		model.addAttribute("statuses",
				AwardSheets.statuses().stream().map(s -> new Option(s, AwardSheets.statusLabel(s))).toList());
		Map<String, String> labels = new LinkedHashMap<>();
		AwardSheets.statuses().forEach(s -> labels.put(s, AwardSheets.statusLabel(s)));
		model.addAttribute("statusLabels", labels);
		model.addAttribute("query", query(filter));
		model.addAttribute("onlyChapters", scope.wards().isEmpty());
		return "pages/so-khen-thuong";
	}

	@GetMapping("/so-khen-thuong/tai-ve.xlsx")
	ResponseEntity<byte[]> xlsx(@RequestParam(name = "nam", required = false) Integer year,
			@RequestParam(name = "chi-hoi", required = false) String chapter,
			@RequestParam(name = "hinh-thuc", required = false) String award,
			@RequestParam(name = "trang-thai", required = false) String status,
			@RequestParam(name = "ten", required = false) String name, HttpServletRequest request) {
		Scope scope = scope(request);
		Filter filter = check(new Filter(year, blank(chapter), blank(award), blank(status), blank(name)), scope);
		return download(AwardSheets.xlsx(rows(scope, filter)), Xlsx.MEDIA_TYPE, "so-khen-thuong", year, "xlsx");
	}

	@GetMapping("/so-khen-thuong/tai-ve.csv")
	ResponseEntity<byte[]> csv(@RequestParam(name = "nam", required = false) Integer year,
			@RequestParam(name = "chi-hoi", required = false) String chapter,
			@RequestParam(name = "hinh-thuc", required = false) String award,
			@RequestParam(name = "trang-thai", required = false) String status,
			@RequestParam(name = "ten", required = false) String name, HttpServletRequest request) {
		Scope scope = scope(request);
		Filter filter = check(new Filter(year, blank(chapter), blank(award), blank(status), blank(name)), scope);
		return download(AwardSheets.csv(rows(scope, filter)).getBytes(StandardCharsets.UTF_8),
				new MediaType("text", "csv", StandardCharsets.UTF_8), "so-khen-thuong", year, "csv");
	}

	/** A person's page: the same normalised name in the same chapter, every year. */
	record PersonRow(int year, String kind, String awardName, String statusLabel, String decision, String note) {
	}

	@GetMapping("/so-khen-thuong/ca-nhan")
	String person(@RequestParam(name = "ten") String name, @RequestParam(name = "chi-hoi") String chapter,
			HttpServletRequest request, Model model) {
		Scope scope = scope(request);
		if (name.isBlank() || name.length() > 200) {
			throw new PageAccessDenied(HttpStatus.BAD_REQUEST, "«Họ tên» là bắt buộc (tối đa 200 ký tự).");
		}
		ChapterRef ref = directory.chapterByGroup(chapter)
			.filter(c -> scope.wards().contains(c.ward().code()) || scope.chapters().contains(c.groupId()))
			.orElseThrow(() -> new PageAccessDenied(HttpStatus.FORBIDDEN,
					"Chị không có quyền xem hồ sơ khen thưởng của chi hội này."));
		String key = NominationHistory.normalisedName(name);
		List<AwardEntry> awards = register.list(scope.wards(), scope.chapters(), null, chapter)
			.stream()
			.filter(a -> NominationHistory.normalisedName(a.nomineeName()).equals(key))
			.toList();
		List<NominationHistory.Entry> nominated = nominations.of(scope.wards(), scope.chapters())
			.stream()
			.filter(n -> n.chapterGroup().equals(chapter) && NominationHistory.normalisedName(n.nomineeName()).equals(key))
			.toList();
		List<PersonRow> rows = new ArrayList<>();
		for (AwardEntry a : awards) {
			rows.add(new PersonRow(a.periodYear(), "Khen thưởng", a.awardName(), AwardSheets.statusLabel(a.currentStatus()),
					a.decisionNumber() == null ? "" : a.decisionNumber()
							+ (a.decisionDate() == null ? "" : " ngày " + a.decisionDate().format(Dates.DAY)),
					a.issuerName()));
		}
		java.util.Set<String> awardedInstances = new java.util.HashSet<>();
		awards.forEach(a -> awardedInstances.add(a.processInstanceId()));
		for (NominationHistory.Entry n : nominated) {
			if (awardedInstances.contains(n.processInstanceId())) {
				continue; // the award row above is this nomination's outcome
			}
			rows.add(new PersonRow(n.periodYear(), "Đề nghị", catalogue.find(n.awardCode()).map(Award::name)
				.orElse(n.awardCode()), n.statusLabel(), "", "Đề nghị ngày " + n.createdAt().format(Dates.DAY)));
		}
		rows.sort(Comparator.comparingInt(PersonRow::year).reversed().thenComparing(PersonRow::kind));
		String display = !awards.isEmpty() ? awards.get(awards.size() - 1).nomineeName()
				: !nominated.isEmpty() ? nominated.get(0).nomineeName() : name.strip();
		model.addAttribute("name", display);
		model.addAttribute("chapterName", ref.chapter().name());
		model.addAttribute("rows", rows);
		model.addAttribute("years", rows.stream().map(PersonRow::year).collect(java.util.stream.Collectors.toCollection(TreeSet::new)));
		return "pages/ca-nhan";
	}

	private Scope scope(HttpServletRequest request) {
		PageUser user = PageUser.of(request);
		Scope scope = access.scope(user.id(), user.groups());
		if (scope.empty()) {
			throw new PageAccessDenied(HttpStatus.FORBIDDEN,
					"Chị không có quyền xem sổ khen thưởng (dành cho Ban Thường vụ, Hội đồng thi đua, Chủ tịch Hội và chi hội trưởng).");
		}
		return scope;
	}

	private Filter check(Filter f, Scope scope) {
		if (f.year() != null && (f.year() < 1945 || f.year() > 2200)) {
			throw new PageAccessDenied(HttpStatus.BAD_REQUEST, "«Năm» không hợp lệ.");
		}
		if (f.chapter() != null && chapters(scope).stream().noneMatch(o -> o.value().equals(f.chapter()))) {
			throw new PageAccessDenied(HttpStatus.FORBIDDEN, "Chị không có quyền xem sổ khen thưởng của chi hội này.");
		}
		if (f.award() != null && catalogue.find(f.award()).isEmpty()) {
			throw new PageAccessDenied(HttpStatus.BAD_REQUEST, "«Hình thức khen thưởng» không có trong danh mục.");
		}
		if (f.status() != null && !AwardSheets.statuses().contains(f.status())) {
			throw new PageAccessDenied(HttpStatus.BAD_REQUEST, "«Trạng thái» không hợp lệ.");
		}
		if (f.name() != null && f.name().length() > QUERY_MAX) {
			throw new PageAccessDenied(HttpStatus.BAD_REQUEST, "«Họ tên» dài quá " + QUERY_MAX + " ký tự.");
		}
		return f;
	}

	private List<AwardEntry> rows(Scope scope, Filter f) {
		return register.list(scope.wards(), scope.chapters(), f.year(), f.chapter())
			.stream()
			.filter(a -> f.award() == null || a.awardCode().equals(f.award()))
			.filter(a -> f.status() == null || a.currentStatus().equals(f.status()))
			.filter(a -> f.name() == null || TextFold.matches(a.nomineeName(), f.name()))
			.sorted(Comparator.comparingInt(AwardEntry::periodYear).reversed().thenComparing(AwardEntry::chapterName)
				.thenComparing(AwardEntry::nomineeName))
			.toList();
	}

	private List<Integer> years(Scope scope) {
		return register.list(scope.wards(), scope.chapters(), null, null)
			.stream()
			.map(AwardEntry::periodYear)
			.distinct()
			.sorted(Comparator.reverseOrder())
			.toList();
	}

	private List<Option> chapters(Scope scope) {
		return directory.chapters()
			.filter(c -> scope.wards().contains(c.ward().code()) || scope.chapters().contains(c.groupId()))
			.map(c -> new Option(c.groupId(), c.chapter().name()))
			.toList();
	}

	private static Map<String, String> query(Filter f) {
		Map<String, String> q = new LinkedHashMap<>();
		q.put("nam", f.year() == null ? "" : f.year().toString());
		q.put("chi-hoi", f.chapter() == null ? "" : f.chapter());
		q.put("hinh-thuc", f.award() == null ? "" : f.award());
		q.put("trang-thai", f.status() == null ? "" : f.status());
		q.put("ten", f.name() == null ? "" : f.name());
		return q;
	}

	static ResponseEntity<byte[]> download(byte[] body, MediaType type, String name, Integer year, String extension) {
		return ResponseEntity.ok()
			.contentType(type)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					"attachment; filename=\"" + name + (year == null ? "" : "-" + year) + "." + extension + "\"")
			.body(body);
	}

	private static String blank(String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}

}
