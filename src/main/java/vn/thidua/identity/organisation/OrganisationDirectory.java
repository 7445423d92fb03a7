package vn.thidua.identity.organisation;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import vn.thidua.identity.organisation.Organisation.Chapter;
import vn.thidua.identity.organisation.Organisation.Person;
import vn.thidua.identity.organisation.Organisation.Ward;

import vn.thidua.web.Messages;

/**
 * The organisation as stored (the organisation file is only the first import of an installation,
 * see {@link OrganisationStore}), checked before it is served, and the look-ups the processes need:
 * a person's chapter, a chapter's Party cell, a ward's board and council. A change replaces the
 * whole organisation at once ({@link #replace}); readers see either the old or the new one.
 */
@Service
public class OrganisationDirectory {

	private static final Pattern CODE = Pattern.compile("[a-z0-9]+");

	private static final Pattern LOGIN = Pattern.compile("[a-zA-Z0-9_.]+");

	/** One version of the organisation with its index of people, swapped as a whole. */
	private record State(Organisation organisation, Map<String, Person> people, long version) {
	}

	private volatile State state;

	@Autowired
	public OrganisationDirectory(OrganisationProperties properties) {
		this(read(properties));
	}

	OrganisationDirectory(Organisation organisation) {
		List<String> problems = problems(organisation);
		if (!problems.isEmpty()) {
			throw new IllegalStateException(Messages.get("identity.organisation.invalid", String.join("; ", problems)));
		}
		this.state = new State(organisation, index(organisation), 0);
	}

	private static Map<String, Person> index(Organisation organisation) {
		Map<String, Person> people = new LinkedHashMap<>();
		organisation.people().forEach(p -> people.put(p.id(), p));
		return people;
	}

	/** The stored version this node serves (0 before the first load from the database). */
	public long version() {
		return state.version();
	}

	/**
	 * Serves another organisation from now on; refused (nothing changes) when it is not valid.
	 * @param version the stored version it is
	 */
	synchronized void replace(Organisation organisation, long version) {
		List<String> problems = problems(organisation);
		if (!problems.isEmpty()) {
			throw new IllegalStateException(Messages.get("identity.organisation.invalid", String.join("; ", problems)));
		}
		this.state = new State(organisation, index(organisation), version);
	}

	/**
	 * The file's size limit: SnakeYAML's default (3 million characters) is a city of about 400 wards;
	 * the file is the administrator's own, so the limit only guards against a runaway file.
	 */
	static final int FILE_CODE_POINT_LIMIT = 64 * 1024 * 1024;

	private static Organisation read(OrganisationProperties properties) {
		org.yaml.snakeyaml.LoaderOptions options = new org.yaml.snakeyaml.LoaderOptions();
		options.setCodePointLimit(FILE_CODE_POINT_LIMIT);
		ObjectMapper yaml = new ObjectMapper(YAMLFactory.builder().loaderOptions(options).build())
			.configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
		try (InputStream in = properties.file().getInputStream()) {
			return yaml.readValue(in, Organisation.class);
		}
		catch (IOException ex) {
			throw new IllegalStateException(
					Messages.get("identity.organisation.unreadable", properties.file(), ex.getMessage()), ex);
		}
	}

	/** What is wrong with an organisation (empty when it may be served), in Vietnamese. */
	static List<String> problems(Organisation organisation) {
		Map<String, Person> people = index(organisation);
		List<String> problems = new ArrayList<>();
		Set<String> ids = new HashSet<>();
		for (Person p : organisation.people()) {
			if (p.id() == null || !LOGIN.matcher(p.id()).matches()) {
				problems.add(Messages.get("identity.organisation.login-invalid", p.id()));
			}
			else if (!ids.add(p.id())) {
				problems.add(Messages.get("identity.organisation.login-repeated", p.id()));
			}
			if (p.email() == null || !p.email().matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
				problems.add(Messages.get("identity.organisation.email-invalid", p.id()));
			}
		}
		if (organisation.city() != null && organisation.city().admin() != null) {
			requirePerson(people, problems, organisation.city().admin(), Messages.get("identity.organisation.role.city-admin"));
		}
		Set<String> wardCodes = new HashSet<>();
		Organisation.City city = organisation.city();
		if (city != null && city.reviews()) {
			if (city.code() == null || !CODE.matcher(city.code()).matches()) {
				problems.add(Messages.get("identity.organisation.ward-code-invalid", city.code()));
			}
			else {
				wardCodes.add(city.code());
			}
		}
		if (city != null && city.reviews()) {
			// the city's officials are checked as a ward's are; no ward may take its code
			checkOfficials(people, problems, city.asUnit());
		}
		for (Ward w : organisation.wards()) {
			if (w.code() == null || !CODE.matcher(w.code()).matches() || !wardCodes.add(w.code())) {
				problems.add(Messages.get("identity.organisation.ward-code-invalid", w.code()));
				continue;
			}
			if (w.admin() != null) {
				requirePerson(people, problems, w.admin(), Messages.get("identity.organisation.role.admin", w.code()));
			}
			checkOfficials(people, problems, w);
			Set<String> chapterCodes = new HashSet<>();
			for (Chapter c : w.chapters()) {
				if (c.code() == null || !CODE.matcher(c.code()).matches() || !chapterCodes.add(c.code())) {
					problems.add(Messages.get("identity.organisation.chapter-code-invalid", c.code(), w.code()));
				}
				requirePerson(people, problems, c.head(), Messages.get("identity.organisation.role.head", w.code(), c.code()));
				if (c.partyCell() == null) {
					problems.add(Messages.get("identity.organisation.party-cell-missing", w.code(), c.code()));
				}
				else {
					requirePerson(people, problems, c.partyCell().secretary(),
							Messages.get("identity.organisation.role.secretary", w.code(), c.code()));
				}
			}
		}
		return problems;
	}

