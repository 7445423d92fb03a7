package vn.thidua.identity.organisation;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;

import vn.thidua.identity.organisation.Organisation.Chapter;
import vn.thidua.identity.organisation.Organisation.Council;
import vn.thidua.identity.organisation.Organisation.PartyCell;
import vn.thidua.identity.organisation.Organisation.Person;
import vn.thidua.identity.organisation.Organisation.Ward;
import vn.thidua.identity.organisation.OrganisationChanges.Outcome;
import vn.thidua.identity.organisation.OrganisationStore.Change;
import vn.thidua.web.Messages;
import vn.thidua.web.Xlsx;

/**
 * The organisation as an Excel workbook, one sheet per kind with Vietnamese headers: «Người»,
 * «Chi hội», «Ban Thường vụ», «Hội đồng». Export writes the wards the person administers; import
 * reads the same sheets back: every row is checked, and one wrong row means nothing is imported
 * (each wrong row is listed with its sheet, row number and reason). A sheet that is absent leaves
 * that part as it is; a ward listed in a sheet gets exactly the rows listed (its chapters, its chair
 * and board, its council); people are added or updated, never removed by an import.
 */
public final class OrganisationWorkbook {

	static final String SHEET_PEOPLE = Messages.get("orgadmin.xlsx.sheet.people");

	static final String SHEET_CHAPTERS = Messages.get("orgadmin.xlsx.sheet.chapters");

	static final String SHEET_BOARD = Messages.get("orgadmin.xlsx.sheet.board");

	static final String SHEET_COUNCIL = Messages.get("orgadmin.xlsx.sheet.council");

	static final List<String> PEOPLE_HEADER = header("orgadmin.xlsx.people.header");

	static final List<String> CHAPTERS_HEADER = header("orgadmin.xlsx.chapters.header");

	static final List<String> BOARD_HEADER = header("orgadmin.xlsx.board.header");

	static final List<String> COUNCIL_HEADER = header("orgadmin.xlsx.council.header");

	static final String ROLE_CHAIR = Messages.get("orgadmin.xlsx.role.chair");

	static final String ROLE_COUNCIL_CHAIR = Messages.get("orgadmin.xlsx.role.council-chair");

	static final String ROLE_MEMBER = Messages.get("orgadmin.xlsx.role.member");

	/** A wrong row: its sheet, its row number as Excel shows it (the header is row 1), the reason. */
	public record RowError(String sheet, int row, String reason) {
	}

	/** The result of reading a workbook: the change, or the wrong rows (then no change). */
	public record Import(Outcome outcome, List<RowError> errors) {
	}

	private OrganisationWorkbook() {
	}

	private static List<String> header(String key) {
		return List.of(Messages.get(key).split("\\|"));
	}

	public static byte[] export(Organisation org, List<Ward> wards) {
		Set<String> logins = new java.util.LinkedHashSet<>();
		List<List<Object>> chapters = new ArrayList<>();
		List<List<Object>> board = new ArrayList<>();
		List<List<Object>> council = new ArrayList<>();
		for (Ward w : wards) {
			if (w.admin() != null) {
				logins.add(w.admin());
			}
			board.add(List.of(w.code(), w.chair(), ROLE_CHAIR));
			logins.add(w.chair());
			for (String b : w.board()) {
				board.add(List.of(w.code(), b, ROLE_MEMBER));
				logins.add(b);
			}
			if (w.council() != null) {
				for (String m : w.council().members()) {
					council.add(List.of(w.code(), m, m.equals(w.council().chair()) ? ROLE_COUNCIL_CHAIR : ROLE_MEMBER));
					logins.add(m);
				}
			}
			for (Chapter c : w.chapters()) {
				chapters.add(List.of(w.code(), c.code(), c.name(), c.head(), c.partyCell().name(), c.partyCell().secretary()));
				logins.add(c.head());
				logins.add(c.partyCell().secretary());
			}
		}
		boolean all = wards.size() == org.wards().size();
		List<List<Object>> people = new ArrayList<>();
		for (Person p : org.people()) {
			if (all || logins.contains(p.id()) || OrganisationEdits.roles(org, p.id()).isEmpty()) {
				people.add(List.of(p.id(), nz(p.firstName()), nz(p.lastName()), nz(p.email())));
			}
		}
		return Xlsx.write(List.of(new Xlsx.Table(SHEET_PEOPLE, PEOPLE_HEADER, people),
				new Xlsx.Table(SHEET_CHAPTERS, CHAPTERS_HEADER, chapters),
				new Xlsx.Table(SHEET_BOARD, BOARD_HEADER, board), new Xlsx.Table(SHEET_COUNCIL, COUNCIL_HEADER, council)));
	}

