package vn.thidua.identity.organisation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import vn.thidua.identity.organisation.Organisation.Chapter;
import vn.thidua.identity.organisation.Organisation.City;
import vn.thidua.identity.organisation.Organisation.Council;
import vn.thidua.identity.organisation.Organisation.PartyCell;
import vn.thidua.identity.organisation.Organisation.Person;
import vn.thidua.identity.organisation.Organisation.Ward;
import vn.thidua.identity.organisation.OrganisationChanges.Outcome;
import vn.thidua.identity.organisation.OrganisationStore.Change;
import vn.thidua.web.Messages;
import vn.thidua.web.Refusal;

/**
 * The organisation administrators' rules, on plain records: who manages what (a ward's administrator
 * her ward, the city's administrator every ward and their administrators), and each change as a new
 * organisation with the parts it touched. A wrong value is refused with the form field that holds it
 * (400); access is decided on the stored organisation, never on a submitted value.
 */
public final class OrganisationEdits {

	public static final String FIELD_CODE = "ma";

	public static final String FIELD_NAME = "ten";

	public static final String FIELD_HEAD = "chiHoiTruong";

	public static final String FIELD_CELL_NAME = "tenChiBo";

	public static final String FIELD_SECRETARY = "biThu";

	public static final String FIELD_LOGIN = "tenDangNhap";

	public static final String FIELD_FAMILY_NAMES = "hoDem";

	public static final String FIELD_GIVEN_NAME = "tenGoi";

	public static final String FIELD_EMAIL = "email";

	public static final String FIELD_CHAIR = "chuTich";

	public static final String FIELD_BOARD = "banThuongVu";

	public static final String FIELD_COUNCIL_CHAIR = "chuTichHoiDong";

	public static final String FIELD_COUNCIL = "hoiDong";

	public static final String FIELD_ADMIN = "quanTri";

	static final Pattern CODE = Pattern.compile("[a-z0-9]{1,32}");

	static final Pattern LOGIN = Pattern.compile("[a-zA-Z0-9_.]{1,64}");

	static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

	private OrganisationEdits() {
	}

	// ------------------------------------------------------------------ access

	public static boolean managesCity(Organisation org, String login) {
		return login != null && org.city() != null && login.equals(org.city().admin());
	}

	/** The wards this person administers: all of them for the city's administrator. */
	public static List<Ward> wardsManagedBy(Organisation org, String login) {
		if (managesCity(org, login)) {
			return org.wards();
		}
		return org.wards().stream().filter(w -> login != null && login.equals(w.admin())).toList();
	}

	public static boolean administers(Organisation org, String login) {
		return managesCity(org, login) || !wardsManagedBy(org, login).isEmpty();
	}

	/** The ward, when this person administers it; 403 otherwise (404 when there is none). */
	static Ward managedWard(Organisation org, String login, String wardCode) {
		Ward ward = org.wards()
			.stream()
			.filter(w -> w.code().equals(wardCode))
			.findFirst()
			.orElseThrow(() -> Refusal.notFound(Messages.get("orgadmin.refused.ward-unknown")));
		if (!wardsManagedBy(org, login).contains(ward)) {
			throw Refusal.forbidden(Messages.get("orgadmin.refused.not-your-ward", ward.name()));
		}
		return ward;
	}

	static void requireAdministrator(Organisation org, String login) {
		if (!administers(org, login)) {
			throw Refusal.forbidden(Messages.get("orgadmin.refused.not-admin"));
		}
	}

	// ------------------------------------------------------------------ chapters

