package vn.thidua.pages;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import vn.thidua.award.Award;
import vn.thidua.award.AwardAccess.Scope;
import vn.thidua.award.AwardCatalogue;
import vn.thidua.award.AwardEntry;
import vn.thidua.award.AwardRegister;
import vn.thidua.award.AwardSheets;
import vn.thidua.nomination.NominationHistory;
import vn.thidua.identity.organisation.OrganisationDirectory;
import vn.thidua.identity.organisation.OrganisationDirectory.ChapterRef;
import vn.thidua.web.Downloads;
import vn.thidua.web.Messages;
import vn.thidua.web.Refusal;
import vn.thidua.web.Xlsx;

/**
 * {@code /so-khen-thuong} (login): the award register with filters (year, chapter, award, status)
 * and a name search where accents are optional; {@code /so-khen-thuong/ca-nhan}: one person's
 * awards and nominations across years; {@code /so-khen-thuong/tai-ve.xlsx} and {@code .csv}: the
 * filtered register. The filters and the reader's scope are SQL ({@link AwardRegister#search}); the
 * page shows {@value #PAGE_SIZE} rows at a time ({@code trang}, from 1), the files every row of the
 * filter. Who sees what is the register API's rule ({@link PageAccess}): the board,
 * council and chair their ward, a chapter head her chapter.
 */
@Controller
@PageController
class RegisterPage {

	static final int QUERY_MAX = 100;

	static final int NAME_MAX = 200;

	static final int PAGE_SIZE = 50;

	/** The highest {@code trang} accepted (20 million rows deep): beyond it the number is refused. */
	static final int PAGE_MAX = 400_000;

	private final AwardRegister register;

	private final PageAccess pageAccess;

	private final AwardCatalogue catalogue;

	private final NominationHistory nominations;

	private final OrganisationDirectory directory;

	RegisterPage(AwardRegister register, PageAccess pageAccess, AwardCatalogue catalogue,
			NominationHistory nominations, OrganisationDirectory directory) {
		this.register = register;
		this.pageAccess = pageAccess;
		this.catalogue = catalogue;
		this.nominations = nominations;
		this.directory = directory;
	}

	/** The filters as typed; blank means "all". */
	record Filter(Integer year, String chapter, String award, String status, String name) {
	}

	/** One page of rows: its number (from 1), how many pages and rows the filter has. */
	record Paging(int page, int pages, long total, Map<String, String> previous, Map<String, String> next) {
	}

	/** A choice of a filter's list. */
	record Option(String value, String label) {
	}