	private static String nz(String s) {
		return s == null ? "" : s;
	}

	/** Reads an uploaded workbook as a change of the organisation by {@code login}. */
	public static Import read(byte[] file, Organisation org, String login) {
		OrganisationEdits.requireAdministrator(org, login);
		List<RowError> errors = new ArrayList<>();
		Map<String, Ward> managed = new LinkedHashMap<>();
		OrganisationEdits.wardsManagedBy(org, login).forEach(w -> managed.put(w.code(), w));
		try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(file))) {
			DataFormatter cells = new DataFormatter();
			// people first: the other sheets may name the people it adds
			Map<String, Person> people = new LinkedHashMap<>();
			org.people().forEach(p -> people.put(p.id(), p));
			Map<String, Person> listedPeople = new LinkedHashMap<>();
			for (Rowed r : rows(workbook, SHEET_PEOPLE, PEOPLE_HEADER, cells, errors)) {
				String id = r.cell(0);
				if (id.isEmpty() || !OrganisationEdits.LOGIN.matcher(id).matches()) {
					errors.add(r.error(Messages.get("orgadmin.xlsx.error.login", PEOPLE_HEADER.get(0))));
					continue;
				}
				if (listedPeople.containsKey(id)) {
					errors.add(r.error(Messages.get("orgadmin.xlsx.error.repeated", id)));
					continue;
				}
				if (r.cell(1).isEmpty() || r.cell(2).isEmpty()) {
					errors.add(r.error(Messages.get("orgadmin.xlsx.error.name-missing")));
					continue;
				}
				if (!OrganisationEdits.EMAIL.matcher(r.cell(3)).matches()) {
					errors.add(r.error(Messages.get("orgadmin.xlsx.error.email", r.cell(3))));
					continue;
				}
				Person existing = people.get(id);
				if (existing != null && !OrganisationEdits.managesCity(org, login)
						&& outsideManaged(org, id, managed.keySet())) {
					errors.add(r.error(Messages.get("orgadmin.xlsx.error.person-elsewhere", id)));
					continue;
				}
				Person person = new Person(id, r.cell(1), r.cell(2), r.cell(3));
				listedPeople.put(id, person);
				people.put(id, person);
			}
			Map<String, List<Chapter>> chapters = new LinkedHashMap<>();
			for (Rowed r : rows(workbook, SHEET_CHAPTERS, CHAPTERS_HEADER, cells, errors)) {
				String ward = r.cell(0);
				if (!ward(r, ward, managed, errors)) {
					continue;
				}
				List<Chapter> list = chapters.computeIfAbsent(ward, w -> new ArrayList<>());
				String code = r.cell(1);
				if (!OrganisationEdits.CODE.matcher(code).matches()) {
					errors.add(r.error(Messages.get("orgadmin.xlsx.error.code", code)));
					continue;
				}
				if (list.stream().anyMatch(c -> c.code().equals(code))) {
					errors.add(r.error(Messages.get("orgadmin.xlsx.error.repeated", code)));
					continue;
				}
				if (r.cell(2).isEmpty() || r.cell(4).isEmpty()) {
					errors.add(r.error(Messages.get("orgadmin.xlsx.error.chapter-name-missing")));
					continue;
				}
				if (!known(r, r.cell(3), people, errors) || !known(r, r.cell(5), people, errors)) {
					continue;
				}
				list.add(new Chapter(code, r.cell(2), r.cell(3), new PartyCell(r.cell(4), r.cell(5))));
			}
			Map<String, String> chairs = new LinkedHashMap<>();
			Map<String, List<String>> boards = new LinkedHashMap<>();
			for (Rowed r : rows(workbook, SHEET_BOARD, BOARD_HEADER, cells, errors)) {
				String ward = r.cell(0);
				if (!ward(r, ward, managed, errors) || !known(r, r.cell(1), people, errors)) {
					continue;
				}
				List<String> board = boards.computeIfAbsent(ward, w -> new ArrayList<>());
				if (ROLE_CHAIR.equalsIgnoreCase(r.cell(2))) {
					if (chairs.putIfAbsent(ward, r.cell(1)) != null) {
						errors.add(r.error(Messages.get("orgadmin.xlsx.error.second-chair")));
					}
				}
				else if (ROLE_MEMBER.equalsIgnoreCase(r.cell(2))) {
					board.add(r.cell(1));
				}
				else {
					errors.add(r.error(Messages.get("orgadmin.xlsx.error.role", r.cell(2), ROLE_CHAIR, ROLE_MEMBER)));
				}
			}
			for (String ward : boards.keySet()) {
				if (!chairs.containsKey(ward)) {
					errors.add(new RowError(SHEET_BOARD, 0, Messages.get("orgadmin.xlsx.error.no-chair", ward)));
				}
			}
			Map<String, String> councilChairs = new LinkedHashMap<>();
			Map<String, List<String>> councils = new LinkedHashMap<>();
			for (Rowed r : rows(workbook, SHEET_COUNCIL, COUNCIL_HEADER, cells, errors)) {
				String ward = r.cell(0);
				if (!ward(r, ward, managed, errors) || !known(r, r.cell(1), people, errors)) {
					continue;
				}
				List<String> members = councils.computeIfAbsent(ward, w -> new ArrayList<>());
				if (members.contains(r.cell(1))) {
					errors.add(r.error(Messages.get("orgadmin.xlsx.error.repeated", r.cell(1))));
					continue;
				}
				if (ROLE_COUNCIL_CHAIR.equalsIgnoreCase(r.cell(2))) {
					if (councilChairs.putIfAbsent(ward, r.cell(1)) != null) {
						errors.add(r.error(Messages.get("orgadmin.xlsx.error.second-chair")));
						continue;
					}
				}
				else if (!ROLE_MEMBER.equalsIgnoreCase(r.cell(2))) {
					errors.add(r.error(Messages.get("orgadmin.xlsx.error.role", r.cell(2), ROLE_COUNCIL_CHAIR, ROLE_MEMBER)));
					continue;
				}
				members.add(r.cell(1));
			}
			for (String ward : councils.keySet()) {
				if (!councilChairs.containsKey(ward)) {
					errors.add(new RowError(SHEET_COUNCIL, 0, Messages.get("orgadmin.xlsx.error.no-council-chair", ward)));
				}
			}
			if (!errors.isEmpty()) {
				return new Import(null, errors);
			}
			List<Ward> wards = new ArrayList<>();
			List<Change> changes = new ArrayList<>();
			for (Ward w : org.wards()) {
				Ward changed = w;
				if (chapters.containsKey(w.code())) {
					changed = OrganisationEdits.withChapters(changed, chapters.get(w.code()));
				}
				if (boards.containsKey(w.code())) {
					changed = new Ward(changed.code(), changed.name(), chairs.get(w.code()), boards.get(w.code()),
							changed.council(), changed.chapters(), changed.admin());
				}
				if (councils.containsKey(w.code())) {
					Council old = changed.council();
					changed = new Ward(changed.code(), changed.name(), changed.chair(), changed.board(),
							new Council(old == null ? Messages.get("orgadmin.council.default-name", w.name()) : old.name(),
									councilChairs.get(w.code()), councils.get(w.code())),
							changed.chapters(), changed.admin());
				}
				if (!changed.equals(w)) {
					changes.add(new Change(w.code(), Messages.get("orgadmin.audit.subject.ward", w.code()),
							Messages.get("orgadmin.audit.imported-ward", w.name()), w, changed));
				}
				wards.add(changed);
			}
			List<Person> before = new ArrayList<>();
			List<Person> after = new ArrayList<>();
			for (Person p : listedPeople.values()) {
				Person old = org.people().stream().filter(x -> x.id().equals(p.id())).findFirst().orElse(null);
				if (!p.equals(old)) {
					if (old != null) {
						before.add(old);
					}
					after.add(p);
				}
			}
			if (!after.isEmpty()) {
				changes.add(new Change(null, Messages.get("orgadmin.audit.subject.people"),
						Messages.get("orgadmin.audit.imported-people", after.size()), before, after));
			}
			Organisation result = new Organisation(org.city(), wards, List.copyOf(people.values()));
			List<String> problems = OrganisationDirectory.problems(result);
			if (!problems.isEmpty()) {
				return new Import(null, problems.stream().map(p -> new RowError("", 0, p)).toList());
			}
			return new Import(new Outcome(result, changes), List.of());
		}
		catch (IOException | RuntimeException ex) {
			if (ex instanceof vn.thidua.web.Refusal refusal) {
				throw refusal;
			}
			return new Import(null, List.of(new RowError("", 0, Messages.get("orgadmin.xlsx.error.unreadable"))));
		}
	}

	private static boolean outsideManaged(Organisation org, String id, Set<String> managed) {
		for (Ward w : org.wards()) {
			if (!managed.contains(w.code()) && OrganisationEdits.roles(
					new Organisation(org.city(), List.of(w), org.people()), id).size() > 0) {
				return true;
			}
		}
		return false;
	}

	private static boolean ward(Rowed r, String ward, Map<String, Ward> managed, List<RowError> errors) {
		if (!managed.containsKey(ward)) {
			errors.add(r.error(Messages.get("orgadmin.xlsx.error.ward", ward)));
			return false;
		}
		return true;
	}

	private static boolean known(Rowed r, String login, Map<String, Person> people, List<RowError> errors) {
		if (!people.containsKey(login)) {
			errors.add(r.error(Messages.get("orgadmin.xlsx.error.person-unknown", login)));
			return false;
		}
		return true;
	}

	/** A data row of a sheet, its cells as text (stripped). */
	private record Rowed(String sheet, int number, List<String> cells) {

		String cell(int i) {
			return i < cells.size() ? cells.get(i) : "";
		}

		RowError error(String reason) {
			return new RowError(sheet, number, reason);
		}

	}

	private static List<Rowed> rows(Workbook workbook, String name, List<String> header, DataFormatter cells,
			List<RowError> errors) {
		Sheet sheet = workbook.getSheet(name);
		if (sheet == null) {
			return List.of();
		}
		Row head = sheet.getRow(0);
		List<String> found = head == null ? List.of() : texts(head, header.size(), cells);
		if (!found.equals(header)) {
			errors.add(new RowError(name, 1, Messages.get("orgadmin.xlsx.error.header", String.join(" | ", header))));
			return List.of();
		}
		List<Rowed> rows = new ArrayList<>();
		Set<Integer> seen = new HashSet<>();
		for (int i = 1; i <= sheet.getLastRowNum(); i++) {
			Row row = sheet.getRow(i);
			if (row == null) {
				continue;
			}
			List<String> values = texts(row, header.size(), cells);
			if (values.stream().allMatch(String::isEmpty) || !seen.add(i)) {
				continue;
			}
			rows.add(new Rowed(name, i + 1, values));
		}
		return rows;
	}

	private static List<String> texts(Row row, int count, DataFormatter cells) {
		List<String> values = new ArrayList<>();
		for (int c = 0; c < count; c++) {
			values.add(row.getCell(c) == null ? "" : cells.formatCellValue(row.getCell(c)).strip());
		}
		return values;
	}

}