	/**
	 * Adds a chapter ({@code chapterCode} null) or changes one: its name, head, Party cell and
	 * secretary. Replacing the head hands the chapter's open tasks to the new head
	 * ({@link OrganisationChanges#handOver}).
	 */
	public static Outcome saveChapter(Organisation org, String login, String wardCode, String chapterCode, String code,
			String name, String head, String cellName, String secretary) {
		Ward ward = managedWard(org, login, wardCode);
		Chapter existing = chapterCode == null ? null
				: ward.chapters()
					.stream()
					.filter(c -> c.code().equals(chapterCode))
					.findFirst()
					.orElseThrow(() -> Refusal.notFound(Messages.get("orgadmin.refused.chapter-unknown")));
		String newCode = existing != null ? existing.code() : required(FIELD_CODE, code);
		if (existing == null) {
			if (!CODE.matcher(newCode).matches()) {
				throw Refusal.badRequest(FIELD_CODE, Messages.get("orgadmin.refused.code-invalid"));
			}
			if (ward.chapters().stream().anyMatch(c -> c.code().equals(newCode))) {
				throw Refusal.badRequest(FIELD_CODE, Messages.get("orgadmin.refused.chapter-code-taken", newCode));
			}
		}
		Chapter chapter = new Chapter(newCode, text(FIELD_NAME, name, 255), person(org, FIELD_HEAD, head),
				new PartyCell(text(FIELD_CELL_NAME, cellName, 255), person(org, FIELD_SECRETARY, secretary)));
		List<Chapter> chapters = new ArrayList<>(ward.chapters());
		if (existing == null) {
			chapters.add(chapter);
		}
		else {
			chapters.set(chapters.indexOf(existing), chapter);
		}
		Ward changed = withChapters(ward, chapters);
		String summary;
		if (existing == null) {
			summary = Messages.get("orgadmin.audit.chapter-added", chapter.name(), ward.name());
		}
		else if (!Objects.equals(existing.head(), chapter.head())) {
			summary = Messages.get("orgadmin.audit.head-replaced", chapter.name(), existing.head(), chapter.head());
		}
		else {
			summary = Messages.get("orgadmin.audit.chapter-changed", chapter.name());
		}
		return new Outcome(replaceWard(org, ward, changed), List.of(
				new Change(ward.code(), Messages.get("orgadmin.audit.subject.chapter", ward.code(), newCode), summary,
						existing, chapter)));
	}

	// ------------------------------------------------------------------ people

	public static Outcome addPerson(Organisation org, String login, String id, String familyNames, String givenName,
			String email) {
		requireAdministrator(org, login);
		String newId = required(FIELD_LOGIN, id);
		if (!LOGIN.matcher(newId).matches()) {
			throw Refusal.badRequest(FIELD_LOGIN, Messages.get("orgadmin.refused.login-invalid"));
		}
		if (org.people().stream().anyMatch(p -> p.id().equalsIgnoreCase(newId))) {
			throw Refusal.badRequest(FIELD_LOGIN, Messages.get("orgadmin.refused.login-taken", newId));
		}
		Person person = new Person(newId, text(FIELD_FAMILY_NAMES, familyNames, 100), text(FIELD_GIVEN_NAME, givenName, 100),
				email(email));
		List<Person> people = new ArrayList<>(org.people());
		people.add(person);
		return new Outcome(new Organisation(org.city(), org.wards(), people),
				List.of(new Change(null, Messages.get("orgadmin.audit.subject.person", newId),
						Messages.get("orgadmin.audit.person-added", person.fullName(), newId), null, person)));
	}

	/** Removes a person who holds no role any more (replace her first); she loses every access. */
	public static Outcome removePerson(Organisation org, String login, String id) {
		requireAdministrator(org, login);
		Person person = org.people()
			.stream()
			.filter(p -> p.id().equals(id))
			.findFirst()
			.orElseThrow(() -> Refusal.notFound(Messages.get("orgadmin.refused.person-unknown", id)));
		List<String> roles = roles(org, id);
		if (!roles.isEmpty()) {
			throw Refusal.badRequest(FIELD_LOGIN,
					Messages.get("orgadmin.refused.person-has-roles", person.fullName(), String.join("; ", roles)));
		}
		if (id.equals(login)) {
			throw Refusal.badRequest(FIELD_LOGIN, Messages.get("orgadmin.refused.remove-self"));
		}
		List<Person> people = new ArrayList<>(org.people());
		people.remove(person);
		return new Outcome(new Organisation(org.city(), org.wards(), people),
				List.of(new Change(null, Messages.get("orgadmin.audit.subject.person", id),
						Messages.get("orgadmin.audit.person-removed", person.fullName(), id), person, null)));
	}