	private static void checkOfficials(Map<String, Person> people, List<String> problems, Ward w) {
		requirePerson(people, problems, w.chair(), Messages.get("identity.organisation.role.chair", w.code()));
		w.board()
			.forEach(b -> requirePerson(people, problems, b, Messages.get("identity.organisation.role.board", w.code())));
		if (w.council() == null || w.council().members().isEmpty()) {
			problems.add(Messages.get("identity.organisation.council-missing", w.code()));
		}
		else {
			w.council()
				.members()
				.forEach(m -> requirePerson(people, problems, m, Messages.get("identity.organisation.role.council", w.code())));
			if (!w.council().members().contains(w.council().chair())) {
				problems.add(Messages.get("identity.organisation.council-chair-outside", w.code()));
			}
		}
	}

	private static void requirePerson(Map<String, Person> people, List<String> problems, String login, String where) {
		if (login == null || !people.containsKey(login)) {
			problems.add(Messages.get("identity.organisation.person-unknown", where, login));
		}
	}

	public Organisation organisation() {
		return state.organisation();
	}

	public List<Ward> wards() {
		return state.organisation().wards();
	}

	/**
	 * Every organisation unit with a chair, a board and a council: the wards, and the city when it has
	 * officials (as a unit without chapters, its code the city's). Levels come from here, not from code.
	 */
	public List<Ward> units() {
		Optional<Ward> city = cityUnit();
		if (city.isEmpty()) {
			return state.organisation().wards();
		}
		List<Ward> units = new ArrayList<>(state.organisation().wards());
		units.add(city.get());
		return units;
	}

	/** The city as a unit (chair, board, council) when the file gives it officials. */
	public Optional<Ward> cityUnit() {
		Organisation.City city = state.organisation().city();
		return city != null && city.reviews() ? Optional.of(city.asUnit()) : Optional.empty();
	}

	/** A ward, or the city, by its code. */
	public Optional<Ward> unit(String code) {
		return units().stream().filter(w -> w.code().equals(code)).findFirst();
	}

	/** Whether the code is the city's (the level above the wards) rather than a ward's. */
	public boolean isCity(String code) {
		return cityUnit().map(c -> c.code().equals(code)).orElse(false);
	}

	public Optional<Person> person(String login) {
		return Optional.ofNullable(state.people().get(login));
	}

	public List<Person> people() {
		return state.organisation().people();
	}

	public Optional<Ward> ward(String wardCode) {
		return state.organisation().wards().stream().filter(w -> w.code().equals(wardCode)).findFirst();
	}

	/** The chapter with this group id ({@code <ward>-<chapter>}), with its ward. */
	public Optional<ChapterRef> chapterByGroup(String chapterGroupId) {
		return chapters().filter(c -> c.groupId().equals(chapterGroupId)).findFirst();
	}

	/** The chapters this person heads (usually one). */
	public List<ChapterRef> chaptersHeadedBy(String login) {
		return chapters().filter(c -> login.equals(c.chapter().head())).toList();
	}

	/** The chapters whose Party cell this person is secretary of. */
	public List<ChapterRef> chaptersGuidedBy(String login) {
		return chapters().filter(c -> login.equals(c.chapter().partyCell().secretary())).toList();
	}

	/** The wards this person belongs to in any role. */
	public List<Ward> wardsOf(String login) {
		return state.organisation().wards().stream().filter(w -> membersOf(w).contains(login)).toList();
	}

	public Stream<ChapterRef> chapters() {
		return state.organisation().wards().stream().flatMap(w -> w.chapters().stream().map(c -> new ChapterRef(w, c)));
	}

	/** Every login with a role in the ward. */
	public Set<String> membersOf(Ward w) {
		Set<String> members = new java.util.LinkedHashSet<>();
		members.add(w.chair());
		members.addAll(w.board());
		members.addAll(w.council().members());
		for (Chapter c : w.chapters()) {
			members.add(c.head());
			members.add(c.partyCell().secretary());
		}
		return members;
	}

	/** A chapter together with its ward, and the group ids processes use for it. */
	public record ChapterRef(Ward ward, Chapter chapter) {

		public String groupId() {
			return GroupIds.chapter(ward.code(), chapter.code());
		}

		public String partyCellGroupId() {
			return GroupIds.partyCell(ward.code(), chapter.code());
		}

	}

}
