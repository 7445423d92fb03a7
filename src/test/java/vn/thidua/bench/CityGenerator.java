package vn.thidua.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;

import vn.thidua.identity.organisation.Organisation;
import vn.thidua.identity.organisation.Organisation.Chapter;
import vn.thidua.identity.organisation.Organisation.City;
import vn.thidua.identity.organisation.Organisation.Council;
import vn.thidua.identity.organisation.Organisation.PartyCell;
import vn.thidua.identity.organisation.Organisation.Person;
import vn.thidua.identity.organisation.Organisation.Ward;

/**
 * The benchmark's city: N wards, each with a chair, two board members, a council of five and
 * {@value #CHAPTERS_PER_WARD} chapters (head and Party cell secretary each), written as an
 * organisation file so the application loads it through the production OrganisationSync. Names are
 * fictional; logins are {@code p001.head01}, {@code p001.board1}, ...
 */
final class CityGenerator {

	static final int CHAPTERS_PER_WARD = 15;

	static final int COUNCIL_SIZE = 5;

	private static final String[] FAMILY = { "Nguyễn Thị", "Trần Thị", "Lê Thị", "Phạm Thị", "Hoàng Thị", "Phan Thị",
			"Vũ Thị", "Đặng Thị", "Bùi Thị", "Đỗ Thị", "Hồ Thị", "Ngô Thị", "Dương Thị", "Lý Thị" };

	private static final String[] GIVEN = { "Ánh", "Bích", "Cúc", "Dung", "Duyên", "Giang", "Hằng", "Hương", "Lan",
			"Loan", "Mai", "Nga", "Oanh", "Phúc", "Quyên", "Thảo", "Trang", "Yến" };

	private CityGenerator() {
	}

	static String wardCode(int index) {
		return "p%03d".formatted(index + 1);
	}

	static String chapterCode(int index) {
		return "ch%02d".formatted(index + 1);
	}

	static String head(String ward, int chapter) {
		return ward + ".head" + "%02d".formatted(chapter + 1);
	}

	static String board(String ward, int member) {
		return ward + ".board" + (member + 1);
	}

	static String council(String ward, int member) {
		return ward + ".council" + (member + 1);
	}

	static String cell(String ward, int chapter) {
		return ward + ".cell" + "%02d".formatted(chapter + 1);
	}

	static String chair(String ward) {
		return ward + ".chair";
	}

	static Organisation city(int wards) {
		List<Ward> list = new ArrayList<>();
		List<Person> people = new ArrayList<>();
		for (int w = 0; w < wards; w++) {
			String code = wardCode(w);
			String wardName = "Hội LHPN phường số " + (w + 1);
			people.add(person(chair(code), people.size()));
			List<String> board = List.of(board(code, 0), board(code, 1));
			board.forEach(b -> people.add(person(b, people.size())));
			List<String> council = new ArrayList<>();
			for (int m = 0; m < COUNCIL_SIZE; m++) {
				council.add(council(code, m));
				people.add(person(council(code, m), people.size()));
			}
			List<Chapter> chapters = new ArrayList<>();
			for (int c = 0; c < CHAPTERS_PER_WARD; c++) {
				String secretary = cell(code, c);
				people.add(person(head(code, c), people.size()));
				people.add(person(secretary, people.size()));
				chapters.add(new Chapter(chapterCode(c), "Chi hội Tổ dân phố số " + (c + 1) + " – phường số " + (w + 1),
						head(code, c), new PartyCell("Chi bộ Tổ dân phố số " + (c + 1) + " – phường số " + (w + 1),
								secretary)));
			}
			list.add(new Ward(code, wardName, chair(code), board,
					new Council("Hội đồng Thi đua – Khen thưởng " + wardName, council.get(0), council), chapters));
		}
		return new Organisation(new City("bench", "Hội LHPN thành phố (dữ liệu đo)"), list, people);
	}

	private static Person person(String login, int n) {
		return new Person(login, FAMILY[n % FAMILY.length], GIVEN[(n / FAMILY.length) % GIVEN.length],
				login + "@example.org");
	}

	static Path write(Organisation organisation, Path file) throws IOException {
		ObjectMapper yaml = new ObjectMapper(new YAMLFactory().disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER));
		Files.createDirectories(file.getParent());
		yaml.writeValue(file.toFile(), organisation);
		return file;
	}

}