	/** What the person is in the organisation, in words (empty: nothing). */
	public static List<String> roles(Organisation org, String id) {
		List<String> roles = new ArrayList<>();
		if (org.city() != null && id.equals(org.city().admin())) {
			roles.add(Messages.get("orgadmin.role.city-admin"));
		}
		for (Ward w : org.wards()) {
			if (id.equals(w.admin())) {
				roles.add(Messages.get("orgadmin.role.admin", w.name()));
			}
			if (id.equals(w.chair())) {
				roles.add(Messages.get("orgadmin.role.chair", w.name()));
			}
			if (w.board().contains(id)) {
				roles.add(Messages.get("orgadmin.role.board", w.name()));
			}
			if (w.council() != null && w.council().members().contains(id)) {
				roles.add(Messages.get("orgadmin.role.council", w.name()));
			}
			for (Chapter c : w.chapters()) {
				if (id.equals(c.head())) {
					roles.add(Messages.get("orgadmin.role.head", c.name()));
				}
				if (c.partyCell() != null && id.equals(c.partyCell().secretary())) {
					roles.add(Messages.get("orgadmin.role.secretary", c.partyCell().name()));
				}
			}
		}
		return roles;
	}

	// ------------------------------------------------------------------ board and council

	/** The ward's chair, board (Ban Thường vụ) and council (Hội đồng thi đua khen thưởng) members. */
	public static Outcome saveLeadership(Organisation org, String login, String wardCode, String chair,
			List<String> board, String councilChair, List<String> council) {
		Ward ward = managedWard(org, login, wardCode);
		String newChair = person(org, FIELD_CHAIR, chair);
		List<String> newBoard = people(org, FIELD_BOARD, board);
		List<String> members = people(org, FIELD_COUNCIL, council);
		if (members.isEmpty()) {
			throw Refusal.badRequest(FIELD_COUNCIL, Messages.get("orgadmin.refused.council-empty"));
		}
		String newCouncilChair = person(org, FIELD_COUNCIL_CHAIR, councilChair);
		if (!members.contains(newCouncilChair)) {
			throw Refusal.badRequest(FIELD_COUNCIL_CHAIR, Messages.get("orgadmin.refused.council-chair-outside"));
		}
		Council old = ward.council();
		Ward changed = new Ward(ward.code(), ward.name(), newChair, newBoard,
				new Council(old == null ? Messages.get("orgadmin.council.default-name", ward.name()) : old.name(),
						newCouncilChair, members),
				ward.chapters(), ward.admin());
		Map<String, Object> before = leadership(ward);
		Map<String, Object> after = leadership(changed);
		return new Outcome(replaceWard(org, ward, changed), List.of(new Change(ward.code(),
				Messages.get("orgadmin.audit.subject.leadership", ward.code()),
				Messages.get("orgadmin.audit.leadership-changed", ward.name()), before, after)));
	}

