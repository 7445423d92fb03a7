package vn.thidua.nomination;

import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The facts other features decide access by: a nomination's ward, chapter, award, nominee type and
 * state, read from the nomination's own table ({@code thidua_nomination}), and its open steps of
 * preparing or revising the dossier.
 */
@Component
public class NominationLookup {

	/** The steps in which the nominating chapter prepares or revises the dossier. */
	public static final List<String> PREPARING_STEPS = List.of(NominationVariables.TASK_COMPLETE_DOSSIER,
			NominationVariables.TASK_REVISE);

	/** A nomination as access rules see it; {@code active} while its process runs. */
	public record Facts(String processInstanceId, String wardCode, String chapterGroup, String nomineeType,
			String awardCode, String status) {

		public boolean active() {
			return NominationRepository.ACTIVE.equals(status);
		}

	}

	private final JdbcClient jdbc;

	NominationLookup(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The city reviewing this recommendation in this installation (issue 19), if any: its officials read the dossier. */
	public Optional<String> reviewingCity(String processInstanceId) {
		return jdbc.sql("SELECT city_code FROM thidua_city_review WHERE nomination_id = :pid ORDER BY id")
			.param("pid", processInstanceId)
			.query(String.class)
			.list()
			.stream()
			.findFirst();
	}

	public Optional<Facts> find(String processInstanceId) {
		if (processInstanceId == null || processInstanceId.length() > 64) {
			return Optional.empty();
		}
		return jdbc.sql("SELECT process_instance_id, ward_code, chapter_group, nominee_type, award_code, status "
				+ "FROM thidua_nomination WHERE process_instance_id = :pid")
			.param("pid", processInstanceId)
			.query((rs, i) -> new Facts(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getString(5), rs.getString(6)))
			.optional();
	}

}