	@GetMapping("/so-khen-thuong")
	String register(HttpServletRequest request, Model model) {
		Scope scope = pageAccess.register(request);
		Filter filter = filter(request, scope);
		int page = page(request);
		AwardRegister.Search search = search(scope, filter);
		AwardRegister.Page found = register.page(search, (long) (page - 1) * PAGE_SIZE, PAGE_SIZE);
		long total = found.total();
		List<AwardEntry> rows = found.rows();
		int pages = (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
		model.addAttribute("filter", filter);
		model.addAttribute("rows", rows);
		model.addAttribute("paging", new Paging(page, pages, total, page > 1 ? pageQuery(filter, Math.min(page - 1, pages)) : null,
				page < pages ? pageQuery(filter, page + 1) : null));
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
	ResponseEntity<byte[]> xlsx(HttpServletRequest request) {
		Scope scope = pageAccess.register(request);
		Filter filter = filter(request, scope);
		return Downloads.attachment(Xlsx.MEDIA_TYPE, fileName("so-khen-thuong", filter.year(), "xlsx"),
				AwardSheets.xlsx(register.search(search(scope, filter), 0, -1)));
	}

	@GetMapping("/so-khen-thuong/tai-ve.csv")
	ResponseEntity<byte[]> csv(HttpServletRequest request) {
		Scope scope = pageAccess.register(request);
		Filter filter = filter(request, scope);
		return AwardSheets.csv(fileName("so-khen-thuong", filter.year(), "csv"),
				register.search(search(scope, filter), 0, -1));
	}

	/** A person's page: the same normalised name in the same chapter, every year. */
	record PersonRow(int year, String kind, String awardName, String statusLabel, String decision, String note) {
	}

	@GetMapping("/so-khen-thuong/ca-nhan")
	String person(@RequestParam(name = "ten") String name, @RequestParam(name = "chi-hoi") String chapter,
			HttpServletRequest request, Model model) {
		Scope scope = pageAccess.register(request);
		if (name.isBlank() || name.length() > NAME_MAX) {
			throw Refusal.badRequest("ten", Messages.get("pages.person.name-invalid", String.valueOf(NAME_MAX)));
		}
		ChapterRef ref = directory.chapterByGroup(chapter)
			.filter(c -> scope.wards().contains(c.ward().code()) || scope.chapters().contains(c.groupId()))
			.orElseThrow(() -> Refusal.forbidden(Messages.get("pages.person.chapter-forbidden")));
		List<AwardEntry> awards = register.person(scope.wards(), scope.chapters(), chapter, name);
		List<NominationHistory.Entry> nominated = nominations.ofPerson(scope.wards(), scope.chapters(), chapter, name);
		List<PersonRow> rows = new ArrayList<>();
		for (AwardEntry a : awards) {
			rows.add(new PersonRow(a.periodYear(), Messages.get("pages.person.kind.award"), a.awardName(),
					AwardSheets.statusLabel(a.currentStatus()),
					a.decisionNumber() == null ? ""
							: a.decisionDate() == null ? a.decisionNumber()
									: Messages.get("pages.person.decision", a.decisionNumber(),
											a.decisionDate().format(Dates.DAY)),
					a.issuerName()));
		}
		java.util.Set<String> awardedInstances = new java.util.HashSet<>();
		awards.forEach(a -> awardedInstances.add(a.processInstanceId()));
		for (NominationHistory.Entry n : nominated) {
			if (awardedInstances.contains(n.processInstanceId())) {
				continue; // the award row above is this nomination's outcome
			}
			rows.add(new PersonRow(n.periodYear(), Messages.get("pages.person.kind.nomination"),
					catalogue.find(n.awardCode()).map(Award::name).orElse(n.awardCode()), n.statusLabel(), "",
					Messages.get("pages.person.nominated-on", n.createdAt().format(Dates.DAY))));
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

	/** The filters of the request ({@code nam}, {@code chi-hoi}, {@code hinh-thuc}, {@code trang-thai}, {@code ten}), checked. */
	private Filter filter(HttpServletRequest request, Scope scope) {
		String yearText = blank(request.getParameter("nam"));
		Integer year = null;
		if (yearText != null) {
			try {
				year = PageAccess.year(Integer.parseInt(yearText));
			}
			catch (NumberFormatException ex) {
				throw Refusal.badRequest("nam", Messages.get("problem.parameter.invalid", PageErrors.label("nam")));
			}
		}
		Filter f = new Filter(year, blank(request.getParameter("chi-hoi")), blank(request.getParameter("hinh-thuc")),
				blank(request.getParameter("trang-thai")), blank(request.getParameter("ten")));
		if (f.chapter() != null && chapters(scope).stream().noneMatch(o -> o.value().equals(f.chapter()))) {
			throw Refusal.forbidden(Messages.get("pages.register.chapter-forbidden"));
		}
		if (f.award() != null && catalogue.find(f.award()).isEmpty()) {
			throw Refusal.badRequest("hinh-thuc", Messages.get("pages.register.award-unknown"));
		}
		if (f.status() != null && !AwardSheets.statuses().contains(f.status())) {
			throw Refusal.badRequest("trang-thai", Messages.get("pages.register.status-invalid"));
		}
		if (f.name() != null && f.name().length() > QUERY_MAX) {
			throw Refusal.badRequest("ten", Messages.get("pages.register.query-too-long", String.valueOf(QUERY_MAX)));
		}
		return f;
	}

	/** {@code trang}: the page number, 1 when absent; anything but 1 … {@value #PAGE_MAX} is refused. */
	private static int page(HttpServletRequest request) {
		String text = blank(request.getParameter("trang"));
		if (text == null) {
			return 1;
		}
		try {
			int page = Integer.parseInt(text);
			if (page >= 1 && page <= PAGE_MAX) {
				return page;
			}
		}
		catch (NumberFormatException ex) {
			// refused below
		}
		throw Refusal.badRequest("trang", Messages.get("problem.parameter.invalid", PageErrors.label("trang")));
	}

	/** The register's search of the filter in the reader's scope (the name as {@link TextFold#matches}). */
	private static AwardRegister.Search search(Scope scope, Filter f) {
		return new AwardRegister.Search(scope.wards(), scope.chapters(), f.year(), f.chapter(), f.award(), f.status(),
				f.name());
	}

	private List<Integer> years(Scope scope) {
		return register.years(scope.wards(), scope.chapters());
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

	private static Map<String, String> pageQuery(Filter f, int page) {
		Map<String, String> q = query(f);
		q.put("trang", String.valueOf(page));
		return q;
	}

	/** {@code name-2026.xlsx}, or {@code name.xlsx} without a year. */
	static String fileName(String name, Integer year, String extension) {
		return name + (year == null ? "" : "-" + year) + "." + extension;
	}

	private static String blank(String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}

}