	private static Map<String, Object> leadership(Ward w) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("chair", w.chair());
		m.put("board", w.board());
		m.put("council", w.council());
		return m;
	}

	// ------------------------------------------------------------------ wards (city administrator)

	/**
	 * The city administrator adds a ward ({@code wardCode} null: with its chair, who is also the
	 * first member and chair of its council) or changes a ward's name and administrator.
	 */
	public static Outcome saveWard(Organisation org, String login, String wardCode, String code, String name,
			String admin, String chair) {
		if (!managesCity(org, login)) {
			throw Refusal.forbidden(Messages.get("orgadmin.refused.not-city-admin"));
		}
		String newName = text(FIELD_NAME, name, 255);
		String newAdmin = admin == null || admin.isBlank() ? null : person(org, FIELD_ADMIN, admin);
		List<Ward> wards = new ArrayList<>(org.wards());
		if (wardCode == null) {
			String newCode = required(FIELD_CODE, code);
			if (!CODE.matcher(newCode).matches()) {
				throw Refusal.badRequest(FIELD_CODE, Messages.get("orgadmin.refused.code-invalid"));
			}
			if (org.wards().stream().anyMatch(w -> w.code().equals(newCode))) {
				throw Refusal.badRequest(FIELD_CODE, Messages.get("orgadmin.refused.ward-code-taken", newCode));
			}
			String newChair = person(org, FIELD_CHAIR, chair);
			Ward ward = new Ward(newCode, newName, newChair, List.of(),
					new Council(Messages.get("orgadmin.council.default-name", newName), newChair, List.of(newChair)),
					List.of(), newAdmin);
			wards.add(ward);
			return new Outcome(new Organisation(org.city(), wards, org.people()),
					List.of(new Change(newCode, Messages.get("orgadmin.audit.subject.ward", newCode),
							Messages.get("orgadmin.audit.ward-added", newName), null, wardHead(ward))));
		}
		Ward ward = org.wards()
			.stream()
			.filter(w -> w.code().equals(wardCode))
			.findFirst()
			.orElseThrow(() -> Refusal.notFound(Messages.get("orgadmin.refused.ward-unknown")));
		Ward changed = new Ward(ward.code(), newName, ward.chair(), ward.board(), ward.council(), ward.chapters(),
				newAdmin);
		return new Outcome(replaceWard(org, ward, changed),
				List.of(new Change(ward.code(), Messages.get("orgadmin.audit.subject.ward", ward.code()),
						Messages.get("orgadmin.audit.ward-changed", newName), wardHead(ward), wardHead(changed))));
	}

	private static Map<String, Object> wardHead(Ward w) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("code", w.code());
		m.put("name", w.name());
		m.put("admin", w.admin());
		m.put("chair", w.chair());
		return m;
	}

	// ------------------------------------------------------------------ helpers

	static Organisation replaceWard(Organisation org, Ward old, Ward changed) {
		List<Ward> wards = new ArrayList<>(org.wards());
		wards.set(wards.indexOf(old), changed);
		return new Organisation(org.city(), wards, org.people());
	}

	static Ward withChapters(Ward w, List<Chapter> chapters) {
		return new Ward(w.code(), w.name(), w.chair(), w.board(), w.council(), chapters, w.admin());
	}

	static Organisation withCity(Organisation org, City city) {
		return new Organisation(city, org.wards(), org.people());
	}

	static String required(String field, String value) {
		if (value == null || value.isBlank()) {
			throw Refusal.badRequest(field, Messages.get("orgadmin.refused.required"));
		}
		return value.strip();
	}

	static String text(String field, String value, int max) {
		String v = required(field, value);
		if (v.length() > max) {
			throw Refusal.badRequest(field, Messages.get("orgadmin.refused.too-long", max));
		}
		return v;
	}

	static String email(String value) {
		String v = required(FIELD_EMAIL, value);
		if (v.length() > 255 || !EMAIL.matcher(v).matches()) {
			throw Refusal.badRequest(FIELD_EMAIL, Messages.get("orgadmin.refused.email-invalid"));
		}
		return v;
	}

	/** A login of the organisation's people, refused on {@code field} otherwise. */
	static String person(Organisation org, String field, String login) {
		String v = required(field, login);
		Optional<Person> p = org.people().stream().filter(x -> x.id().equals(v)).findFirst();
		if (p.isEmpty()) {
			throw Refusal.badRequest(field, Messages.get("orgadmin.refused.person-unknown", v));
		}
		return v;
	}

	static List<String> people(Organisation org, String field, List<String> logins) {
		Set<String> result = new LinkedHashSet<>();
		for (String l : logins == null ? List.<String>of() : logins) {
			if (l != null && !l.isBlank()) {
				result.add(person(org, field, l));
			}
		}
		return List.copyOf(result);
	}

}
